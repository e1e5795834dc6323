import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ConversationModule } from '../../apps/server/src/conversation/conversation.module.js';
import { TicketWorkerModule } from '../../apps/server/src/ticket/ticket.module.js';
import { SlaTimerService } from '../../apps/server/src/sla/sla-timer.service.js';
import { makeConversation, makeStore, startMedium, type Medium } from '../support/medium.js';

describe('SLA firing (medium: SlaModule with the ticket and conversation subject handlers on PostgreSQL, no HTTP)', () => {
  let m: Medium;
  let timers: SlaTimerService;

  beforeAll(async () => {
    m = await startMedium(TicketWorkerModule, ConversationModule);
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

  /** A conversation's first-response timer, due a second ago. */
  async function dueConversationTimer() {
    const c = await makeConversation(m.db, await makeStore(m.db));
    const [timer] = await m.db.query(
      `INSERT INTO sla_timers (store_id, conversation_id, kind, status, started_at, counting_since, target_seconds, warn_before_seconds, due_at)
       SELECT store_id, id, 'first_response', 'running', now() - interval '1 hour', now() - interval '1 hour', 3599, 60, now() - interval '1 second' FROM conversations WHERE id = $1 RETURNING id`,
      [c.conversationId],
    );
    return { conversationId: c.conversationId, timerId: timer.id as string };
  }

  it('fires alarms that ring together as one batch: each breach recorded once, in far fewer statements than one transaction each', async () => {
    const tickets = await Promise.all(Array.from({ length: 20 }, dueTicketTimer));
    const conversations = await Promise.all(Array.from({ length: 20 }, dueConversationTimer));
    const ids = [...tickets, ...conversations].map((t) => t.timerId);
    const query = pg.Client.prototype.query;
    let statements = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      statements++;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      await Promise.all([...ids, ...ids.slice(0, 5)].map((id) => timers.fireBreach(id)));
    } finally {
      pg.Client.prototype.query = query;
    }
    const rows = await m.db.query(`SELECT status, count(*)::int AS n FROM sla_timers WHERE id = ANY($1) GROUP BY status`, [ids]);
    expect(rows).toEqual([{ status: 'breached', n: 40 }]);
    const lines = await m.db.query(`SELECT ticket_id FROM ticket_events WHERE ticket_id = ANY($1) AND kind = 'resolution_breached'`, [tickets.map((t) => t.ticketId)]);
    expect(lines).toHaveLength(20);
    const flagged = await m.db.query(`SELECT id FROM conversations WHERE id = ANY($1) AND sla_breached_at IS NOT NULL AND sla_due_at IS NULL`, [conversations.map((c) => c.conversationId)]);
    expect(flagged).toHaveLength(20);
    // One transaction per alarm took 7–9 statements each (360 here); a batch per subject kind takes a handful.
    expect(statements).toBeLessThan(40);
  });
});
