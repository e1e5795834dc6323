import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TicketWorkerModule } from '../../apps/server/src/ticket/ticket.module.js';
import { SlaTimerService } from '../../apps/server/src/sla/sla-timer.service.js';
import { makeConversation, makeStore, startMedium, type Medium } from '../support/medium.js';

describe('SLA firing (medium: SlaModule with the ticket subject handler on PostgreSQL, no HTTP)', () => {
  let m: Medium;
  let timers: SlaTimerService;

  beforeAll(async () => {
    m = await startMedium(TicketWorkerModule);
    timers = m.app.get(SlaTimerService);
  });
  afterAll(() => m.close());

  /** A ticket's resolution timer, due a second ago: its breach writes one timeline line. */
  async function dueTicketTimer() {
    const s = await makeStore(m.db);
    const c = await makeConversation(m.db, s);
    const [ticket] = await m.db.query(
      `INSERT INTO tickets (store_id, conversation_id, customer_id, type, status, customer_reason, policy_decision) VALUES ($1, $2, $3, 'return', 'approved', '坏了', '{}') RETURNING id`,
      [s.storeId, c.conversationId, c.customerId],
    );
    const [timer] = await m.db.query(
      `INSERT INTO sla_timers (store_id, ticket_id, kind, status, started_at, counting_since, target_seconds, due_at)
       VALUES ($1, $2, 'resolution', 'running', now() - interval '1 hour', now() - interval '1 hour', 3599, now() - interval '1 second') RETURNING id`,
      [s.storeId, ticket.id],
    );
    return { ticketId: ticket.id as string, timerId: timer.id as string };
  }

  it('breaches a due timer once when its alarm and the reconciler fire it at the same time', async () => {
    const { ticketId, timerId } = await dueTicketTimer();
    await Promise.all([timers.fireBreach(timerId), timers.fireBreach(timerId), timers.fireBreach(timerId)]);
    await timers.fireBreach(timerId); // and once more, later
    const [timer] = await m.db.query(`SELECT status, breached_at FROM sla_timers WHERE id = $1`, [timerId]);
    expect(timer.status).toBe('breached');
    const lines = await m.db.query(`SELECT kind FROM ticket_events WHERE ticket_id = $1 AND kind = 'resolution_breached'`, [ticketId]);
    expect(lines).toHaveLength(1);
    const [t] = await m.db.query(`SELECT resolution_breached_at FROM tickets WHERE id = $1`, [ticketId]);
    expect(t.resolution_breached_at.getTime()).toBe(timer.breached_at.getTime());
  });

  it('does not breach a timer before it is due, nor one that was met', async () => {
    const early = await dueTicketTimer();
    await m.db.query(`UPDATE sla_timers SET due_at = now() + interval '1 hour' WHERE id = $1`, [early.timerId]);
    const met = await dueTicketTimer();
    await m.db.query(`UPDATE sla_timers SET status = 'met', met_at = now() WHERE id = $1`, [met.timerId]);
    await Promise.all([timers.fireBreach(early.timerId), timers.fireBreach(met.timerId)]);
    const rows = await m.db.query(`SELECT id, status FROM sla_timers WHERE id = ANY($1) ORDER BY status`, [[early.timerId, met.timerId]]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['met', 'running']);
    expect(await m.db.query(`SELECT 1 FROM ticket_events WHERE ticket_id = ANY($1)`, [[early.ticketId, met.ticketId]])).toEqual([]);
  });
});
