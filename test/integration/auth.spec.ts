// Issue 13, items 1 and 2: tokens nobody can forge, that always expire, a rotating refresh token in
// a cookie, and revocation (token version) that reaches open sockets on every api process.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { io } from 'socket.io-client';
import type { ChannelWithSecret, Store, User } from '@kefu/contracts';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, signedInbound, sleep, waitFor } from '../support/client.js';

/** The development secret the desk shipped with until issue 13. */
const OLD_DEV_SECRET = 'kefu-dev-secret-do-not-use-in-production';

interface Session {
  status: number;
  accessToken: string;
  user: User;
  /** `kefu_refresh=<value>` as a Cookie header, or '' when none was set. */
  cookie: string;
  setCookie: string;
}

async function authCall(base: string, path: string, opts: { body?: unknown; cookie?: string } = {}): Promise<Session> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(base + path, { method: 'POST', headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('kefu_refresh=')) ?? '';
  const text = await res.text();
  const body = text ? JSON.parse(text) : {};
  return { status: res.status, accessToken: body.accessToken, user: body.user, cookie: setCookie.split(';')[0] ?? '', setCookie };
}

const logIn = (base: string, email: string, password: string) => authCall(base, '/api/auth/login', { body: { email, password } });
const refresh = (base: string, cookie: string) => authCall(base, '/api/auth/refresh', { cookie });

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

