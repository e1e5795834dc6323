import { describe, expect, it } from '@jest/globals';
import { allowedActions, ticketMatches, type Ticket } from '@kefu/contracts';
import {
  DEFAULT_TICKET_FILTERS,
  buildTransition,
  detailEntries,
  endOfLocalDay,
  formFor,
  isLowConfidence,
  itemsSummary,
  parseAmount,
  refundableAmount,
  sortForPanel,
  statusTone,
  toTicketFilter,
  toTicketQuery,
  upsertTicket,
} from './ticket-format';

const ticket = (id: string, extra: Partial<Ticket> = {}): Ticket => {
  const base: Ticket = {
    id,
    number: `T-0000${id}`,
    storeId: 's1',
    conversationId: 'c1',
    customerId: 'cu1',
    type: 'return',
    status: 'requested',
    resumeStatus: null,
    orderRef: '2026112712345',
    orderedAt: null,
    deliveredAt: '2026-11-20T08:00:00.000Z',
    items: [{ sku: 'KT-1500-SS', name: 'Electric kettle', category: 'home', qty: 1, price: 159 }],
    totalPaid: 159,
    refundedAmount: 0,
    customerReason: '不想要了',
    cause: 'changed_mind',
    causeSource: 'auto',
    causeConfidence: 0.82,
    suggestedCause: 'changed_mind',
    policyDecision: {
      eligible: true,
      rule: 'no_reason_return_window',
      reason: 'No-reason return on day 3, within 7 days of delivery',
      returnShippingPaidBy: 'customer',
      daysSinceDelivery: 3,
      windowEndsOn: '2026-11-27',
      decidedAt: '2026-11-23T08:00:00.000Z',
    },
    policyOverride: null,
    resolution: null,
    returnAddress: null,
    assigneeId: null,
    createdById: null,
    resolutionDueAt: '2026-11-25T08:00:00.000Z',
    resolutionBreachedAt: null,
    allowedActions: [],
    createdAt: '2026-11-23T08:00:00.000Z',
    updatedAt: '2026-11-23T08:00:00.000Z',
    closedAt: null,
    ...extra,
  };
  return { ...base, allowedActions: extra.allowedActions ?? allowedActions(base.type, base.status) };
};

describe('ticket display rules', () => {
  it('gives every status a tone, and marks low-confidence suggestions', () => {
    expect(statusTone('requested')).toBe('todo');
    expect(statusTone('awaiting_supplier')).toBe('waiting');
    expect(statusTone('refunded')).toBe('done');
    expect(isLowConfidence(0.59)).toBe(true);
    expect(isLowConfidence(0.6)).toBe(false);
    expect(isLowConfidence(null)).toBe(false);
  });

  it('prefills a refund with what is left to refund', () => {
    expect(refundableAmount(ticket('1', { totalPaid: 318, refundedAmount: 159.1 }))).toBe(158.9);
    expect(refundableAmount(ticket('1', { totalPaid: 100, refundedAmount: 120 }))).toBe(0);
  });

  it('shows open tickets first, newest first', () => {
    const old = ticket('1', { createdAt: '2026-11-01T00:00:00.000Z' });
    const closed = ticket('2', { status: 'closed', createdAt: '2026-11-25T00:00:00.000Z' });
    const recent = ticket('3', { createdAt: '2026-11-24T00:00:00.000Z' });
    expect(sortForPanel([old, closed, recent]).map((t) => t.id)).toEqual(['3', '1', '2']);
  });

  it('never lets an older copy of a ticket replace a newer one', () => {
    const newer = ticket('1', { status: 'approved', updatedAt: '2026-11-23T09:00:00.000Z' });
    const older = ticket('1', { status: 'requested', updatedAt: '2026-11-23T08:00:00.000Z' });
    expect(upsertTicket([newer], older)).toEqual([newer]);
    expect(upsertTicket([older], newer)).toEqual([newer]);
    expect(upsertTicket([older], ticket('2')).map((t) => t.id)).toEqual(['2', '1']);
  });

  it('summarises items in one line', () => {
    const more = (n: number) => `+${n}`;
    expect(itemsSummary([{ name: 'Kettle', qty: 2 }], more)).toBe('Kettle ×2');
    expect(itemsSummary([{ name: 'A', qty: 1 }, { name: 'B', qty: 1 }, { name: 'C', qty: 1 }], more)).toBe('A · B +1');
  });

  it('orders timeline details and leaves empty ones out', () => {
    expect(detailEntries({ note: 'n', amount: 10, empty: '', none: null, obj: {}, reason: 'r', supplierCaseId: 'x' }).map(([k]) => k)).toEqual(['reason', 'amount', 'note']);
  });
});

