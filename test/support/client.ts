// What a platform, an admin and an agent do from outside: plain HTTP and socket.io.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ChannelWithSecret, Store, User } from '@kefu/contracts';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function http<T = any>(base: string, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(base + path, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

export async function login(base: string, email: string, password = 'demo1234'): Promise<string> {
  const r = await http(base, 'POST', '/api/auth/login', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

/** A fresh store with one channel and one agent serving it. */
export async function storeWithAgent(base: string, adminToken: string, name = 'Test store', storeFields: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8);
  const created = await http<Store>(base, 'POST', '/api/stores', { token: adminToken, body: { name: `${name} ${tag}`, platform: 'taobao', ...storeFields } });
  if (created.status !== 201) throw new Error(`store: ${created.status} ${JSON.stringify(created.body)}`);
  const store = created.body;
  const channel = (await http<ChannelWithSecret>(base, 'POST', `/api/stores/${store.id}/channels`, { token: adminToken, body: { kind: 'marketplace_chat', name: 'chat' } })).body;
  const email = `agent-${tag}@example.test`;
  const agent = (
    await http<User>(base, 'POST', '/api/users', {
      token: adminToken,
      body: { email, name: `Agent ${tag}`, password: 'agent-pass-1', role: 'agent', storeIds: [store.id], languages: ['zh', 'en'], maxConcurrent: 5 },
    })
  ).body;
  const agentToken = await login(base, email, 'agent-pass-1');
  return { store, channel, agent, agentToken };
}

export function signedInbound(base: string, channel: { id: string; secret: string }, payload: Record<string, unknown>, secret = channel.secret) {
  const raw = JSON.stringify(payload);
  return http(base, 'POST', `/api/channels/${channel.id}/inbound`, { raw, headers: { 'x-kefu-signature': signBody(secret, raw) } });
}

export const inboundBody = (text: string, customer = 'buyer-1', extra: Record<string, unknown> = {}) => ({
  externalMessageId: randomUUID(),
  customer: { externalId: customer, name: '测试买家' },
  text,
  ...extra,
});

/** A connected /desk socket that records every event it receives, and when (`at`, epoch ms). */
export async function deskSocket(base: string, token: string): Promise<{ socket: Socket; events: { name: string; payload: any; at: number }[] }> {
  const socket = io(`${base}/desk`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const events: { name: string; payload: any; at: number }[] = [];
  socket.onAny((name, payload) => events.push({ name, payload, at: Date.now() }));
  // Not an event the desk sends: recorded so a test that misses events can say the socket was closed, and why.
  socket.on('disconnect', (reason) => events.push({ name: '(disconnect)', payload: reason, at: Date.now() }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return { socket, events };
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 5000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
