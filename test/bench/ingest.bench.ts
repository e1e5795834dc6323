// Peak ingest, measured from outside (issue 16): the desk as `npm start` runs it (bin/serve.mjs: its api
// and worker processes, on this machine's PostgreSQL and Redis), 20 stores, 2,000 customers, 250
// store-limited agents × 4 console tabs (1,000 sockets) and 3 supervisor tabs, then signed customer
// messages at 50, 100, 300, 600 and 1,000 a second. Per rate it prints the webhook's latency (counted from
// when each message was due, so a slow answer cannot hide the queue behind it), webhook → supervisor
// socket `message.created` latency, status codes (503 = shed), lost (acknowledged, not stored),
// duplicates, messages shown twice or never, agents over their limit, and the api processes' memory.
// Then the capacity (the highest rate with webhook p99 ≤ 200 ms), the raw rate of this machine for
// "one committed PostgreSQL transaction + one BullMQ add + one socket.io emit", and the ratio.
//   npm run bench:ingest                        (BENCH_INGEST_SECONDS=60 for the issue's 60 s per rate)
//   BENCH_INGEST_RATES=300 BENCH_INGEST_SOCKETS=1000 npm run bench:ingest
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { http, login } from '../support/client.js';
import { freePort } from '../support/private-services.js';
import { fmt, percentile } from './support.js';

const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 20);
const RATES = (process.env.BENCH_INGEST_RATES ?? '50,100,300,600,1000').split(',').map(Number);
const SOCKETS = Number(process.env.BENCH_INGEST_SOCKETS ?? 1000);
const STORES = 20;
const CUSTOMERS = 2000;
const TABS = 4;
const AGENTS = Math.ceil(SOCKETS / TABS);
const CAPACITY_P99_MS = 200;
const root = join(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  externalId: string;
  due: number;
  sentAt: number;
  status: number;
  ms: number;
}

/** The desk as `npm start` serves it, on a database and Redis prefix of its own. */
async function startDesk() {
  const run = `ingest_${Date.now().toString(36)}`;
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbUrl = new URL(admin);
  dbUrl.pathname = `/kefu_bench_${run}`;
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `kefu-bench-${run}`,
    PORT: String(port),
    DEMO_HISTORY: 'false',
    SIMULATOR: 'off',
    // The benchmark is one client address sending for 20 stores' platforms and 250 agents' consoles.
    RATE_LIMIT_PER_CHANNEL: '100000',
    LOGIN_FAILURES_PER_ADDRESS: '100000',
  };
  const setup = spawnSync(process.execPath, [join(root, 'apps/server/dist/cli/setup.js')], { env, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`setup failed: ${setup.stderr || setup.stdout}`);
  const serve: ChildProcess = spawn(process.execPath, [join(root, 'apps/server/bin/serve.mjs')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b: Buffer) => void (output = (output + b.toString()).slice(-20_000));
  serve.stdout!.on('data', keep);
  serve.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
    if (i > 240 || serve.exitCode !== null) throw new Error(`desk not healthy:\n${output}`);
    await sleep(500);
  }
  return {
    url,
    env,
    serve,
    output: () => output,
    async stop() {
      serve.kill('SIGTERM');
      await new Promise((r) => serve.once('exit', r));
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "kefu_bench_${run}" WITH (FORCE)`);
      await c.end();
      const redis = new Redis(env.REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.REDIS_PREFIX}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

/** RSS in MB of every api process the desk runs (descendants of serve.mjs whose command line names main.js). */
function apiMemoryMb(servePid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parent.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === servePid) return true;
    return false;
  };
  const mb: number[] = [];
  for (const pid of parent.keys()) {
    try {
      if (!descends(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.js')) continue;
      mb.push(Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024));
    } catch {
      /* exited meanwhile */
    }
  }
  return mb;
}

async function connect(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}/desk`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 1000 });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** Does `jobs` in parallel, at most `n` at a time. */
async function pool<T>(items: T[], n: number, job: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      await job(items[i], i);
    }
  }));
}

