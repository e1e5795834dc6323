// SLA timer benchmark: arm 100,000 running timers across 20 stores, due over a few minutes, then
// measure how late the worker records each breach, and whether any is missed or doubled. A second
// phase repeats the lateness figures while the customer simulator drives 100 inbound messages/s.
// Run: npm run bench (figures are printed; targets: p99 lateness ≤ 1 s, 0 missed, 0 duplicate).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { QueueName } from '@kefu/contracts';
import { loadConfig, type AppConfig } from '../../apps/server/src/config/config.js';
import { dataSourceOptions } from '../../apps/server/src/database/data-source.js';
import { ENTITIES } from '../../apps/server/src/entities.js';
import { seedIfEmpty } from '../../apps/server/src/seed/seed.js';
import { SlaAlarms } from '../../apps/server/src/sla/sla-alarms.service.js';
import { CustomerSimulator } from '../../apps/simulator/src/simulator.js';
import { spawnServer } from '../support/desk.js';
import { benchEnvironment, fmt, percentile } from './support.js';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 100_000);
const STORES = 20;
const SPREAD_S = Number(process.env.BENCH_SPREAD_S ?? 300);
const LEAD_S = 45; // the first timer is due this long after arming starts

describe('SLA timers at scale', () => {
  let env: Awaited<ReturnType<typeof benchEnvironment>>;
  let config: AppConfig;
  let api: ChildProcess;
  let worker: ChildProcess;
  let db: DataSource;
  let url: string;
  let alarms: SlaAlarms;
  let queue: Queue;
  let redis: Redis;

  beforeAll(async () => {
    env = await benchEnvironment('sla');
    const port = String(20000 + Math.floor(Math.random() * 20000));
    config = loadConfig({ ...process.env, PORT: port, LOG_LEVEL: 'warn', CONSOLE_DIST: '', SLA_RECONCILE_MS: '60000' });
    db = await new DataSource(dataSourceOptions(config.databaseUrl, ENTITIES)).initialize();
    await seedIfEmpty(db, config);
    // The api and the worker run as their own processes, as in production; this one only measures.
    const serverEnv = { LOG_LEVEL: 'warn', SLA_RECONCILE_MS: '60000', PORT: port, CONSOLE_DIST: '' };
    api = spawnServer('main.js', serverEnv);
    worker = spawnServer('worker.js', serverEnv);
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100 && !(await fetch(`${url}/health`).then((r) => r.ok).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 200));
    queue = new Queue(QueueName.Sla, { connection: { url: config.redisUrl }, prefix: `${config.redisPrefix}:bull` });
    redis = new Redis(config.redisUrl);
    alarms = new SlaAlarms(queue, redis); // the desk's own arming code, outside Nest
  });
  afterAll(async () => {
    worker?.kill('SIGTERM');
    api?.kill('SIGTERM');
    await queue?.close();
    redis?.disconnect();
    await db?.destroy();
    await env?.drop();
  });

  /** Creates `n` conversations with running first-response timers due from now+lead over `spread` seconds, and arms them. */
  async function armTimers(n: number, lead: number, spread: number, storeIds: string[]) {
    const t0 = performance.now();
    const rows: { id: string; warn_at: Date; due_at: Date }[] = await db.query(
      `WITH s AS (SELECT id AS store_id, row_number() OVER (ORDER BY id) - 1 AS k FROM stores WHERE id = ANY($1)),
            ch AS (SELECT DISTINCT ON (store_id) id AS channel_id, store_id FROM channels WHERE store_id = ANY($1) ORDER BY store_id, id),
            g AS (SELECT i, (SELECT store_id FROM s WHERE k = i % $2) AS store_id,
                         now() + make_interval(secs => $3 + random() * $4) AS due_at FROM generate_series(1, $5) i),
            cu AS (INSERT INTO customers (store_id, external_id, name) SELECT store_id, 'bench-' || gen_random_uuid(), 'Bench ' || i FROM g RETURNING id, store_id),
            numbered AS (SELECT cu.id AS customer_id, cu.store_id, row_number() OVER () AS i FROM cu),
            gd AS (SELECT row_number() OVER () AS i, due_at FROM g),
            cv AS (INSERT INTO conversations (store_id, channel_id, customer_id, status, last_message_at, last_message_preview, awaiting_reply_since, sla_due_at)
                   SELECT n.store_id, ch.channel_id, n.customer_id, 'open', now(), 'bench', now(), gd.due_at
                   FROM numbered n JOIN ch ON ch.store_id = n.store_id JOIN gd ON gd.i = n.i RETURNING id, store_id, sla_due_at)
       INSERT INTO sla_timers (store_id, conversation_id, kind, status, started_at, counting_since, target_seconds, warn_before_seconds, warn_at, due_at)
       SELECT store_id, id, 'first_response', 'running', now(), now(), 900, 300, sla_due_at - interval '30 seconds', sla_due_at FROM cv
       RETURNING id, warn_at, due_at`,
      [storeIds, storeIds.length, lead, spread, n],
    );
    const t1 = performance.now();
    const memBefore = Number((await redis.info('memory')).match(/used_memory:(\d+)/)![1]);
    await alarms.arm(rows.map((r) => ({ id: r.id, warnAt: r.warn_at, warnedAt: null, dueAt: r.due_at })));
    const t2 = performance.now();
    const memAfter = Number((await redis.info('memory')).match(/used_memory:(\d+)/)![1]);
    return { ids: rows.map((r) => r.id), dbMs: t1 - t0, armMs: t2 - t1, bytesPerTimer: (memAfter - memBefore) / n, lastDue: Math.max(...rows.map((r) => r.due_at.getTime())) };
  }

  /** Waits until every timer of `ids` left `running` (or the deadline), then measures lateness and misses. */
  async function measure(ids: string[], lastDue: number, breachEvents: Map<string, number>) {
    const deadline = lastDue + 15_000;
    while (Date.now() < deadline) {
      const [{ n }] = await db.query(`SELECT count(*)::int n FROM sla_timers WHERE id = ANY($1) AND status = 'running'`, [ids]);
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, 2000)); // let the last events arrive
    const rows: { late_ms: number; status: string }[] = await db.query(
      `SELECT status, extract(epoch FROM (breached_at - due_at)) * 1000 AS late_ms FROM sla_timers WHERE id = ANY($1)`,
      [ids],
    );
    const late = rows.filter((r) => r.status === 'breached').map((r) => Number(r.late_ms)).sort((a, b) => a - b);
    const missed = rows.filter((r) => r.status !== 'breached').length;
    const duplicates = [...breachEvents.values()].filter((c) => c > 1).length;
    const eventsSeen = ids.filter((id) => breachEvents.has(id)).length;
    return { late, missed, duplicates, eventsSeen };
  }

  async function supervisorSocket(breachEvents: Map<string, number>) {
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'supervisor@demo.kefu', password: 'demo1234' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const socket = io(`${url}/desk`, { auth: { token: accessToken }, transports: ['websocket'], forceNew: true });
    socket.on('sla.breached', (t: { id: string }) => breachEvents.set(t.id, (breachEvents.get(t.id) ?? 0) + 1));
    await new Promise<void>((r) => socket.once('connect', () => r()));
    return socket;
  }

  async function benchStores(n: number, prefix: string): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `WITH s AS (INSERT INTO stores (name, platform, timezone, business_hours, sla_policy, return_policy)
                  SELECT $2 || ' ' || i, 'tmall', 'Asia/Shanghai', NULL, '{"firstResponseSeconds": 900, "nextResponseSeconds": 900, "warnBeforeSeconds": 300, "resolutionHours": 48}', '{"noReasonReturnDays": 7, "qualityReturnDays": 15, "qualityExchangeDays": 15, "excludedCategories": []}'
                  FROM generate_series(1, $1) i RETURNING id)
       , c AS (INSERT INTO channels (store_id, kind, name, secret) SELECT id, 'marketplace_chat', 'bench', md5(random()::text) FROM s RETURNING store_id)
       SELECT store_id AS id FROM c`,
      [n, prefix],
    );
    return rows.map((r) => r.id);
  }

  function report(title: string, r: Awaited<ReturnType<typeof measure>>) {
    console.log(
      `${title}\n` +
        `  breach lateness (recorded − due): p50 ${fmt(percentile(r.late, 0.5))} ms, p99 ${fmt(percentile(r.late, 0.99))} ms, max ${fmt(r.late[r.late.length - 1] ?? NaN)} ms\n` +
        `  breached ${fmt(r.late.length)}, missed ${r.missed}, duplicate events ${r.duplicates}, breach events received ${fmt(r.eventsSeen)}`,
    );
  }

  it(`arms ${TIMERS.toLocaleString('en-US')} timers and breaches each once, on time`, async () => {
    const storeIds = await benchStores(STORES, 'Bench');
    const breachEvents = new Map<string, number>();
    const socket = await supervisorSocket(breachEvents);
    const armed = await armTimers(TIMERS, LEAD_S, SPREAD_S, storeIds);
    console.log(
      `SLA benchmark: ${fmt(TIMERS)} timers over ${STORES} stores, due over ${SPREAD_S} s\n` +
        `  rows (customers, conversations, timers) written in ${fmt(armed.dbMs)} ms (${fmt(TIMERS / (armed.dbMs / 1000))} timers/s)\n` +
        `  BullMQ alarms armed in ${fmt(armed.armMs)} ms (${fmt(TIMERS / (armed.armMs / 1000))} timers/s, 2 delayed jobs each)\n` +
        `  Redis memory per armed timer: ${fmt(armed.bytesPerTimer)} bytes`,
    );
    const result = await measure(armed.ids, armed.lastDue, breachEvents);
    report('phase 1 (idle desk)', result);
    socket.close();
    expect(result.missed).toBe(0);
    expect(result.duplicates).toBe(0);
  });

  it('keeps lateness while the simulator drives 100 inbound messages/s', async () => {
    const n = Math.round(TIMERS / 5);
    const storeIds = await benchStores(STORES, 'Load');
    const breachEvents = new Map<string, number>();
    const socket = await supervisorSocket(breachEvents);
    const armed = await armTimers(n, 20, 60, storeIds);
    const channels: { id: string; secret: string }[] = await db.query(`SELECT c.id, c.secret FROM channels c JOIN stores s ON s.id = c.store_id WHERE s.name NOT LIKE 'Bench %' AND s.name NOT LIKE 'Load %'`);
    const sim = new CustomerSimulator({ baseUrl: url, channels, rate: 6000, duration: Math.ceil((armed.lastDue - Date.now()) / 1000) + 5, customersPerChannel: 2000 });
    const simRun = sim.run();
    const result = await measure(armed.ids, armed.lastDue, breachEvents);
    const sent = await simRun;
    const accepted = sent.filter((s) => s.status < 300).length;
    const ms = sent.map((s) => s.ms).sort((a, b) => a - b);
    report(`phase 2 (${fmt(n)} timers due over 60 s while the simulator sent ${fmt(sent.length)} messages, ${fmt(sent.length / (sim.elapsedMs / 1000))}/s)`, result);
    console.log(`  simulator: ${fmt(sent.length)} sent, ${fmt(accepted)} accepted, webhook p50 ${fmt(percentile(ms, 0.5), 1)} ms, p99 ${fmt(percentile(ms, 0.99), 1)} ms`);
    socket.close();
    expect(result.missed).toBe(0);
    expect(result.duplicates).toBe(0);
  });
});
