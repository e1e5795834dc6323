import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { io } from 'socket.io-client';
import { QueueName } from '@kefu/contracts';
import { startDesk, type Desk } from '../support/desk.js';
import { http, login, waitFor } from '../support/client.js';

/** When each desk last accepted a socket opened by connectFrom (see presenceSettled). */
const lastAccepted = new Map<string, number>();

/** Opens /desk with a browser's `Origin`; resolves to 'connected' or the refusal's message. */
function connectFrom(base: string, token: string, origin: string | undefined, transport: 'websocket' | 'polling'): Promise<string> {
  const startedAt = Date.now();
  const socket = io(`${base}/desk`, { auth: { token }, transports: [transport], reconnection: false, forceNew: true, extraHeaders: origin ? { origin } : {} });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      lastAccepted.set(base, startedAt);
      resolve('connected');
    });
    socket.once('connect_error', (err) => resolve(`refused: ${err.message}`));
  }).finally(() => socket.close()) as Promise<string>;
}

/**
 * Waits until the desk has handled the disconnect of the last socket it accepted (the user's
 * offline timer is set after that socket was opened), so that closing the desk does not cut its
 * presence bookkeeping off half-way.
 */
async function presenceSettled(desk: Desk, token: string): Promise<void> {
  const since = lastAccepted.get(desk.url) ?? 0;
  const userId = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
  const routing = desk.api.get<Queue>(getQueueToken(QueueName.Routing));
  await waitFor(async () => ((await routing.getJob(`offline-${userId}`))?.timestamp ?? 0) >= since, 5000, 'the last disconnect');
}

describe('HTTP surface', () => {
  let desk: Desk;
  let prod: Desk;
  let token: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    token = await login(desk.url, 'admin@demo.kefu');
    // The same database as a production api: no demo seed (users exist), a real secret, its public address.
    prod = await startDesk({ worker: false, env: { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-forty-characters!', PUBLIC_URL: 'https://desk.example.com/', CORS_ORIGINS: 'https://ops.example.com' } });
  });
  afterAll(async () => {
    await prod?.close();
    await desk?.close();
  });

  it('sends the security headers on every answer, and no x-powered-by', async () => {
    for (const path of ['/health', '/api/stores', '/api/auth/login', '/api/no-such-route']) {
      const res = await fetch(desk.url + path);
      const h = Object.fromEntries(res.headers);
      expect({ path, poweredBy: h['x-powered-by'] }).toEqual({ path, poweredBy: undefined });
      expect(h).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
      const csp = h['content-security-policy'] ?? '';
      for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"]) expect({ path, csp: csp.includes(directive) }).toEqual({ path, csp: true });
      expect({ path, inlineStyles: csp.includes('unsafe-inline') }).toEqual({ path, inlineStyles: false });
      // Plain HTTP outside production: no HSTS, no upgrade of requests.
      expect(h['strict-transport-security']).toBeUndefined();
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
    const res = await fetch(`${prod.url}/health`);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('serves the OpenAPI documents openly outside production, and only with a valid token in production', async () => {
    const open = await http(desk.url, 'GET', '/api/docs-json');
    expect(open.status).toBe(200);
    expect(Object.keys(open.body.paths).length).toBeGreaterThan(20);
    expect((await fetch(`${desk.url}/api/docs`)).status).toBe(200);

    const paths = ['/api/docs', '/api/docs/', '/api/docs/swagger-ui-init.js', '/api/docs-json', '/api/docs-yaml'];
    for (const path of paths) {
      expect({ path, status: (await fetch(prod.url + path)).status }).toEqual({ path, status: 401 });
      expect({ path, status: (await fetch(prod.url + path, { headers: { authorization: 'Bearer not-a-token' } })).status }).toEqual({ path, status: 401 });
    }
    const prodToken = await login(prod.url, 'analyst@demo.kefu');
    const doc = await http(prod.url, 'GET', '/api/docs-json', { token: prodToken });
    expect(doc.status).toBe(200);
    expect(doc.body.paths).toHaveProperty(['/api/stores']);
    expect((await fetch(`${prod.url}/api/docs/swagger-ui-init.js`, { headers: { authorization: `Bearer ${prodToken}` } })).status).toBe(200);
    // A token of the other desk's secret is no token here.
    expect((await http(prod.url, 'GET', '/api/docs-json', { token })).status).toBe(401);
  });

  it('lets browsers open the live socket only from the desk’s own page and the configured origins', async () => {
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await connectFrom(desk.url, token, 'https://evil.example', transport)).toMatch(/^refused/);
      expect(await connectFrom(desk.url, token, 'null', transport)).toMatch(/^refused/);
      expect(await connectFrom(desk.url, token, desk.url, transport)).toBe('connected'); // the console served by the desk
      expect(await connectFrom(desk.url, token, undefined, transport)).toBe('connected'); // no browser: the token decides
    }
    const prodToken = await login(prod.url, 'agent1@demo.kefu');
    for (const origin of ['https://desk.example.com', 'https://ops.example.com']) expect(await connectFrom(prod.url, prodToken, origin, 'websocket')).toBe('connected');
    expect(await connectFrom(prod.url, prodToken, 'https://desk.example.com.evil.example', 'websocket')).toMatch(/^refused/);
    await presenceSettled(desk, token);
    await presenceSettled(prod, prodToken);

    // CORS of the polling transport names the allowed origin, never any origin.
    const allowed = await fetch(`${prod.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://ops.example.com' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    const refused = await fetch(`${prod.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