/** 20 stores open around the clock, a channel each; 250 agents, each serving two neighbouring stores. */
async function setUp(url: string) {
  const admin = await login(url, 'admin@demo.kefu');
  const tag = randomUUID().slice(0, 6);
  const stores: { id: string; channel: { id: string; secret: string } }[] = [];
  for (let i = 0; i < STORES; i++) {
    const store = await http(url, 'POST', '/api/stores', { token: admin, body: { name: `压测店 ${tag}-${i}`, platform: i % 2 ? 'jd' : 'taobao', businessHours: null } });
    if (store.status !== 201) throw new Error(`store: ${store.status} ${JSON.stringify(store.body)}`);
    const channel = await http(url, 'POST', `/api/stores/${store.body.id}/channels`, { token: admin, body: { kind: 'marketplace_chat', name: 'chat' } });
    stores.push({ id: store.body.id, channel: { id: channel.body.id, secret: channel.body.secret } });
  }
  const agents = Array.from({ length: AGENTS }, (_, i) => ({ email: `agent-${tag}-${i}@example.test`, storeIds: [stores[i % STORES].id, stores[(i + 1) % STORES].id] }));
  await pool(agents, 8, async (a, i) => {
    const r = await http(url, 'POST', '/api/users', { token: admin, body: { email: a.email, name: `坐席 ${i}`, password: 'agent-pass-1', role: 'agent', storeIds: a.storeIds, languages: ['zh', 'en'], maxConcurrent: 5 } });
    if (r.status !== 201) throw new Error(`user: ${r.status} ${JSON.stringify(r.body)}`);
  });
  const tokens: string[] = [];
  await pool(agents, 4, async (a, i) => void (tokens[i] = await login(url, a.email, 'agent-pass-1')));
  const sockets: Socket[] = [];
  const perSocket: number[] = [];
  await pool(Array.from({ length: AGENTS * TABS }, (_, i) => i).slice(0, SOCKETS), 20, async (i) => {
    const s = await connect(url, tokens[i % AGENTS]);
    const k = sockets.push(s) - 1;
    perSocket[k] = 0;
    s.onAny(() => void perSocket[k]++);
  });
  const supervisorToken = await login(url, 'supervisor@demo.kefu');
  const supervisors = await Promise.all([0, 1, 2].map(() => connect(url, supervisorToken)));
  return { stores, sockets, perSocket, supervisors };
}

/** Signed messages at `rate` a second for `seconds`, each from one of 2,000 customers of the 20 stores. */
async function offer(url: string, stores: { channel: { id: string; secret: string } }[], rate: number, seconds: number, tag: string): Promise<Sent[]> {
  const sent: Sent[] = [];
  const inflight = new Set<Promise<void>>();
  const total = rate * seconds;
  const t0 = performance.now();
  let n = 0;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
      while (n < due) {
        const i = n++;
        const customer = Math.floor(Math.random() * CUSTOMERS);
        const store = stores[customer % STORES];
        const externalId = `${tag}-${i}`;
        const raw = JSON.stringify({ externalMessageId: externalId, customer: { externalId: `buyer-${customer}`, name: `买家${customer}` }, text: `你好，我的订单什么时候发货？(${i})` });
        const dueAt = t0 + (i * 1000) / rate;
        const sentAt = performance.now();
        const p = fetch(`${url}/api/channels/${store.channel.id}/inbound`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(store.channel.secret, raw) },
          body: raw,
          signal: AbortSignal.timeout(30_000),
        })
          .then(async (res) => {
            await res.arrayBuffer();
            sent.push({ externalId, due: dueAt, sentAt, status: res.status, ms: performance.now() - dueAt });
          })
          .catch(() => void sent.push({ externalId, due: dueAt, sentAt, status: 0, ms: performance.now() - dueAt }))
          .finally(() => inflight.delete(p));
        inflight.add(p);
      }
      if (n >= total) {
        clearInterval(timer);
        done();
      }
    }, 2);
  });
  await Promise.all([...inflight]);
  return sent;
}

