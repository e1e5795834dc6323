// Redis and PostgreSQL going away under traffic (issue 14), on a private PostgreSQL and Redis
// (never the shared ones), with the desk's api and worker as real processes: nothing acknowledged
// is lost, the refusals are the right ones, the desk recovers without a restart, consoles get live
// events again, and every SLA breach is recorded and announced once. Then the api is killed -9
// under the supervisor that `npm start` uses.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { io, type Socket } from 'socket.io-client';
import { JobName, QueueName } from '@kefu/contracts';
import { http, inboundBody, login, signedInbound } from '../support/client.js';
import { rigStore, sleep, startRig, tally, Traffic, type Rig, type ServerProcess } from '../support/fault-rig.js';
import { drainQueues, queuesAt, scheduledRunAfter } from '../support/queues.js';

const RECONCILE_MS = 1000;
const SLA_S = 3;

interface Seen {
  name: string;
  payload: any;
  at: number;
}

/** A console's socket: reconnects by itself as the real console does, and records everything. */
function consoleSocket(url: string, token: string): { socket: Socket; seen: Seen[] } {
  const socket = io(`${url}/desk`, { auth: { token }, transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1000 });
  const seen: Seen[] = [];
  socket.onAny((name, payload) => seen.push({ name, payload, at: Date.now() }));
  socket.on('connect', () => seen.push({ name: 'connect', payload: null, at: Date.now() }));
  socket.on('disconnect', (reason) => seen.push({ name: 'disconnect', payload: reason, at: Date.now() }));
  return { socket, seen };
}

async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

const alive = (p: ServerProcess) => p.child.exitCode === null && p.child.signalCode === null;

