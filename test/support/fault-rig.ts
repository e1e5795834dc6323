// A whole desk on a private PostgreSQL and Redis (see private-services.ts): migrated and seeded,
// its api and worker as real OS processes, and a platform sending signed messages at a steady
// rate, so a test can take a dependency away under traffic and count what happened to each message.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { login, storeWithAgent } from './client.js';
import { freePort, startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from './private-services.js';

const dist = join(import.meta.dirname, '../../apps/server/dist');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  /** stdout and stderr so far (a failing test prints it). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface Rig {
  pg: PrivatePostgres;
  redis: PrivateRedis;
  databaseUrl: string;
  port: number;
  url: string;
  /** What the desk's processes are started with. */
  env: Record<string, string>;
  processes: ServerProcess[];
  spawn(name: string, script: string, args?: string[], env?: Record<string, string>): ServerProcess;
  waitHealthy(ms?: number): Promise<void>;
  /** Until `p` has printed `text` (e.g. a worker's "processing queues"). */
  waitOutput(p: ServerProcess, text: string | RegExp, ms?: number): Promise<void>;
  /** Until a worker has trained the first cause model (seconds of CPU at its start), so tests meet a settled desk. */
  waitCauseModel(ms?: number): Promise<void>;
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Private PostgreSQL and Redis, migrated and seeded (demo users, no history); nothing started yet. */
export async function startRig(env: Record<string, string> = {}): Promise<Rig> {
  const [pgServer, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
  const databaseUrl = pgServer.url('kefu');
  const port = await freePort();
  const rigEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'kefu',
    PORT: String(port),
    CONSOLE_DIST: '',
    DEMO_HISTORY: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...env,
  };
  const setup = spawnSync(process.execPath, [join(dist, 'cli/setup.js')], { env: rigEnv, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`setup failed: ${setup.stderr || setup.stdout}`);
  // The test stops this server on purpose: its errors are expected (see data-source.ts for onConnect).
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 2000, onConnect: (c) => void c.on('error', () => undefined) });
  db.on('error', () => undefined);
  const processes: ServerProcess[] = [];
  const url = `http://127.0.0.1:${port}`;
  return {
    pg: pgServer,
    redis,
    databaseUrl,
    port,
    url,
    env: rigEnv,
    processes,
    spawn(name, script, args = [], env = {}) {
      const child = spawn(process.execPath, [script.startsWith('/') ? script : join(dist, script), ...args], { env: { ...rigEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const keep = (b: Buffer) => {
        out += b.toString();
        if (out.length > 200_000) out = out.slice(-100_000);
        if (process.env.RIG_ECHO) process.stderr.write(`[${name}] ${b}`);
      };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
      const p = { name, child, output: () => out, exited };
      processes.push(p);
      return p;
    },
    async waitHealthy(ms = 60_000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return;
        await sleep(200);
      }
      throw new Error(`desk not healthy within ${ms} ms:\n${processes.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join('\n')}`);
    },
    async waitOutput(p, text, ms = 60_000) {
      const end = Date.now() + ms;
      const seen = () => (typeof text === 'string' ? p.output().includes(text) : text.test(p.output()));
      while (!seen()) {
        if (Date.now() > end || p.child.exitCode !== null) throw new Error(`${p.name} did not print ${text} within ${ms} ms:\n${p.output().slice(-3000)}`);
        await sleep(100);
      }
    },
    async waitCauseModel(ms = 90_000) {
      const end = Date.now() + ms;
      while ((await db.query(`SELECT 1 FROM cause_models WHERE status = 'active'`)).rowCount === 0) {
        if (Date.now() > end) throw new Error(`no cause model within ${ms} ms`);
        await sleep(200);
      }
    },
    async query(sql, params = []) {
      return (await db.query(sql, params)).rows;
    },
    async close() {
      const alive = (p: (typeof processes)[number]) => p.child.exitCode === null && p.child.signalCode === null;
      // A supervisor (serve.mjs) is stopped with SIGTERM, which stops its api and worker too: killed with SIGKILL, it
      // left them running after a failed test.
      const supervisors = processes.filter((p) => p.name === 'supervisor' && alive(p));
      for (const p of supervisors) p.child.kill('SIGTERM');
      await Promise.race([Promise.all(supervisors.map((p) => p.exited)), sleep(15_000)]);
      for (const p of processes) if (alive(p)) p.child.kill('SIGKILL');
      await Promise.all(processes.map((p) => p.exited));
      await db.end().catch(() => undefined);
      await redis.destroy();
      pgServer.destroy();
    },
  };
}

/** A store open around the clock with one channel and one agent, made through the api as an admin. */
export async function rigStore(url: string, slaSeconds = 900) {
  const admin = await login(url, 'admin@demo.kefu');
  const s = await storeWithAgent(url, admin, 'Faults', { businessHours: null, slaPolicy: { firstResponseSeconds: slaSeconds, nextResponseSeconds: slaSeconds, warnBeforeSeconds: 1 } });
  return { admin, ...s };
}

export interface Sent {
  externalId: string;
  customer: string;
  /** ms since the traffic started. */
  at: number;
  status: number; // 0: no answer (refused, reset or timed out)
  ms: number;
  retryAfter: string | null;
}

/**
 * A platform sending signed messages at `rate` a second, each on its own schedule (a slow answer
 * does not hold back the next one), from `customers` buyers in turn (0: a new one each time), so
 * some messages start a conversation and its clock and others join one.
 */
export class Traffic {
  readonly sent: Sent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inflight = new Set<Promise<void>>();
  private t0 = 0;
  private n = 0;

  constructor(
    private readonly url: string,
    private readonly channel: { id: string; secret: string },
    private readonly rate: number,
    private readonly customers = 0,
    private readonly tag = randomUUID().slice(0, 6),
  ) {}

  start(): void {
    this.t0 = performance.now();
    const tick = () => {
      const due = Math.floor(((performance.now() - this.t0) / 1000) * this.rate);
      while (this.n < due) this.sendOne(this.n++);
    };
    this.timer = setInterval(tick, Math.max(5, Math.floor(250 / this.rate)));
  }

  now(): number {
    return performance.now() - this.t0;
  }

  async stop(): Promise<Sent[]> {
    clearInterval(this.timer);
    await Promise.all([...this.inflight]);
    return this.sent.sort((a, b) => a.at - b.at);
  }

  private sendOne(i: number): void {
    const externalId = `${this.tag}-${i}`;
    const customer = `buyer-${this.tag}-${this.customers ? i % this.customers : i}`;
    const raw = JSON.stringify({ externalMessageId: externalId, customer: { externalId: customer, name: '测试买家' }, text: `在吗 ${i}` });
    const at = this.now();
    const p = fetch(`${this.url}/api/channels/${this.channel.id}/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(this.channel.secret, raw) },
      body: raw,
      signal: AbortSignal.timeout(30_000), // a platform's patience; a slow machine must not read as refusals
    })
      .then(async (res) => {
        await res.arrayBuffer();
        this.sent.push({ externalId, customer, at, status: res.status, ms: this.now() - at, retryAfter: res.headers.get('retry-after') });
      })
      .catch(() => void this.sent.push({ externalId, customer, at, status: 0, ms: this.now() - at, retryAfter: null }))
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }
}

/** What happened to each message: acknowledged (2xx), stored, lost (acknowledged, not stored), codes by phase. */
export async function tally(rig: Rig, sent: Sent[], outage: { from: number; to: number }) {
  const stored = new Set(
    (await rig.query<{ external_id: string }>(`SELECT external_id FROM messages WHERE direction = 'inbound' AND external_id = ANY($1)`, [sent.map((s) => s.externalId)])).map((r) => r.external_id),
  );
  const acked = sent.filter((s) => s.status >= 200 && s.status < 300);
  const codes = (list: Sent[]) => list.reduce<Record<string, number>>((m, s) => ((m[s.status] = (m[s.status] ?? 0) + 1), m), {});
  const during = sent.filter((s) => s.at >= outage.from && s.at < outage.to);
  const after = sent.filter((s) => s.at >= outage.to);
  const firstOkAfter = after.find((s) => s.status >= 200 && s.status < 300);
  // Recovered: from here on every message is acknowledged.
  const lastBad = [...sent].reverse().find((s) => !(s.status >= 200 && s.status < 300));
  return {
    sent: sent.length,
    acknowledged: acked.length,
    stored: sent.filter((s) => stored.has(s.externalId)).length,
    lost: acked.filter((s) => !stored.has(s.externalId)).map((s) => s.externalId),
    codesDuring: codes(during),
    codesAfter: codes(after),
    slowestDuringMs: Math.round(Math.max(0, ...during.map((s) => s.ms))),
    firstAckAfterMs: firstOkAfter ? Math.round(firstOkAfter.at - outage.to) : null,
    allAckedAfterMs: lastBad && lastBad.at >= outage.to ? Math.round(lastBad.at - outage.to) : 0,
    refusedWithoutRetryAfter: sent.filter((s) => s.status === 503 && !s.retryAfter).length,
  };
}