describe('ticket actions', () => {
  it('asks for input only where the action needs it', () => {
    const eligible = ticket('1');
    const notEligible = ticket('1', { policyDecision: { ...eligible.policyDecision, eligible: false } });
    expect(formFor('approve', eligible)).toBeNull();
    expect(formFor('approve', notEligible)).toBe('approve_override');
    // Once overridden (pending a supervisor), approving needs no second reason.
    expect(formFor('approve', { ...notEligible, policyOverride: { reason: 'r', byId: 'u', at: '', status: 'pending', approvedById: null } })).toBeNull();
    expect(formFor('receive', eligible)).toBeNull();
    expect(formFor('refund', eligible)).toBe('refund');
    expect(formFor('close', eligible)).toBe('close_cause');
    expect(formFor('close', { ...eligible, causeSource: 'agent' })).toBeNull();
  });

  it('builds each transition with the contract, naming bad fields', () => {
    expect(buildTransition('approve', {})).toEqual({ ok: true, input: { action: 'approve' } });
    expect(buildTransition('approve', { overrideReason: 'x' }, true)).toEqual({ ok: false, fields: { overrideReason: expect.any(String) } });
    expect(buildTransition('approve', { overrideReason: 'loyal customer' }, true)).toEqual({ ok: true, input: { action: 'approve', override: { reason: 'loyal customer' } } });
    expect(buildTransition('reject', { reason: '  ' })).toMatchObject({ ok: false, fields: { reason: expect.any(String) } });
    expect(buildTransition('refund', { amount: '¥1,299.50' })).toEqual({ ok: true, input: { action: 'refund', amount: 1299.5 } });
    expect(buildTransition('refund', { amount: '12.345' })).toMatchObject({ ok: false, fields: { amount: expect.any(String) } });
    expect(buildTransition('refund', { amount: 'abc' })).toMatchObject({ ok: false, fields: { amount: expect.any(String) } });
    expect(buildTransition('ship_replacement', { trackingNumber: 'SF123', carrier: ' ' })).toEqual({ ok: true, input: { action: 'ship_replacement', trackingNumber: 'SF123' } });
    expect(buildTransition('request_return', { returnAddress: ' ' })).toEqual({ ok: true, input: { action: 'request_return' } });
    expect(buildTransition('request_return', { returnAddress: '杭州市余杭区 1 号仓' })).toEqual({ ok: true, input: { action: 'request_return', returnAddress: '杭州市余杭区 1 号仓' } });
    expect(buildTransition('wait_customer', { note: ' ' })).toEqual({ ok: false, fields: { note: 'required' } });
    expect(buildTransition('inspect', {})).toMatchObject({ ok: false, fields: { passed: expect.any(String) } });
    expect(buildTransition('inspect', { passed: false })).toEqual({ ok: true, input: { action: 'inspect', passed: false } });
    expect(buildTransition('close', { cause: 'size_fit' })).toEqual({ ok: true, input: { action: 'close', cause: 'size_fit' } });
    expect(buildTransition('supplier_replied', { outcome: 'compensate' })).toEqual({ ok: false, fields: { compensationAmount: 'required' } });
    expect(buildTransition('supplier_replied', { outcome: 'declined', compensationAmount: '5' })).toEqual({ ok: true, input: { action: 'supplier_replied', outcome: 'declined' } });
  });

  it('opens a supplier case due at the end of the chosen day', () => {
    const built = buildTransition('open_supplier_case', { supplier: 'Acme', remedy: 'replace', dueDate: '2026-12-01' });
    expect(built.ok).toBe(true);
    if (built.ok && built.input.action === 'open_supplier_case') {
      const due = new Date(built.input.dueAt);
      expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours()]).toEqual([2026, 11, 1, 23]);
      expect(built.input.reminderIntervalHours).toBe(24);
    }
    expect(buildTransition('open_supplier_case', { supplier: 'Acme', remedy: 'replace' })).toMatchObject({ ok: false, fields: { dueDate: expect.any(String) } });
    expect(endOfLocalDay('tomorrow')).toBeUndefined();
    expect(parseAmount(' 88 ')).toBe(88);
  });
});

describe('ticket list', () => {
  it('asks the API for what the filters say (a status wins over the state)', () => {
    expect(toTicketQuery(DEFAULT_TICKET_FILTERS)).toEqual({ state: 'open' });
    expect(toTicketQuery({ ...DEFAULT_TICKET_FILTERS, status: 'refunded', overdue: true, q: ' T-00 ' })).toEqual({ status: 'refunded', overdue: 'true', q: 'T-00' });
    expect(toTicketQuery({ ...DEFAULT_TICKET_FILTERS, state: 'all', cause: 'none', type: 'exchange', storeId: 's2' })).toEqual({ state: undefined, cause: 'none', type: 'exchange', storeId: 's2' });
  });

  it('gives the live predicate the filter the API answers', () => {
    const f = DEFAULT_TICKET_FILTERS;
    expect(toTicketFilter(f)).toEqual({ state: 'open' });
    expect(toTicketFilter({ ...f, status: 'refunded', overdue: true, q: ' T-00 ' })).toEqual({ status: ['refunded'], overdue: true, q: 'T-00' });
    const t = ticket('1', { status: 'closed' });
    expect(ticketMatches(t, toTicketFilter(f))).toBe(false);
    expect(ticketMatches(t, toTicketFilter({ ...f, state: 'closed' }))).toBe(true);
    expect(ticketMatches(ticket('1'), toTicketFilter({ ...f, cause: 'none' }))).toBe(false);
    expect(ticketMatches(ticket('1', { cause: null }), toTicketFilter({ ...f, cause: 'none' }))).toBe(true);
  });
});
