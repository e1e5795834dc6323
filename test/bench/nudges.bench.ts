// Platform-response nudges at promotion-day rates: 300 new customer waits a second for a minute, each
// nudged at 5, 10 and 15 s (900 nudges a second at the peak), fired by a worker process and heard by a
// supervisor's socket. Phase 2 kills the worker with SIGKILL half-way and starts another.
// Run: npm run bench:nudges (targets: nudge lateness p99 ≤ 500 ms, 0 missed, 0 duplicate).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { QueueName } from '@kefu/contracts';
import { loadConfig, type AppConfig } from '../../apps/server/src/config/config.js';
import { dataSourceOptions } from '../../apps/server/src/database/data-source.js';
import { ENTITIES } from '../../apps/server/src/entities.js';
import { seedIfEmpty } from '../../apps/server/src/seed/seed.js';
import { SlaAlarms } from '../../apps/server/src/sla/sla-alarms.service.js';
import { spawnServer } from '../support/desk.js';
import { benchEnvironment, fmt, percentile } from './support.js';

const RATE = Number(process.env.BENCH_NUDGE_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_NUDGE_SECONDS ?? 60);
const NUDGES = [5, 10, 15];
const STORES = 20;
const TICK_MS = 100;

describe('platform response nudges at scale', () => {
  let env: Awaited<ReturnType<typeof benchEnvironment>>;
  let config: AppConfig;
  let api: ChildProcess;
  let worker: ChildProcess;
  let serverEnv: Record<string, string>;
  let db: DataSource;
  let url: string;
  let alarms: SlaAlarms;
  let queue: Queue;
  let redis: Redis;

  beforeAll(async () => {
    env = await benchEnvironment('nudge');
    const port = String(20000 + Math.floor(Math.random() * 20000));
    config = loadConfig({ ...process.env, PORT: port, LOG_LEVEL: 'warn', CONSOLE_DIST: '' });
    db = await new DataSource(dataSourceOptions(config.databaseUrl, ENTITIES)).initialize();
    await seedIfEmpty(db, config);
    serverEnv = { LOG_LEVEL: 'warn', SLA_RECONCILE_MS: '5000', PORT: port, CONSOLE_DIST: '' };
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

  async function benchStores(prefix: string): Promise<{ storeId: string; channelId: string }[]> {
    return db.query(
      `WITH s AS (INSERT INTO stores (name, platform, timezone, business_hours, sla_policy, return_policy, response_rule)
                  SELECT $2 || ' ' || i, 'tmall', 'Asia/Shanghai', NULL, '{"firstResponseSeconds": 900, "nextResponseSeconds": 900, "warnBeforeSeconds": 300, "resolutionHours": 48}',
                         '{"noReasonReturnDays": 7, "qualityReturnDays": 15, "qualityExchangeDays": 15, "excludedCategories": []}', $3::jsonb
                  FROM generate_series(1, $1) i RETURNING id)
       INSERT INTO channels (store_id, kind, name, secret) SELECT id, 'marketplace_chat', 'bench', md5(random()::text) FROM s RETURNING store_id AS "storeId", id AS "channelId"`,
      [STORES, prefix, JSON.stringify({ seconds: 20, window: null, nudgeSeconds: NUDGES })],
    );
  }

  /** `n` new waits (customer, conversation, message, running response timer with its nudges), armed by the desk's code. */
  async function startWaits(n: number, stores: { storeId: string; channelId: string }[], tick: number): Promise<string[]> {
    const rows: { id: string; nudge_at: Date; warn_at: Date; due_at: Date }[] = await db.query(
      `WITH s AS (SELECT store_id, channel_id, ord - 1 AS k FROM unnest($1::uuid[], $6::uuid[]) WITH ORDINALITY AS u(store_id, channel_id, ord)),
            g AS (SELECT i, s.store_id, s.channel_id FROM generate_series(1, $2) i JOIN s ON s.k = (i + $3) % ${STORES}),
            cu AS (INSERT INTO customers (store_id, external_id, name) SELECT store_id, 'nudge-' || gen_random_uuid(), 'Bench' FROM g RETURNING id, store_id),
            cv AS (INSERT INTO conversations (store_id, channel_id, customer_id, status, last_message_at, last_message_preview, awaiting_reply_since)
                   SELECT cu.store_id, (SELECT channel_id FROM s WHERE s.store_id = cu.store_id), cu.id, 'open', now(), 'bench', now() FROM cu RETURNING id, store_id, channel_id),
            msg AS (INSERT INTO messages (conversation_id, store_id, channel_id, direction, body, external_id)
                    SELECT id, store_id, channel_id, 'inbound', '在吗', gen_random_uuid()::text FROM cv RETURNING id, conversation_id)
       INSERT INTO sla_timers (store_id, conversation_id, kind, status, started_at, counting_since, target_seconds, warn_before_seconds, warn_at, due_at,
                               message_id, rule_seconds, nudge_seconds, nudged, nudge_at)
       SELECT cv.store_id, cv.id, 'first_response', 'running', now(), now(), 900, 300, now() + interval '600 seconds', now() + interval '900 seconds',
              msg.id, 20, $4::int[], 0, now() + make_interval(secs => $5)
       FROM cv JOIN msg ON msg.conversation_id = cv.id
       RETURNING id, nudge_at, warn_at, due_at`,
      [stores.map((x) => x.storeId), n, tick, NUDGES, NUDGES[0], stores.map((x) => x.channelId)],
    );
    await alarms.arm(rows.map((r) => ({ id: r.id, warnAt: r.warn_at, warnedAt: null, dueAt: r.due_at, nudgeAt: r.nudge_at })));
    return rows.map((r) => r.id);
  }

  async function supervisorSocket(seen: Map<string, number[]>): Promise<Socket> {
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'supervisor@demo.kefu', password: 'demo1234' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const socket = io(`${url}/desk`, { auth: { token: accessToken }, transports: ['websocket'], forceNew: true });
    // Lateness as the supervisor sees it: arrival − (start + the nudge's seconds).
    socket.on('sla.nudge', (n: { timerId: string; waitingSeconds: number; startedAt: string }) => {
      const late = Date.now() - (Date.parse(n.startedAt) + n.waitingSeconds * 1000);
      seen.set(`${n.timerId}:${n.waitingSeconds}`, [...(seen.get(`${n.timerId}:${n.waitingSeconds}`) ?? []), late]);
    });
    await new Promise<void>((r) => socket.once('connect', () => r()));
    return socket;
  }

  /** Offers RATE waits a second for SECONDS seconds; `midway` runs once at half time. */
  async function drive(prefix: string, midway?: () => Promise<void>) {
    const stores = await benchStores(prefix);
    const seen = new Map<string, number[]>();
    const socket = await supervisorSocket(seen);
    const ids: string[] = [];
    const perTick = Math.round((RATE * TICK_MS) / 1000);
    const t0 = Date.now();
    let ticks = 0;
    let behindMs = 0;
    let midwayRun: Promise<void> | null = null;
    while (ticks * TICK_MS < SECONDS * 1000) {
      const due = t0 + ticks * TICK_MS;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else behindMs = Math.max(behindMs, -wait);
      ids.push(...(await startWaits(perTick, stores, ticks)));
      ticks += 1;
      if (midway && !midwayRun && ticks * TICK_MS >= (SECONDS * 1000) / 2) midwayRun = midway();
    }
    const offeredPerS = ids.length / ((Date.now() - t0) / 1000);
    await midwayRun;
    // Until every wait had its last nudge (or 30 s past the last instant).
    const deadline = Date.now() + NUDGES[NUDGES.length - 1] * 1000 + 30_000;
    while (Date.now() < deadline) {
      const [{ n }] = await db.query(`SELECT count(*)::int n FROM sla_timers WHERE id = ANY($1) AND nudged < $2`, [ids, NUDGES.length]);
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, 2000)); // the last events
    socket.close();
    const expected = ids.length * NUDGES.length;
    const late = [...seen.values()].map((v) => v[0]).sort((a, b) => a - b);
    const duplicates = [...seen.values()].filter((v) => v.length > 1).length;
    const [{ recorded }] = await db.query(`SELECT coalesce(sum(nudged), 0)::int recorded FROM sla_timers WHERE id = ANY($1)`, [ids]);
    return { waits: ids.length, offeredPerS, behindMs, expected, heard: seen.size, recorded, missed: expected - seen.size, duplicates, late };
  }

  function report(title: string, r: Awaited<ReturnType<typeof drive>>) {
    console.log(
      `${title}\n` +
        `  ${fmt(r.waits)} waits offered at ${fmt(r.offeredPerS)}/s (driver at most ${fmt(r.behindMs)} ms behind), nudges at ${NUDGES.join('/')} s\n` +
        `  nudge lateness (heard − instant): p50 ${fmt(percentile(r.late, 0.5))} ms, p99 ${fmt(percentile(r.late, 0.99))} ms, max ${fmt(r.late[r.late.length - 1] ?? NaN)} ms\n` +
        `  nudges expected ${fmt(r.expected)}, recorded ${fmt(r.recorded)}, heard ${fmt(r.heard)}, missed ${fmt(r.missed)}, duplicate ${fmt(r.duplicates)}`,
    );
  }

  it(`nudges ${RATE} new waits a second on time, each instant once`, async () => {
    const r = await drive('Nudge');
    report(`phase 1: ${RATE} waits/s for ${SECONDS} s`, r);
    expect(r.missed).toBe(0);
    expect(r.duplicates).toBe(0);
  });

  it('misses and repeats none when the worker is killed half-way and another starts', async () => {
    const r = await drive('Restart', async () => {
      worker.kill('SIGKILL');
      await new Promise((res) => setTimeout(res, 2000));
      worker = spawnServer('worker.js', serverEnv);
    });
    report(`phase 2: the same, the worker killed (SIGKILL) at ${SECONDS / 2} s and replaced 2 s later`, r);
    expect(r.missed).toBe(0);
    expect(r.duplicates).toBe(0);
  });
});
