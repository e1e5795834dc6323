import { z } from 'zod';
import { CAUSE_CODES, TICKET_STATUSES, TICKET_TYPES, text } from '@kefu/contracts';
import { DEFAULT_TICKET_FILTERS, type TicketFilters } from './ticket-format';

/**
 * The ticket list's filters in the address (#/tickets?store=…&type=return&state=closed&cause=none&overdue=true&q=…): a
 * link opens the same list, back and forward step through the choices. A bad value is dropped, not an error; defaults
 * are left out.
 */
export const TicketSearch = z.object({
  store: text().max(64).optional().catch(undefined),
  type: z.enum(TICKET_TYPES).optional().catch(undefined),
  status: z.enum(TICKET_STATUSES).optional().catch(undefined),
  state: z.enum(['open', 'closed', 'all']).optional().catch(undefined),
  cause: z.enum([...CAUSE_CODES, 'none']).optional().catch(undefined),
  overdue: z.boolean().optional().catch(undefined),
  q: text().max(200).optional().catch(undefined),
});
export type TicketSearch = z.infer<typeof TicketSearch>;

export const ticketFiltersOf = (s: TicketSearch): TicketFilters => ({
  storeId: s.store ?? '',
  type: s.type ?? '',
  status: s.status ?? '',
  state: s.state ?? DEFAULT_TICKET_FILTERS.state,
  cause: s.cause ?? '',
  overdue: s.overdue === true,
  q: s.q ?? '',
});

export const ticketSearchOf = (f: TicketFilters): TicketSearch => ({
  store: f.storeId || undefined,
  type: f.type || undefined,
  status: f.status || undefined,
  state: f.state === DEFAULT_TICKET_FILTERS.state ? undefined : f.state,
  cause: f.cause || undefined,
  overdue: f.overdue || undefined,
  q: f.q.trim() || undefined,
});
