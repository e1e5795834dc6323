import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeskError } from '../../apps/server/src/errors/desk-error.js';
import { TicketModule } from '../../apps/server/src/ticket/ticket.module.js';
import { callerOf } from '../../apps/server/src/auth/caller.js';
import { TicketTransitionService } from '../../apps/server/src/ticket/ticket-transition.service.js';
import { UserEntity } from '../../apps/server/src/auth/user.entity.js';
import { makeAgent, makeConversation, makeStore, startMedium, type Medium } from '../support/medium.js';

describe('ticket transitions (medium: TicketModule on PostgreSQL, no HTTP)', () => {
  let m: Medium;
  let transitions: TicketTransitionService;

  beforeAll(async () => {
    m = await startMedium(TicketModule);
    transitions = m.app.get(TicketTransitionService);
  });
  afterAll(() => m.close());

  async function requestedTicket() {
    const s = await makeStore(m.db);
    const agentId = await makeAgent(m.db, [s.storeId]);
    const c = await makeConversation(m.db, s);
    await m.db.query(`UPDATE conversations SET assignee_id = $2 WHERE id = $1`, [c.conversationId, agentId]);
    const [ticket] = await m.db.query(
      `INSERT INTO tickets (store_id, conversation_id, customer_id, type, status, customer_reason, policy_decision) VALUES ($1, $2, $3, 'return', 'requested', '不想要了', '{}') RETURNING id`,
      [s.storeId, c.conversationId, c.customerId],
    );
    const caller = callerOf(await m.db.getRepository(UserEntity).findOneByOrFail({ id: agentId }));
    return { ticketId: ticket.id as string, caller };
  }
  const eventsOf = async (ticketId: string) => (await m.db.query(`SELECT kind, from_status, to_status FROM ticket_events WHERE ticket_id = $1 ORDER BY at`, [ticketId])) as { kind: string; from_status: string; to_status: string }[];

  it('applies one of two moves made at the same instant; the other is refused with the moves allowed now', async () => {
    const { ticketId, caller } = await requestedTicket();
    const outcomes = await Promise.allSettled([transitions.transition(caller, ticketId, { action: 'reject' }), transitions.transition(caller, ticketId, { action: 'wait_customer' })]);
    const done = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect([done.length, refused.length]).toEqual([1, 1]);
    expect(refused[0].reason).toBeInstanceOf(DeskError);
    expect((refused[0].reason as DeskError).code).toBe('TICKET_ACTION_NOT_ALLOWED');
    const [{ status }] = await m.db.query(`SELECT status FROM tickets WHERE id = $1`, [ticketId]);
    const lines = await eventsOf(ticketId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ from_status: 'requested', to_status: status });
  });

  it('moves only along the allowed moves, and back from a wait to where it was', async () => {
    const { ticketId, caller } = await requestedTicket();
    await expect(transitions.transition(caller, ticketId, { action: 'close' })).rejects.toThrow(/cannot close; allowed: approve, reject, wait_customer/);
    expect((await transitions.transition(caller, ticketId, { action: 'wait_customer' })).status).toBe('awaiting_customer');
    expect((await transitions.transition(caller, ticketId, { action: 'resume' })).status).toBe('requested');
    expect((await eventsOf(ticketId)).map((e) => `${e.kind}:${e.from_status}->${e.to_status}`)).toEqual(['wait_customer:requested->awaiting_customer', 'resume:awaiting_customer->requested']);
  });
});