/** One committed transaction + one BullMQ add + one socket.io emit (to one connected client), 32 at a time, for 5 s. */
async function rawBaseline(databaseUrl: string, redisUrl: string): Promise<number> {
  const db = new pg.Pool({ connectionString: databaseUrl, max: 16 });
  await db.query(`CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('bench-raw', { connection, prefix: `kefu-bench-raw-${Date.now().toString(36)}` });
  const httpServer = createServer();
  const ioServer = new Server(httpServer);
  const port = await freePort();
  await new Promise<void>((r) => httpServer.listen(port, '127.0.0.1', r));
  const client = io(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
  await new Promise<void>((r) => client.once('connect', () => r()));
  let done = 0;
  const end = performance.now() + 5000;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (performance.now() < end) {
        const c = await db.connect();
        try {
          await c.query('BEGIN');
          await c.query('INSERT INTO bench_raw (body) VALUES ($1)', ['你好']);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
        await queue.add('raw', { n: done }, { removeOnComplete: true });
        ioServer.emit('raw', { n: done });
        done++;
      }
    }),
  );
  client.close();
  ioServer.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  connection.disconnect();
  await db.query('DROP TABLE bench_raw');
  await db.end();
  return done / 5;
}

describe('peak ingest', () => {
  it('measures the webhook, the live path and the losses from 50 to 1,000 messages a second', async () => {
    const desk = await startDesk();
    try {
      const { stores, sockets, perSocket, supervisors } = await setUp(desk.url);
      const shown = new Map<string, number[]>(); // externalId → arrival times at supervisor 0
      supervisors[0].on('message.created', (m: { externalId: string | null; direction: string }) => {
        if (m.direction !== 'inbound' || !m.externalId) return;
        const seen = shown.get(m.externalId);
        if (seen) seen.push(performance.now());
        else shown.set(m.externalId, [performance.now()]);
      });
      const db = new pg.Pool({ connectionString: desk.env.DATABASE_URL, max: 2 });
      const rows: string[] = [];
      const capacityOf: { rate: number; p99: number }[] = [];
      for (const rate of RATES) {
        const tag = `r${rate}-${randomUUID().slice(0, 4)}`;
        const before = perSocket.reduce((a, b) => a + b, 0);
        const cpu0 = process.cpuUsage();
        const sent = await offer(desk.url, stores, rate, SECONDS, tag);
        await sleep(3000); // let the last live events arrive
        const acked = sent.filter((s) => s.status >= 200 && s.status < 300);
        const stored = new Map(
          (await db.query<{ external_id: string; n: number }>(`SELECT external_id, count(*)::int n FROM messages WHERE direction = 'inbound' AND external_id LIKE $1 GROUP BY external_id`, [`${tag}-%`])).rows.map((r) => [r.external_id, r.n]),
        );
        const lost = acked.filter((s) => !stored.has(s.externalId)).length;
        const duplicates = [...stored.values()].filter((n) => n > 1).length;
        const shownTwice = acked.filter((s) => (shown.get(s.externalId)?.length ?? 0) > 1).length;
        const neverShown = acked.filter((s) => !shown.has(s.externalId)).length;
        const over = (await db.query(`SELECT count(*)::int n FROM (SELECT c.assignee_id FROM conversations c JOIN users u ON u.id = c.assignee_id WHERE c.status IN ('open', 'pending') GROUP BY c.assignee_id, u.max_concurrent HAVING count(*) > u.max_concurrent) o`)).rows[0].n;
        const web = sent.map((s) => s.ms).sort((a, b) => a - b);
        const live = acked.flatMap((s) => (shown.get(s.externalId) ?? []).slice(0, 1).map((t) => t - s.sentAt)).sort((a, b) => a - b);
        const codes = Object.entries(sent.reduce<Record<string, number>>((m, s) => ((m[s.status] = (m[s.status] ?? 0) + 1), m), {})).map(([k, v]) => `${k}×${v}`).join(' ');
        const events = perSocket.reduce((a, b) => a + b, 0) - before;
        const mem = apiMemoryMb(desk.serve.pid!);
        const achieved = sent.length / (Math.max(...sent.map((s) => s.sentAt)) - Math.min(...sent.map((s) => s.sentAt)) + 1) * 1000;
        capacityOf.push({ rate, p99: percentile(web, 0.99) });
        rows.push(
          `| ${rate}/s | ${fmt(achieved)} | ${sockets.length} | ${fmt(percentile(web, 0.5))} / ${fmt(percentile(web, 0.99))} | ${fmt(percentile(live, 0.5))} / ${fmt(percentile(live, 0.99))} | ${codes} | ${lost} | ${duplicates} | ${shownTwice} / ${neverShown} | ${over} | ${fmt(events)} | ${mem.join(', ')} | ${fmt((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6 / SECONDS * 100)}% |`,
        );
        console.log(rows.at(-1));
        expect(lost).toBe(0);
        // Let the desk settle before the next rate.
        await sleep(5000);
      }
      await db.end();
      for (const s of [...sockets, ...supervisors]) s.close();
      const raw = await rawBaseline(desk.env.DATABASE_URL, desk.env.REDIS_URL);
      const capacity = Math.max(0, ...capacityOf.filter((c) => c.p99 <= CAPACITY_P99_MS).map((c) => c.rate));
      console.log(
        [
          `Peak ingest: ${SECONDS} s per rate, ${STORES} stores, ${CUSTOMERS} customers, ${AGENTS} agents × ${TABS} tabs = ${sockets.length} sockets + 3 supervisor tabs`,
          '',
          '| offered | achieved/s | agent sockets | webhook p50 / p99 ms (from due) | webhook → supervisor socket p50 / p99 ms | status codes | lost | duplicates | shown twice / never | agents over limit | events to agent sockets | api RSS MB | bench client CPU |',
          '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
          ...rows,
          '',
          `capacity (highest offered rate with webhook p99 ≤ ${CAPACITY_P99_MS} ms): ${capacity ? `${capacity}/s` : `below ${RATES[0]}/s`}`,
          `raw baseline (one committed PostgreSQL transaction + one BullMQ add + one socket.io emit, 32 at a time): ${fmt(raw)}/s`,
          `capacity as a share of the raw baseline: ${fmt((capacity / raw) * 100, 1)}%`,
        ].join('\n'),
      );
    } catch (err) {
      console.log(desk.output());
      throw err;
    } finally {
      await desk.stop();
    }
  });
});