describe('dependency outages', () => {
  let rig: Rig;
  let api: ServerProcess;
  let worker: ServerProcess;
  let spare: ServerProcess;

  beforeAll(async () => {
    rig = await startRig({ SLA_RECONCILE_MS: String(RECONCILE_MS), DELIVERY_ATTEMPTS: '2', DELIVERY_BACKOFF_MS: '200' });
    api = rig.spawn('api', 'main.js');
    worker = rig.spawn('worker', 'worker.js');
    spare = rig.spawn('spare worker', 'worker.js'); // told to stop during the Redis outage
    await rig.waitHealthy();
    for (const w of [worker, spare]) await rig.waitOutput(w, 'kefu worker: processing queues');
    await rig.waitCauseModel();
  }, 180_000);

  afterAll(async () => {
    if (rig) await rig.close();
  });

  /** A store with a SLA_S-second promise and its agent (room for every conversation of a test), online in a console. */
  async function onlineStore() {
    const s = await rigStore(rig.url, SLA_S);
    expect((await http(rig.url, 'PATCH', `/api/users/${s.agent.id}`, { token: s.admin, body: { maxConcurrent: 100 } })).status).toBe(200);
    const agentConsole = consoleSocket(rig.url, s.agentToken);
    const supervisorConsole = consoleSocket(rig.url, await login(rig.url, 'supervisor@demo.kefu'));
    await until(() => agentConsole.socket.connected && supervisorConsole.socket.connected, 10_000, 'consoles connected');
    return { ...s, agentConsole, supervisorConsole };
  }

  const timersOf = (storeId: string) =>
    rig.query<{ id: string; status: string; due_at: Date; breached_at: Date | null }>(`SELECT id, status, due_at, breached_at FROM sla_timers WHERE store_id = $1`, [storeId]);

  /**
   * Every timer not met is breached, recorded within a reconcile interval (and some slack) of when
   * it could be: its due time, or the dependency's return; announced at most once each.
   */
  async function expectBreachedOnce(storeId: string, backAt: number, seen: Seen[]) {
    const timers = await until(
      async () => {
        const t = await timersOf(storeId);
        return t.length > 0 && t.every((r) => r.status !== 'running') && t;
      },
      SLA_S * 1000 + 4 * RECONCILE_MS + 15_000,
      'every timer breached',
    );
    for (const t of timers.filter((x) => x.status !== 'met')) {
      expect(t.status).toBe('breached');
      expect(t.breached_at!.getTime() - Math.max(t.due_at.getTime(), backAt)).toBeLessThan(RECONCILE_MS + 3000);
    }
    // A reconcile pass later, and what it started done: nothing announced again.
    const queues = queuesAt(rig.redis.url, rig.env.REDIS_PREFIX);
    try {
      await scheduledRunAfter(queues, JobName.SlaReconcile, Date.now());
      await drainQueues(queues);
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
    const announced = seen.filter((e) => e.name === 'sla.breached' && e.payload.storeId === storeId).map((e) => e.payload.id);
    expect(announced.length).toBe(new Set(announced).size);
    return timers;
  }

  it('Redis killed for 4 s under 10 messages/s: every message stored and acknowledged, then live events, routing, replies and breaches resume', async () => {
    const s = await onlineStore();
    const traffic = new Traffic(rig.url, s.channel, 10);
    traffic.start();
    await sleep(1500); // the scenario: traffic before the outage
    const [first] = (await http(rig.url, 'GET', `/api/conversations?storeId=${s.store.id}`, { token: s.agentToken })).body.items;

    const from = traffic.now();
    await rig.redis.stop();
    const health = await http(rig.url, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', error: { redis: { status: 'down' } }, info: { database: { status: 'up' } } });
    // An agent answers during the outage: stored, and sent once Redis is back.
    const reply = await http(rig.url, 'POST', `/api/conversations/${first.id}/messages`, { token: s.agentToken, body: { body: '马上为您查询' } });
    expect(reply.status).toBe(201);
    // A worker told to stop while Redis is down stops within a few seconds.
    const sigtermAt = traffic.now();
    spare.child.kill('SIGTERM');
    const spareStopped = Promise.race([spare.exited.then(() => traffic.now() - sigtermAt), sleep(10_000).then(() => Infinity)]);
    await sleep(Math.max(0, from + 4000 - traffic.now())); // the scenario: a 4 s outage
    const back = traffic.now();
    const backAt = Date.now();
    await rig.redis.start(); // empty: it keeps nothing on disk
    expect(await spareStopped).toBeLessThan(7000);

    await sleep(3000); // the scenario: traffic after the outage
    const sent = await traffic.stop();
    const figures = await tally(rig, sent, { from, to: back });
    // Every message acknowledged and stored, none waiting for Redis: those sent in the first half of
    // the outage were answered before it ended.
    expect(figures.codesDuring).toEqual({ 202: expect.any(Number) });
    expect(figures.codesAfter).toEqual({ 202: expect.any(Number) });
    expect(figures.acknowledged).toBe(figures.sent);
    expect(figures.lost).toEqual([]);
    const early = sent.filter((m) => m.at >= from && m.at < (from + back) / 2);
    expect(early.length).toBeGreaterThan(5);
    for (const m of early) expect(m.at + m.ms).toBeLessThan(back);
    expect(alive(api) && alive(worker)).toBe(true);
    expect((await http(rig.url, 'GET', '/health')).status).toBe(200);

    // The api dropped its consoles once its Redis adapter was back; they reconnected by themselves
    // and get live events again.
    const { seen } = s.agentConsole;
    const reconnected = await until(() => seen.find((e) => e.name === 'connect' && e.at > backAt), 10_000, 'the console reconnected');
    expect(seen.some((e) => e.name === 'disconnect' && e.at > backAt && e.payload === 'transport close')).toBe(true);
    const late = await signedInbound(rig.url, s.channel, inboundBody('恢复了吗', 'buyer-after-redis'));
    expect(late.status).toBe(202);
    await until(() => seen.find((e) => e.name === 'message.created' && e.payload.id === late.body.messageId && e.at > reconnected.at), 10_000, 'a live message.created after the outage');

    // Presence was re-announced and the conversations that waited in the queue during the outage were routed.
    const agentRow = async () => (await http(rig.url, 'GET', `/api/users?storeId=${s.store.id}&role=agent`, { token: s.admin })).body.items[0];
    await until(async () => (await agentRow())?.presence === 'online', 10_000, 'the agent online again');
    // (Those of the outage wait in the queue, oldest first; fewer than the agent's 100 slots.)
    await until(
      async () => (await rig.query(`SELECT count(*)::int AS n FROM conversations WHERE store_id = $1 AND assignee_id IS NULL AND created_at < $2`, [s.store.id, new Date(backAt)]))[0].n === 0,
      10_000,
      'every conversation that waited during the outage assigned',
    );
    // The reply written during the outage was delivered.
    await until(async () => (await rig.query(`SELECT delivery_status FROM messages WHERE id = $1`, [reply.body.id]))[0].delivery_status === 'delivered', 10_000, 'the reply delivered');

    // Every SLA timer — armed before, refused during, armed after the outage — breached once.
    const timers = await expectBreachedOnce(s.store.id, backAt, s.supervisorConsole.seen);
    // Those due once the consoles were back were announced to them.
    const announced = new Set(s.supervisorConsole.seen.filter((e) => e.name === 'sla.breached').map((e) => e.payload.id));
    const dueLater = timers.filter((t) => t.status === 'breached' && t.due_at.getTime() > reconnected.at + 1000);
    expect(dueLater.length).toBeGreaterThan(0);
    for (const t of dueLater) expect(announced.has(t.id)).toBe(true);
    s.agentConsole.socket.close();
    s.supervisorConsole.socket.close();
  }, 120_000);

  it('PostgreSQL stopped for 4 s under 20 messages/s: quick 503s with Retry-After, nothing half-stored, and back without a restart', async () => {
    const s = await onlineStore();
    const pids = [api.child.pid, worker.child.pid];
    const traffic = new Traffic(rig.url, s.channel, 20, 40);
    traffic.start();
    await sleep(1500); // the scenario: traffic before the outage
    // A reply whose delivery runs while PostgreSQL is down (the delivery queue is paused until
    // then): its job fails for good (two attempts here) without the reply even being marked
    // failed; it is sent after PostgreSQL returns. (In a store of its own, with a long SLA.)
    const quiet = await rigStore(rig.url, 900);
    const asked = await signedInbound(rig.url, quiet.channel, inboundBody('到哪了', 'buyer-quiet'));
    const deliveries = new Queue(QueueName.Delivery, { connection: { url: rig.redis.url }, prefix: `${rig.env.REDIS_PREFIX}:bull` });
    await deliveries.pause();
    const reply = await http(rig.url, 'POST', `/api/conversations/${asked.body.conversationId}/messages`, { token: quiet.agentToken, body: { body: '稍等,正在查' } });
    expect(reply.status).toBe(201);

    const from = traffic.now();
    rig.pg.stop('fast');
    const downAt = traffic.now();
    await deliveries.resume();
    await deliveries.close();
    const health = await http(rig.url, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } }, info: { redis: { status: 'up' } } });
    const list = await fetch(`${rig.url}/api/conversations?storeId=${s.store.id}`, { headers: { authorization: `Bearer ${s.agentToken}` } });
    expect(list.status).toBe(503);
    expect(list.headers.get('retry-after')).toBe('5');
    expect(await list.json()).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    await sleep(Math.max(0, from + 4000 - traffic.now())); // the scenario: a 4 s outage
    const back = traffic.now();
    const backAt = Date.now();
    rig.pg.start();

    await sleep(4000); // the scenario: traffic after the outage
    const sent = await traffic.stop();
    const figures = await tally(rig, sent, { from, to: back });
    // Refused with 503 and Retry-After, never a 500 or a hang; once the server is gone, quickly (a
    // refused connection at once, an unreachable server within the pool's 3 s connection timeout).
    expect(Object.keys(figures.codesDuring)).toContain('503');
    for (const code of Object.keys(figures.codesDuring)) expect(['202', '503']).toContain(code);
    expect(figures.refusedWithoutRetryAfter).toBe(0);
    const whileDown = sent.filter((x) => x.at > downAt && x.at < back);
    expect(whileDown.length).toBeGreaterThan(20);
    for (const m of whileDown) expect([m.status, m.ms < 5000]).toEqual([503, true]);
    expect(figures.lost).toEqual([]);
    // Back within a few seconds, with no process restarted.
    expect(figures.codesAfter['202']).toBeGreaterThan(0);
    expect(sent.filter((m) => m.at > back + 3000 && m.status !== 202)).toEqual([]);
    expect([api.child.pid, worker.child.pid]).toEqual(pids);
    expect(alive(api) && alive(worker)).toBe(true);
    // Nothing half-stored: no conversation without a message, no refused message stored.
    expect(await rig.query(`SELECT id FROM conversations c WHERE store_id = $1 AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)`, [s.store.id])).toEqual([]);
    const stored = new Set((await rig.query<{ external_id: string }>(`SELECT external_id FROM messages WHERE store_id = $1 AND direction = 'inbound'`, [s.store.id])).map((r) => r.external_id));
    expect(sent.filter((m) => m.status === 503 && stored.has(m.externalId))).toEqual([]);

    await until(async () => (await rig.query(`SELECT delivery_status FROM messages WHERE id = $1`, [reply.body.id]))[0].delivery_status === 'delivered', 10_000, 'the reply delivered');
    // Live events never stopped (Redis was up): a message after the outage arrives live.
    const late = await signedInbound(rig.url, s.channel, inboundBody('数据库回来了吗', 'buyer-after-pg'));
    expect(late.status).toBe(202);
    await until(() => s.agentConsole.seen.find((e) => e.name === 'message.created' && e.payload.id === late.body.messageId), 10_000, 'a live message.created');
    // Timers due while PostgreSQL was down breached once its return.
    await expectBreachedOnce(s.store.id, backAt, s.supervisorConsole.seen);
    s.agentConsole.socket.close();
    s.supervisorConsole.socket.close();
  }, 120_000);

  it('npm start supervises: the api killed -9 under traffic is restarted with backoff and loses no acknowledged message; SIGTERM stops everything', async () => {
    // The rig's own processes stop (SIGTERM, within a few seconds each); the supervisor takes over.
    const t = Date.now();
    for (const p of [api, worker]) p.child.kill('SIGTERM');
    await Promise.all([api.exited, worker.exited]);
    expect(Date.now() - t).toBeLessThan(7000);
    const desk = rig.spawn('supervisor', join(import.meta.dirname, '../../apps/server/bin/serve.mjs'), [], { SIMULATOR: 'off' });
    await rig.waitHealthy();
    const s = await rigStore(rig.url, 900);
    const traffic = new Traffic(rig.url, s.channel, 20, 40);
    traffic.start();
    await sleep(1500); // the scenario: traffic before the first kill

    const apiPid = () => Number([...desk.output().matchAll(/kefu: api started \(pid (\d+)\)/g)].at(-1)?.[1]);
    const killApi = async (restartNumber: number, delay: string) => {
      const pid = apiPid();
      process.kill(pid, 'SIGKILL');
      await rig.waitOutput(desk, new RegExp(`kefu: api killed by SIGKILL after [\\d.]+ s; restarting in ${delay} s`), 10_000);
      await until(() => [...desk.output().matchAll(/kefu: api started/g)].length === restartNumber + 1 && apiPid() !== pid, 15_000, `api restart ${restartNumber}`);
      await rig.waitHealthy();
    };
    await killApi(1, '1.0');
    await sleep(1000); // the scenario: failing again soon
    await killApi(2, '2.0'); // failing again soon: the pause doubles
    await sleep(1500); // the scenario: traffic after the restarts
    const sent = await traffic.stop();
    const figures = await tally(rig, sent, { from: 0, to: 0 });
    // Refused connections while the api was down (the platform retries those), never a 5xx; every acknowledged message stored.
    for (const code of Object.keys(figures.codesAfter)) expect(['0', '202']).toContain(code);
    expect(figures.acknowledged).toBeGreaterThan(40);
    expect(figures.lost).toEqual([]);
    expect(desk.output()).not.toMatch(/kefu: worker (exited|killed)/);

    // Ctrl+C / SIGTERM stops the desk, its processes included, within a few seconds.
    const workerPid = Number(/kefu: worker started \(pid (\d+)\)/.exec(desk.output())![1]);
    const lastApi = apiPid();
    const stopAt = Date.now();
    desk.child.kill('SIGTERM');
    expect(await desk.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stopAt).toBeLessThan(9000);
    for (const pid of [workerPid, lastApi]) expect(() => process.kill(pid, 0)).toThrow();
  }, 120_000);
});