describe('access tokens, refresh tokens and revocation', () => {
  let desk: Desk;
  let other: Desk;
  let admin: string;
  let adminUser: User;
  let secret: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    // A second api process on the same database and Redis.
    other = await startDesk({ worker: false });
    const session = await logIn(desk.url, 'admin@demo.kefu', 'demo1234');
    admin = session.accessToken;
    adminUser = session.user;
    const rows: { value: string }[] = await desk.db.query(`SELECT value FROM auth_secrets WHERE name = 'jwt'`);
    secret = rows[0]!.value;
  });
  afterAll(async () => {
    await other?.close();
    await desk?.close();
  });

  const me = (base: string, token: string) => http(base, 'GET', '/api/auth/me', { token });
  const sign = (payload: object, options: Record<string, unknown> = {}) => new JwtService().sign(payload, { secret, ...options });

  async function newUser(fields: Record<string, unknown> = {}) {
    const email = `user-${randomUUID().slice(0, 8)}@example.test`;
    const password = 'first-pass-1';
    const created = await http<User>(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: 'Tested user', password, role: 'agent', storeIds: [], ...fields } });
    expect(created.status).toBe(201);
    const session = await logIn(desk.url, email, password);
    expect(session.status).toBe(200);
    return { user: created.body, email, password, session };
  }

  async function storeWithChannel(name: string) {
    const store = (await http<Store>(desk.url, 'POST', '/api/stores', { token: admin, body: { name: `${name} ${randomUUID().slice(0, 6)}`, platform: 'jd' } })).body;
    const channel = (await http<ChannelWithSecret>(desk.url, 'POST', `/api/stores/${store.id}/channels`, { token: admin, body: { kind: 'marketplace_chat', name: 'chat' } })).body;
    return { store, channel };
  }

  describe('no constant secret, every token expires', () => {
    it('signs with a random secret generated once and kept in PostgreSQL, shared by every api process', async () => {
      expect(desk.config.jwtSecret).toBeUndefined();
      expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(32);
      expect(secret).not.toBe(OLD_DEV_SECRET);
      // The other api process accepts the first one's tokens: same secret, read from the database.
      expect((await me(other.url, admin)).status).toBe(200);
    });

    it('refuses an admin token minted with the old development secret', async () => {
      const forged = new JwtService().sign({ sub: adminUser.id, ver: 0 }, { secret: OLD_DEV_SECRET, expiresIn: 3600 });
      expect((await me(desk.url, forged)).status).toBe(401);
    });

    it('refuses a token without exp, or signed with another algorithm, even with the right secret', async () => {
      expect((await me(desk.url, sign({ sub: adminUser.id, ver: 0 }, { expiresIn: 600 }))).status).toBe(200); // the control
      expect((await me(desk.url, sign({ sub: adminUser.id, ver: 0 })))).toMatchObject({ status: 401 });
      expect((await me(desk.url, sign({ sub: adminUser.id, ver: 0 }, { expiresIn: 600, algorithm: 'HS512' })))).toMatchObject({ status: 401 });
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: adminUser.id, ver: 0, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`;
      expect((await me(desk.url, none)).status).toBe(401);
      expect((await me(desk.url, sign({ sub: adminUser.id, ver: 0, exp: Math.floor(Date.now() / 1000) - 5 })))).toMatchObject({ status: 401 });
      expect((await me(desk.url, sign({ sub: 'not-a-uuid', ver: 0 }, { expiresIn: 600 })))).toMatchObject({ status: 401 });
    });

    it('logs in with a 15-minute access token and a refresh token only in an httpOnly, SameSite cookie limited to /api/auth', async () => {
      const session = await logIn(desk.url, 'admin@demo.kefu', 'demo1234');
      expect(session.status).toBe(200);
      const claims = claimsOf(session.accessToken);
      expect(claims.exp - claims.iat).toBe(900);
      expect(session.setCookie).toMatch(/HttpOnly/i);
      expect(session.setCookie).toMatch(/SameSite=Strict/i);
      expect(session.setCookie).toMatch(/Path=\/api\/auth(;|$)/i);
      expect(session.setCookie).not.toMatch(/Secure/i); // only with NODE_ENV=production
      expect(session.user.email).toBe('admin@demo.kefu');
      // Stored hashed, never as it is.
      const value = session.cookie.split('=')[1]!;
      const count = async (v: string) => (await desk.db.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1`, [v]))[0].n;
      expect(await count(value)).toBe(0);
      expect(await count(createHash('sha256').update(value).digest('hex'))).toBe(1);
    });
  });

  describe('the refresh token', () => {
    it('rotates on every refresh, and a rotated one presented again revokes the whole family', async () => {
      const first = await logIn(desk.url, 'admin@demo.kefu', 'demo1234');
      const second = await refresh(desk.url, first.cookie);
      expect(second.status).toBe(200);
      expect(second.user.email).toBe('admin@demo.kefu');
      expect((await me(desk.url, second.accessToken)).status).toBe(200);
      expect(second.cookie).not.toBe(first.cookie);
      const third = await refresh(desk.url, second.cookie);
      expect(third.status).toBe(200);

      // Someone replays the first cookie: refused, and the live token of the family dies with it.
      expect((await refresh(desk.url, first.cookie)).status).toBe(401);
      expect((await refresh(desk.url, third.cookie)).status).toBe(401);
      // Other sessions of the same user are untouched.
      const elsewhere = await logIn(desk.url, 'admin@demo.kefu', 'demo1234');
      expect((await refresh(desk.url, elsewhere.cookie)).status).toBe(200);
    });

    it('refuses a refresh without a cookie or with a made-up one, and clears the cookie', async () => {
      expect((await refresh(desk.url, '')).status).toBe(401);
      const made = await refresh(desk.url, 'kefu_refresh=made-up');
      expect(made.status).toBe(401);
      expect(made.setCookie).toMatch(/Expires=Thu, 01 Jan 1970/);
    });

    it('is revoked by logout, which clears the cookie', async () => {
      const session = await logIn(desk.url, 'admin@demo.kefu', 'demo1234');
      const out = await authCall(desk.url, '/api/auth/logout', { cookie: session.cookie });
      expect(out.status).toBe(204);
      expect(out.setCookie).toMatch(/^kefu_refresh=;.*Expires=Thu, 01 Jan 1970/);
      expect((await refresh(desk.url, session.cookie)).status).toBe(401);
    });

    it('is documented with login, refresh and logout in the OpenAPI document', async () => {
      const doc = await http(desk.url, 'GET', '/api/docs-json');
      for (const path of ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']) expect(doc.body.paths[path]?.post).toBeDefined();
    });
  });

  describe('revocation', () => {
    it('ends old tokens and sessions at once on a password reset', async () => {
      const u = await newUser();
      const reset = await http(desk.url, 'PATCH', `/api/users/${u.user.id}`, { token: admin, body: { password: 'second-pass-2' } });
      expect(reset.status).toBe(200);
      expect((await me(desk.url, u.session.accessToken)).status).toBe(401);
      expect((await me(other.url, u.session.accessToken)).status).toBe(401);
      expect((await refresh(desk.url, u.session.cookie)).status).toBe(401);
      expect((await logIn(desk.url, u.email, 'second-pass-2')).status).toBe(200);
    });

    it('ends old tokens and sessions at once on a deactivation', async () => {
      const u = await newUser();
      expect((await http(desk.url, 'PATCH', `/api/users/${u.user.id}`, { token: admin, body: { active: false } })).status).toBe(200);
      expect((await me(desk.url, u.session.accessToken)).status).toBe(401);
      expect((await refresh(desk.url, u.session.cookie)).status).toBe(401);
      // Reactivated, the old session stays dead.
      expect((await http(desk.url, 'PATCH', `/api/users/${u.user.id}`, { token: admin, body: { active: true } })).status).toBe(200);
      expect((await refresh(desk.url, u.session.cookie)).status).toBe(401);
    });

    it('ends old tokens on a role change; one refresh later the user works on with the new role', async () => {
      const u = await newUser({ role: 'supervisor' });
      expect((await http(desk.url, 'GET', '/api/sla/timers', { token: u.session.accessToken })).status).toBe(200);
      expect((await http(desk.url, 'PATCH', `/api/users/${u.user.id}`, { token: admin, body: { role: 'agent' } })).status).toBe(200);
      expect((await me(desk.url, u.session.accessToken)).status).toBe(401);
      const renewed = await refresh(desk.url, u.session.cookie);
      expect(renewed.status).toBe(200);
      expect(renewed.user.role).toBe('agent');
      expect((await me(desk.url, renewed.accessToken)).status).toBe(200);
    });

    it('leaves tokens alone when nothing that matters changed', async () => {
      const u = await newUser();
      expect((await http(desk.url, 'PATCH', `/api/users/${u.user.id}`, { token: admin, body: { name: 'Renamed', maxConcurrent: 3 } })).status).toBe(200);
      expect((await me(desk.url, u.session.accessToken)).status).toBe(200);
    });

    it("closes a deactivated agent's socket on another api process within 2 s; it hears no more of the store", async () => {
      const { store, channel } = await storeWithChannel('Deactivated');
      const u = await newUser({ storeIds: [store.id] });
      const live = await deskSocket(other.url, u.session.accessToken);
      try {
        await signedInbound(desk.url, channel, inboundBody('before'));
        await waitFor(() => live.events.find((e) => e.name === 'message.created' && e.payload.body === 'before'), 5000, 'the event before');

        const disconnected = new Promise<number>((resolve) => live.socket.once('disconnect', () => resolve(Date.now())));
        const at = Date.now();
        expect((await http(desk.url, 'PATCH', `/api/users/${u.user.id}`, { token: admin, body: { active: false } })).status).toBe(200);
        expect((await disconnected) - at).toBeLessThan(2000);

        await signedInbound(desk.url, channel, inboundBody('after'));
        await sleep(400); // a window for a stray event: the api published during the request (no worker here), over Redis pub/sub
        expect(live.events.some((e) => JSON.stringify(e.payload).includes('after'))).toBe(false);
        // And it cannot come back with its old token.
        await expect(deskSocket(other.url, u.session.accessToken)).rejects.toThrow('unauthorized');
      } finally {
        live.socket.close();
      }
    });

    it('closes the socket of an agent whose store was removed within 2 s; reconnected after a refresh, it hears only the new store', async () => {
      const a = await storeWithChannel('Removed');
      const b = await storeWithChannel('Kept');
      const u = await newUser({ storeIds: [a.store.id, b.store.id] });
      const live = await deskSocket(other.url, u.session.accessToken);
      let again: Awaited<ReturnType<typeof deskSocket>> | undefined;
      try {
        await signedInbound(desk.url, a.channel, inboundBody('from A before', 'buyer-a'));
        await waitFor(() => live.events.find((e) => e.name === 'message.created' && e.payload.storeId === a.store.id), 5000, "store A's event");

        const disconnected = new Promise<number>((resolve) => live.socket.once('disconnect', () => resolve(Date.now())));
        const at = Date.now();
        expect((await http(desk.url, 'PATCH', `/api/users/${u.user.id}`, { token: admin, body: { storeIds: [b.store.id] } })).status).toBe(200);
        expect((await disconnected) - at).toBeLessThan(2000);

        // The old token is out of date (not bad): the console refreshes and reconnects.
        const stale = io(`${other.url}/desk`, { auth: { token: u.session.accessToken }, transports: ['websocket'], reconnection: false, forceNew: true });
        const refusal = await new Promise<string>((resolve) => stale.once('connect_error', (err) => resolve(err.message)));
        stale.close();
        expect(refusal).toBe('token expired');

        const renewed = await refresh(desk.url, u.session.cookie);
        expect(renewed.status).toBe(200);
        expect(renewed.user.storeIds).toEqual([b.store.id]);
        again = await deskSocket(other.url, renewed.accessToken);
        await signedInbound(desk.url, a.channel, inboundBody('from A after', 'buyer-a'));
        await signedInbound(desk.url, b.channel, inboundBody('from B after', 'buyer-b'));
        await waitFor(() => again!.events.find((e) => e.name === 'message.created' && e.payload.storeId === b.store.id), 5000, "store B's event");
        await sleep(300); // a window for a stray event: the api published during the request (no worker here), over Redis pub/sub
        expect(JSON.stringify(again.events)).not.toContain(a.store.id);
        expect(live.events.some((e) => JSON.stringify(e.payload).includes('from A after'))).toBe(false);
      } finally {
        live.socket.close();
        again?.socket.close();
      }
    });
  });
});
