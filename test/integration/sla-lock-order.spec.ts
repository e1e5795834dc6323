import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SlaTimerService } from '../../apps/server/src/sla/sla-timer.service.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, sleep, storeWithAgent, waitFor } from '../support/client.js';

/**
 * A reply (conversation row, then its timers) and a breach (the timer, then its conversation) used to
 * take their row locks in opposite orders: run together, PostgreSQL killed one of them as a deadlock
 * and the reply answered 500. Every path now locks the subject (conversation) before its timer.
 */
describe('SLA lock order', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    // No worker: the test fires the breach itself, while the reply is half-way through.
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  /** Backends of this database waiting for a lock. */
  const waiting = async (): Promise<number> =>
    (await desk.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n;

  it('a breach firing while an agent replies: the reply is answered (no 500), the breach fires, the timer ends once', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Race', { businessHours: null, slaPolicy: { firstResponseSeconds: 3600, nextResponseSeconds: 3600, warnBeforeSeconds: 60 } });
    const conversationId = (await signedInbound(desk.url, s.channel, inboundBody('还没发货吗?', 'racer'))).body.conversationId;
    const [[timer]]: [{ id: string }[]] = await desk.db.query(`UPDATE sla_timers SET due_at = now() - interval '1 second' WHERE conversation_id = $1 RETURNING id`, [conversationId]);
    const [{ deadlock_timeout: deadlockTimeout }] = await desk.db.query('SHOW deadlock_timeout');

    // A gate: the reply takes the conversation's row, then stops at its message insert until the gate opens.
    const gate = desk.db.createQueryRunner();
    await gate.connect();
    await gate.startTransaction();
    await gate.query('LOCK TABLE messages IN SHARE MODE');
    const reply = http(desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token: s.agentToken, body: { body: '马上为您查询' } });
    await waitFor(async () => (await waiting()) >= 1 || undefined, 5000, 'the reply waiting at the gate');
    // Meanwhile the due alarm rings.
    const breach = desk.api.get(SlaTimerService).fireBreach(timer.id).then(
      () => 'fired',
      (err: Error) => `failed: ${err.message}`,
    );
    await waitFor(async () => (await waiting()) >= 2 || undefined, 5000, 'the breach waiting for a lock');
    // The scenario: the breach has waited past PostgreSQL's deadlock check before the reply goes on.
    await sleep(parseInt(deadlockTimeout, 10) + 300);
    await gate.commitTransaction();
    await gate.release();

    expect((await reply).status).toBe(201);
    expect(await breach).toBe('fired');
    const [row] = await desk.db.query(`SELECT status, responded_at FROM sla_timers WHERE id = $1`, [timer.id]);
    expect(['met', 'breached']).toContain(row.status);
    expect(row.responded_at).not.toBeNull();
  });
});
