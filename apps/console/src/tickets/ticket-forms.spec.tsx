/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { allowedActions, type Order, type PolicyDecision, type Ticket, type TicketDraft, type TransitionInput, type User } from '@kefu/contracts';
import { fakeApi, renderInDesk } from '../testing/render';
import { OpenTicketDialog } from './OpenTicketDialog';
import { TicketActions } from './TicketActions';

const me = { id: 'u1', name: '张三', role: 'agent' } as User;
const CONVERSATION = '0b8f5a52-3c43-4d3e-9a57-2f6d3c1b9e01';
const decision = (eligible: boolean, rule: string): PolicyDecision => ({ eligible, rule, reason: rule, returnShippingPaidBy: 'customer', daysSinceDelivery: 3, windowEndsOn: null, decidedAt: '2026-12-01T00:00:00.000Z' });
const ticket = (status: Ticket['status'], updatedAt = '2026-12-01T08:00:00.000Z'): Ticket => ({
  id: 't1', number: 'T-000001', storeId: 's1', conversationId: 'c1', customerId: 'cu1', type: 'return', status, resumeStatus: null,
  orderRef: 'O-1', orderedAt: null, deliveredAt: null, items: [], totalPaid: 100, refundedAmount: 0, customerReason: '不想要了',
  cause: 'changed_mind', causeSource: 'auto', causeConfidence: 0.9, suggestedCause: 'changed_mind', policyDecision: decision(false, 'excluded_category'),
  policyOverride: null, resolution: null, returnAddress: null, assigneeId: 'u1', createdById: 'u1', resolutionDueAt: null, resolutionBreachedAt: null,
  allowedActions: allowedActions('return', status), createdAt: '2026-12-01T08:00:00.000Z', updatedAt, closedAt: null,
});

describe('ticket step forms', () => {
  it('asks for a reason before rejecting, sends it, and puts the focus on the next step', async () => {
    const sent: TransitionInput[] = [];
    let current = ticket('requested');
    const view = renderInDesk(<TicketActions ticket={current} me={me} onTransition={async (input) => void sent.push(input)} onStale={() => undefined} />);
    const reject = screen.getByTestId('ticket-action-reject');
    fireEvent.click(reject);
    const form = await screen.findByTestId('ticket-form');
    fireEvent.submit(form);
    await waitFor(() => expect(form.querySelector('[aria-invalid="true"]')).not.toBeNull());
    expect(sent).toEqual([]);

    const field = within(form).getByRole('textbox');
    fireEvent.change(field, { target: { value: '该品类不支持无理由退货' } });
    fireEvent.submit(form);
    await waitFor(() => expect(sent).toEqual([{ action: 'reject', reason: '该品类不支持无理由退货' }]));

    // The ticket comes back rejected: the focus lands on its next step, not on the page.
    current = { ...ticket('rejected', '2026-12-01T09:00:00.000Z') };
    view.rerender(<TicketActions ticket={current} me={me} onTransition={async () => undefined} onStale={() => undefined} />);
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe(`ticket-action-${current.allowedActions[0]}`));
  });

  it('Esc in a step form closes it and the focus is back on its button', async () => {
    renderInDesk(<TicketActions ticket={ticket('requested')} me={me} onTransition={async () => undefined} onStale={() => undefined} />);
    fireEvent.click(screen.getByTestId('ticket-action-reject'));
    const form = await screen.findByTestId('ticket-form');
    fireEvent.click(within(form).getByTestId('ticket-form-cancel'));
    await waitFor(() => expect(screen.queryByTestId('ticket-form')).toBeNull());
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('ticket-action-reject'));
  });
});

