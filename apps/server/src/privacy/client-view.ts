import { maskPersonalText } from '../analytics/mask.util.js';
import { maskName } from './pii-mask.js';

// What a brand's `client` user gets of a buyer: the desk's answers pass through `maskForClient`, which masks
// every customer's name and external id and the personal data written in messages (phones, e-mails,
// addresses, the customer's and introduced names: `maskPersonalText`), and leaves out the agency's notes.
// By field name, so that a new view with a customer or a message in it is masked without being told.

const TEXT_FIELDS = new Set(['body', 'text', 'lastMessagePreview', 'preview', 'customerName']);
const NAME_FIELDS = new Set(['customerName']);

function maskCustomer(c: Record<string, unknown>): Record<string, unknown> {
  return {
    ...c,
    ...(typeof c.name === 'string' && { name: maskName(c.name) }),
    ...(typeof c.externalId === 'string' && { externalId: maskName(c.externalId) }),
  };
}

const isNote = (m: unknown) => !!m && typeof m === 'object' && (m as { direction?: unknown }).direction === 'note';

/** The names of the people an answer is about (a conversation's customer, a ticket's), masked wherever they are written. */
function namesIn(o: Record<string, unknown>, key: string): string[] {
  const customer = o.customer as { name?: unknown } | undefined;
  return [customer?.name, o.customerName, key === 'customer' ? o.name : undefined].filter((n): n is string => typeof n === 'string' && n.length > 0);
}

export function maskForClient(value: unknown, key = '', names: readonly string[] = []): unknown {
  if (typeof value === 'string') return NAME_FIELDS.has(key) ? maskName(value) : TEXT_FIELDS.has(key) ? maskPersonalText(value, names) : value;
  // The agency's internal notes are its own.
  if (Array.isArray(value)) return (key === 'messages' ? value.filter((m) => !isNote(m)) : value).map((v) => maskForClient(v, key, names));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const o = value as Record<string, unknown>;
  const known = [...names, ...namesIn(o, key)];
  const entries = Object.entries(key === 'customer' ? maskCustomer(o) : o);
  return Object.fromEntries(entries.map(([k, v]) => [k, maskForClient(v, k, known)]));
}
