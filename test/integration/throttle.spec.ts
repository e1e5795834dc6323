// Issue 13, item 5: failed logins per account and per address, a per-user API limit and per-channel
// webhook limits, counted in Redis across api processes, failing open when Redis does not answer.
import { createServer, type Server } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import type { ChannelWithSecret, Store } from '@kefu/contracts';
import { RedisThrottlerStorage } from '../../apps/server/src/throttle/redis-throttler.storage.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound } from '../support/client.js';

/** Deletes this run's rate-limit counters, so later test files start from none. */
async function clearCounters(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL!);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:throttle:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

const attempt = (base: string, email: string, password: string) => http(base, 'POST', '/api/auth/login', { body: { email, password } });

describe('rate limits', () => {
  let desk: Desk;
  let other: Desk;
  let admin: string;

  beforeAll(async () => {
    await clearCounters();
    const env = { LOGIN_FAILURES_PER_ACCOUNT: '5', LOGIN_FAILURES_PER_ADDRESS: '25', RATE_LIMIT_PER_USER: '40', RATE_LIMIT_PER_CHANNEL: '10' };
    desk = await startDesk({ worker: false, env });
    // A second api process: the counters are in Redis, so they hold across both.
    other = await startDesk({ worker: false, env });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(async () => {
    await other?.close();
    await desk?.close();
    await clearCounters();
  });

  it("lets an office's agents all sign in from one address while an attacker's failures on one account get 429", async () => {
    const tag = randomUUID().slice(0, 6);
    const agents = await Promise.all(
      Array.from({ length: 9 }, async (_, i) => {
        const email = `office-${tag}-${i}@example.test`;
        const r = await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: `Office ${i}`, password: 'office-pass-1', role: 'agent' } });
        expect(r.status).toBe(201);
        return email;
      }),
    );
    const victim = agents.pop()!;
    const attacker: number[] = [];
    const office: number[] = [];
    // 48 successful logins from this one address (more than its failure limit), with the
    // attacker's guesses in between, alternating between the two api processes.
    for (let round = 0; round < 6; round++) {
      for (const [i, email] of agents.entries()) office.push((await attempt(i % 2 ? other.url : desk.url, email, 'office-pass-1')).status);
      attacker.push((await attempt(round % 2 ? other.url : desk.url, victim, `guess-${round}`)).status);
    }
    expect(office.filter((s) => s !== 200)).toEqual([]);
    expect(attacker).toEqual([401, 401, 401, 401, 401, 429]);

    const blocked = await fetch(`${desk.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: victim, password: 'guess-x' }) });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await blocked.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests', retryAfterSeconds: retryAfter });
    // While blocked, even the right password is not checked (no oracle for the attacker).
    expect((await attempt(desk.url, victim, 'office-pass-1')).status).toBe(429);
    // The other accounts are not affected.
    expect((await attempt(desk.url, agents[0]!, 'office-pass-1')).status).toBe(200);
  });

  it('blocks an address after too many failures on any accounts, unknown ones included', async () => {
    await clearCounters();
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++) statuses.push((await attempt(i % 2 ? other.url : desk.url, `nobody-${i}-${randomUUID().slice(0, 4)}@example.test`, 'guess')).status);
    expect(statuses.slice(0, 25).every((s) => s === 401)).toBe(true);
    expect(statuses[25]).toBe(429);
    await clearCounters();
  });

  it("limits each user's API calls per minute, whichever api process they reach, and answers 429 with Retry-After", async () => {
    const [a, b] = [await login(desk.url, 'agent1@demo.kefu'), await login(desk.url, 'agent2@demo.kefu')];
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await http(i % 2 ? other.url : desk.url, 'GET', '/api/auth/me', { token: a })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await fetch(`${desk.url}/api/auth/me`, { headers: { authorization: `Bearer ${a}` } });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await http(desk.url, 'GET', '/api/auth/me', { token: b })).status).toBe(200);
    await clearCounters();
  });

  it('limits webhooks per channel per second; every accepted message is stored, other channels are unaffected', async () => {
    const store = (await http<Store>(desk.url, 'POST', '/api/stores', { token: admin, body: { name: `Promo ${randomUUID().slice(0, 6)}`, platform: 'douyin' } })).body;
    const make = async () => (await http<ChannelWithSecret>(desk.url, 'POST', `/api/stores/${store.id}/channels`, { token: admin, body: { kind: 'marketplace_chat', name: 'chat' } })).body;
    const [busy, quiet] = [await make(), await make()];
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signedInbound(i % 2 ? other.url : desk.url, busy, inboundBody(`burst ${i}`, `buyer-${i}`))));
    const accepted = answers.filter((r) => r.status === 202).length;
    const limited = answers.filter((r) => r.status === 429).length;
    expect(accepted + limited).toBe(30);
    expect(limited).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThanOrEqual(10);
    const stored = await desk.db.query(`SELECT count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.channel_id = $1`, [busy.id]);
    expect(stored[0].n).toBe(accepted);
    expect((await signedInbound(desk.url, quiet, inboundBody('quiet channel'))).status).toBe(202);
    await clearCounters();
  });
});

describe('RedisThrottlerStorage', () => {
  it('counts across instances (api processes) in one round trip per check', async () => {
    const [r1, r2] = [new Redis(process.env.REDIS_URL!), new Redis(process.env.REDIS_URL!)];
    try {
      await Promise.all([r1.ping(), r2.ping()]);
      const [s1, s2] = [new RedisThrottlerStorage(r1, process.env.REDIS_PREFIX!, 500), new RedisThrottlerStorage(r2, process.env.REDIS_PREFIX!, 500)];
      const key = `test-${randomUUID()}`;
      const records = [];
      for (let i = 0; i < 6; i++) records.push(await (i % 2 ? s2 : s1).increment(key, 60_000, 5, 30_000, 'user'));
      expect(records.map((r) => r.isBlocked)).toEqual([false, false, false, false, false, true]);
      expect(records[4]).toMatchObject({ totalHits: 5, isBlocked: false });
      expect(records[5]!.timeToBlockExpire).toBe(30);
      expect((await s1.increment(key, 60_000, 5, 30_000, 'user')).isBlocked).toBe(true);
      expect((await s1.increment(`test-${randomUUID()}`, 60_000, 5, 30_000, 'user')).isBlocked).toBe(false);
    } finally {
      r1.disconnect();
      r2.disconnect();
      await clearCounters();
    }
  });

  it('fails open at once when Redis is unreachable', async () => {
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 1000 });
    redis.on('error', () => undefined);
    redis.connect().catch(() => undefined);
    const storage = new RedisThrottlerStorage(redis, 'unreachable', 100);
    try {
      const started = Date.now();
      for (let i = 0; i < 20; i++) expect((await storage.increment('k', 60_000, 1, 60_000, 'user')).isBlocked).toBe(false);
      expect(await storage.blockedFor([{ key: 'k', limit: 1 }])).toBe(0);
      await storage.count(['k'], 60_000);
      expect(Date.now() - started).toBeLessThan(200);
    } finally {
      redis.disconnect();
    }
  });

  it('fails open within its timeout when Redis accepts the connection but never answers', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent: Server = createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    // No ready check and no CLIENT SETINFO: the client counts as ready once connected.
    const redis = new Redis(port, '127.0.0.1', { enableReadyCheck: false, disableClientInfo: true, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    try {
      await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
      const storage = new RedisThrottlerStorage(redis, 'silent', 100);
      const started = Date.now();
      expect((await storage.increment('k', 60_000, 1, 60_000, 'channel')).isBlocked).toBe(false);
      expect(await storage.blockedFor([{ key: 'k', limit: 1 }])).toBe(0);
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(190);
      expect(took).toBeLessThan(1000);
    } finally {
      redis.disconnect();
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});
