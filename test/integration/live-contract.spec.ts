import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  compareTickets,
  conversationMatches,
  conversationOrder,
  ticketMatches,
  type Conversation,
  type ConversationFilter,
  type Ticket,
  type TicketFilter,
} from '@kefu/contracts';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

/**
 * The console keeps its lists live with the contract's predicates and orders (libs/contracts/src/live.ts) instead of
 * asking the server again: here they are held against the server's own WHERE and ORDER BY on every filter combination.
 */
describe('live list predicates agree with the api', () => {
  let desk: Desk;
  let admin: string;
  let s: Awaited<ReturnType<typeof storeWithAgent>>;

  beforeAll(async () => {
    desk = await startDesk({ env: { SLA_RECONCILE_MS: '500' } });
    admin = await login(desk.url, 'admin@demo.kefu');
    s = await storeWithAgent(desk.url, admin, 'Live contract', { businessHours: null, slaPolicy: { firstResponseSeconds: 2, nextResponseSeconds: 2, warnBeforeSeconds: 1 } });
  });
  afterAll(() => desk.close());

  const say = async (buyer: string, text: string) => (await signedInbound(desk.url, s.channel, inboundBody(text, buyer))).body.conversationId as string;
  const get = (path: string, token = s.agentToken) => http(desk.url, 'GET', path, { token });
  const post = (path: string, body: unknown, token = admin) => http(desk.url, 'POST', path, { token, body });
  const query = (f: Record<string, unknown>) =>
    new URLSearchParams(Object.entries(f).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(',') : String(v)]]))).toString();

  it('conversations: status, assignee, breach and both orders', async () => {
    // Breached and unassigned; breached and mine; then, on a long clock: running and mine, answered and mine, pending, resolved.
    const breachedQueue = await say('lc-1', '在吗');
    const breachedMine = await say('lc-2', '有人吗');
    await post(`/api/conversations/${breachedMine}/assign`, { assigneeId: s.agent.id });
    await waitFor(async () => (await get(`/api/conversations/${breachedMine}`)).body.slaBreachedAt && (await get(`/api/conversations/${breachedQueue}`)).body.slaBreachedAt, 8000, 'two breaches');
    await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { slaPolicy: { firstResponseSeconds: 900, nextResponseSeconds: 900, warnBeforeSeconds: 300 } } });
    const running = await say('lc-3', '尺码怎么选');
    const answered = await say('lc-4', '发票');
    const pending = await say('lc-5', '等我确认一下');
    const resolved = await say('lc-6', '谢谢');
    for (const id of [running, answered, pending, resolved]) await post(`/api/conversations/${id}/assign`, { assigneeId: s.agent.id });
    await post(`/api/conversations/${answered}/messages`, { body: '您好' });
    await post(`/api/conversations/${pending}/status`, { status: 'pending' });
    await post(`/api/conversations/${resolved}/status`, { status: 'resolved' });

    const all = (await get(`/api/conversations?storeId=${s.store.id}&limit=200`)).body.items as Conversation[];
    expect(all).toHaveLength(6);
    let checked = 0;
    for (const status of [undefined, 'open', 'pending', 'resolved'] as const)
      for (const assigneeId of [undefined, 'me', 'none', s.agent.id])
        for (const breached of [undefined, true, false])
          for (const sort of ['activity', 'sla'] as const) {
            const filter: ConversationFilter = { storeId: s.store.id, status, assigneeId, breached, sort };
            const answer = await get(`/api/conversations?${query(filter)}`);
            expect(answer.status).toBe(200);
            const expected = all.filter((c) => conversationMatches(c, filter, s.agent.id)).sort(conversationOrder(sort));
            expect({ filter, ids: (answer.body.items as Conversation[]).map((c) => c.id) }).toEqual({ filter, ids: expected.map((c) => c.id) });
            checked++;
          }
    expect(checked).toBe(96);
    // Waiting for a reply (the title badge counts mine through `total`).
    for (const awaiting of [true, false])
      for (const assigneeId of [undefined, 'me'])
        for (const status of [undefined, 'open'] as const) {
          const filter: ConversationFilter = { storeId: s.store.id, status, assigneeId, awaiting };
          const answer = await get(`/api/conversations?${query({ ...filter, limit: 1 })}`);
          const expected = all.filter((c) => conversationMatches(c, filter, s.agent.id));
          expect({ filter, total: answer.body.total }).toEqual({ filter, total: expected.length });
        }
    // Both kinds are there, so a server ignoring the filter fails above.
    expect(new Set(all.filter((c) => c.assigneeId === s.agent.id).map((c) => c.awaitingReplySince === null))).toEqual(new Set([true, false]));
    // A search is for the server alone: the predicate says so rather than guessing.
    expect(conversationMatches(all[0], { q: '尺码' }, s.agent.id)).toBeUndefined();
  });

  it('tickets: state, status, type, cause, overdue and the number or order searched', async () => {
    const conversationId = await say(`lt-${randomUUID().slice(0, 6)}`, '质量有问题');
    const open = (type: string, cause: string | undefined, orderRef: string) =>
      post('/api/tickets', { conversationId, type, customerReason: '开线了', cause, orderRef, orderedAt: new Date().toISOString(), deliveredAt: null, items: [{ sku: 'A', name: 'a', category: 'apparel', qty: 1, price: 10 }] });
    const made: Ticket[] = [];
    for (const [type, cause, ref] of [['return', 'product_quality', 'LC-1'], ['exchange', undefined, 'LC-2'], ['refund_only', 'changed_mind', 'LC-3'], ['quality_complaint', 'product_quality', 'LC-4']] as const) {
      const r = await open(type, cause, ref);
      expect(r.status).toBe(201);
      made.push(r.body);
    }
    expect((await post(`/api/tickets/${made[0].id}/transitions`, { action: 'approve' })).status).toBe(200);

    const all = (await get(`/api/tickets?conversationId=${conversationId}&limit=200`)).body.items as Ticket[];
    expect(all).toHaveLength(4);
    const filters: TicketFilter[] = [
      {},
      { state: 'open' },
      { state: 'closed' },
      { status: ['approved'] },
      { status: ['requested', 'approved'] },
      { type: 'exchange' },
      { cause: 'none' },
      { cause: 'product_quality' },
      { causeSource: 'agent' },
      { overdue: false },
      { overdue: true },
      { q: 'LC-3' },
      { q: 'LC' },
      { q: made[1].number },
    ];
    for (const f of filters) {
      const filter: TicketFilter = { ...f, conversationId };
      const answer = await get(`/api/tickets?${query(filter)}`);
      expect(answer.status).toBe(200);
      const expected = all.filter((t) => ticketMatches(t, filter)).sort(compareTickets);
      expect({ filter, ids: (answer.body.items as Ticket[]).map((t) => t.id) }).toEqual({ filter, ids: expected.map((t) => t.id) });
    }
  });
});