describe('the open-a-ticket dialog', () => {
  const order = (orderRef: string, category: string, deliveredAt: string | null): Order => ({
    id: orderRef, storeId: 's1', orderRef, customerExternalId: 'b1', items: [{ sku: `${orderRef}-A`, name: `${category} item`, category, qty: 1, price: 99 }],
    totalPaid: 99, paidAt: '2026-11-20T00:00:00.000Z', shippedAt: null, deliveredAt, carrier: null, trackingNumber: null, platformUpdatedAt: null, fetchedAt: '2026-12-01T00:00:00.000Z', receiver: null,
  });
  const orders = [order('O-NEW', 'underwear', '2026-11-28T00:00:00.000Z'), order('O-OLD', 'apparel', '2026-11-25T00:00:00.000Z')];
  const draftFor = (orderRef: string | null): TicketDraft => {
    const o = orders.find((x) => x.orderRef === orderRef);
    return {
      conversationId: CONVERSATION, type: 'return', customerReason: '不想要了', orderRef, orderedAt: o?.paidAt ?? null, deliveredAt: o?.deliveredAt ?? null, items: o?.items ?? [],
      suggestedCause: 'changed_mind', causeConfidence: 0.8, policyDecision: o?.items[0].category === 'underwear' ? decision(false, 'excluded_category') : decision(true, 'no_reason_return_window'),
    };
  };

  function open() {
    const calls = fakeApi({
      [`GET /api/conversations/${CONVERSATION}/orders`]: () => ({ items: orders, total: 2, nextCursor: null }),
      // The server's choice without orderRef: the customer's most recent order.
      'GET /api/tickets/draft': (_b, url) => draftFor(url.searchParams.get('orderRef') ?? 'O-NEW'),
      'POST /api/tickets': (body) => ({ ...ticket('requested'), ...(body as object) }),
    });
    const created: Ticket[] = [];
    renderInDesk(<OpenTicketDialog conversationId={CONVERSATION} onClose={() => undefined} onCreated={(t) => created.push(t)} />);
    return { calls, created };
  }

  it('preselects the order on screen and previews the policy for it; another order brings its own verdict', async () => {
    const { calls } = open();
    await waitFor(() => expect(screen.getByTestId('ticket-dialog-order').textContent).toBe('O-NEW'));
    await waitFor(() => expect(screen.getByTestId('ticket-dialog-policy').getAttribute('data-eligible')).toBe('false'));
    const select = screen.getByTestId('ticket-dialog-order-select') as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(['O-NEW', 'O-OLD', '']));

    fireEvent.change(select, { target: { value: 'O-OLD' } });
    await waitFor(() => expect(screen.getByTestId('ticket-dialog-policy').getAttribute('data-eligible')).toBe('true'));
    expect(calls.some((c) => c.path === '/api/tickets/draft')).toBe(true);
    expect(screen.getByTestId('ticket-dialog-items').textContent).toContain('apparel item');
  });

  it('says so when no order is chosen while the customer has orders', async () => {
    open();
    await waitFor(() => expect(screen.getByTestId('ticket-dialog-order').textContent).toBe('O-NEW'));
    fireEvent.change(screen.getByTestId('ticket-dialog-order-select'), { target: { value: '' } });
    await screen.findByTestId('ticket-dialog-no-order-warning');
    expect(screen.queryByTestId('ticket-dialog-policy')).toBeNull();
  });

  it('refuses an empty reason, and opens the ticket with the chosen order on Enter', async () => {
    const { calls, created } = open();
    const reason = (await screen.findByTestId('ticket-dialog-reason')) as HTMLTextAreaElement;
    await waitFor(() => expect(screen.getByTestId('ticket-dialog-policy')).not.toBeNull());
    fireEvent.change(reason, { target: { value: '  ' } });
    fireEvent.keyDown(reason, { key: 'Enter' });
    await screen.findByTestId('ticket-dialog-error');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.change(reason, { target: { value: '内衣不想要了' } });
    fireEvent.keyDown(reason, { key: 'Enter' });
    await waitFor(() => expect(created).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({ conversationId: CONVERSATION, type: 'return', customerReason: '内衣不想要了', orderRef: 'O-NEW', deliveredAt: orders[0].deliveredAt, items: orders[0].items });
  });
});
