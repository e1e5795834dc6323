import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDesk, type Desk } from '../support/desk.js';
import { inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

describe('webhook load shedding', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false, env: { INGEST_MAX_INFLIGHT: '2', INGEST_MAX_WAIT_MS: '60000' } });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  it('answers 503 with Retry-After at once past capacity, stores nothing shed, and loses nothing let in', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Shed', { businessHours: null });
    // Hold the message inserts, so that the webhook requests let in stay in work.
    const holder = desk.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('LOCK TABLE messages IN EXCLUSIVE MODE');
    const bodies = [0, 1, 2, 3, 4].map((i) => inboundBody(`在吗 ${i}`, `buyer-shed-${i}`));
    let answers: Awaited<ReturnType<typeof signedInbound>>[];
    try {
      const first = bodies.slice(0, 2).map((b) => signedInbound(desk.url, s.channel, b));
      await waitFor(async () => (await desk.db.query(`SELECT count(*)::int n FROM pg_locks WHERE NOT granted AND relation = 'messages'::regclass`))[0].n >= 2, 10_000, 'two webhook requests waiting on the lock');
      // Answered while the two let in still wait on the lock, not after them.
      const shed = await Promise.all(bodies.slice(2).map((b) => signedInbound(desk.url, s.channel, b)));
      expect(shed.map((r) => r.status)).toEqual([503, 503, 503]);
      expect(shed.every((r) => r.headers.get('retry-after') === '1' && r.body.code === 'DESK_SATURATED')).toBe(true);
      await holder.commitTransaction();
      answers = [...(await Promise.all(first)), ...shed];
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    expect(answers.slice(0, 2).map((r) => r.status)).toEqual([202, 202]);
    const stored = async () => (await desk.db.query(`SELECT external_id FROM messages WHERE external_id = ANY($1)`, [bodies.map((b) => b.externalMessageId)])).map((r: { external_id: string }) => r.external_id).sort();
    expect(await stored()).toEqual(bodies.slice(0, 2).map((b) => b.externalMessageId).sort());
    // The platform retries the shed ones once the desk has room: accepted and stored.
    for (const b of bodies.slice(2)) expect((await signedInbound(desk.url, s.channel, b)).status).toBe(202);
    expect(await stored()).toEqual(bodies.map((b) => b.externalMessageId).sort());
  });
});
