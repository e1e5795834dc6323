import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { ApiErrorSchema } from '@kefu/contracts';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, type Answer } from '../support/client.js';
import { bodiesOf, operations, pathWith, queriesOf, type Fill } from '../support/openapi.js';

const COMMITTED = new URL('../../libs/contracts/openapi.json', import.meta.url);
const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const shirt = { sku: 'TS-1', name: 'T-shirt', category: 'apparel', qty: 1, price: 59 };

type OpenApi = { openapi: string; paths: Record<string, Record<string, { summary?: string; responses: Record<string, any> }>>; components: { responses: Record<string, any> } };

/**
 * Issue 15, items 6 and 7: every error answer carries a `code` (the console switches on it), and
 * the served OpenAPI document is the committed contract, each error it answers documented there.
 */
describe('the API contract', () => {
  let desk: Desk;
  let admin: string;
  let doc: OpenApi;
  /** Every error seen below, with the operation it answered: each must be documented. */
  const seen: { method: string; path: string; status: number; code: string }[] = [];

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    doc = (await http(desk.url, 'GET', '/api/docs-json')).body;
  }, 120_000);
  afterAll(() => desk.close());

  /** The error answer of a call, checked against the ApiError schema; `route` names its documented operation. */
  async function refused(route: string, call: Promise<Answer>, status: number, code: string): Promise<Record<string, any>> {
    const r = await call;
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    expect(ApiErrorSchema.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    const [method, path] = route.split(' ');
    seen.push({ method: method.toLowerCase(), path, status, code });
    return r.body;
  }

  describe('error codes', () => {
    it('names bad input VALIDATION_FAILED, with the fields as before', async () => {
      const body = await refused('POST /api/stores', http(desk.url, 'POST', '/api/stores', { token: admin, body: { name: '', platform: 'ebay' } }), 400, 'VALIDATION_FAILED');
      expect(Object.keys(body.fields)).toEqual(expect.arrayContaining(['name', 'platform']));
      const badId = await refused('GET /api/tickets/{id}', http(desk.url, 'GET', '/api/tickets/not-a-uuid', { token: admin }), 400, 'VALIDATION_FAILED');
      expect(badId.fields).toEqual({ id: 'must be a UUID' });
      const notJson = await refused('POST /api/stores', http(desk.url, 'POST', '/api/stores', { token: admin, raw: '{"name":' }), 400, 'VALIDATION_FAILED');
      expect(notJson.fields).toEqual({ body: 'is not valid JSON' });
    });

    it('answers NOT_FOUND alike for what does not exist and for what is in another store', async () => {
      const a = await storeWithAgent(desk.url, admin, 'Codes A', { businessHours: null });
      const b = await storeWithAgent(desk.url, admin, 'Codes B', { businessHours: null });
      const inB = (await signedInbound(desk.url, b.channel, inboundBody('我要退货', `buyer-${randomUUID().slice(0, 6)}`))).body.conversationId as string;
      const other = await refused('GET /api/conversations/{id}', http(desk.url, 'GET', `/api/conversations/${inB}`, { token: a.agentToken }), 404, 'NOT_FOUND');
      const none = await refused('GET /api/conversations/{id}', http(desk.url, 'GET', `/api/conversations/${randomUUID()}`, { token: a.agentToken }), 404, 'NOT_FOUND');
      expect(other).toEqual(none);
      await refused('GET /api/stores/{id}', http(desk.url, 'GET', `/api/stores/${b.store.id}`, { token: a.agentToken }), 404, 'NOT_FOUND');
      await refused('GET /api/kb/search', http(desk.url, 'GET', `/api/kb/search?q=退货&storeId=${b.store.id}`, { token: a.agentToken }), 404, 'NOT_FOUND');
      await refused('POST /api/tickets', http(desk.url, 'POST', '/api/tickets', { token: a.agentToken, body: { conversationId: inB, type: 'return', customerReason: 'x' } }), 404, 'NOT_FOUND');
      // No route at all: the framework's 404, coded too.
      const noRoute = await http(desk.url, 'GET', '/api/nothing-here', { token: admin });
      expect(noRoute).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    });

    it('tells the ticket conflicts apart by code, keeping allowed / missing beside it', async () => {
      const s = await storeWithAgent(desk.url, admin, 'Codes tickets', { businessHours: null });
      const conversationId = (await signedInbound(desk.url, s.channel, inboundBody('质量问题', `buyer-${randomUUID().slice(0, 6)}`))).body.conversationId;
      const open = await http(desk.url, 'POST', '/api/tickets', {
        token: s.agentToken,
        body: { conversationId, type: 'refund_only', customerReason: '坏了', orderRef: 'C-1', orderedAt: daysAgo(3), deliveredAt: daysAgo(1), items: [shirt] },
      });
      expect(open.status).toBe(201);
      const act = (body: Record<string, unknown>) => http(desk.url, 'POST', `/api/tickets/${open.body.id}/transitions`, { token: s.agentToken, body });
      const early = await refused('POST /api/tickets/{id}/transitions', act({ action: 'refund', amount: 10 }), 409, 'TICKET_ACTION_NOT_ALLOWED');
      expect(early.allowed).toEqual(['approve', 'reject', 'wait_customer']);
      expect((await act({ action: 'reject', reason: 'duplicate' })).status).toBe(200);
      const close = await refused('POST /api/tickets/{id}/transitions', act({ action: 'close' }), 409, 'TICKET_CAUSE_REQUIRED');
      expect(close.missing).toEqual(['cause']);
    });

    it('codes each way of being refused at the door: no token, a bad one, bad credentials, no session, a role, a signature', async () => {
      await refused('GET /api/stores', http(desk.url, 'GET', '/api/stores'), 401, 'UNAUTHENTICATED');
      await refused('GET /api/stores', http(desk.url, 'GET', '/api/stores', { token: 'not-a-token' }), 401, 'TOKEN_INVALID');
      await refused('POST /api/auth/login', http(desk.url, 'POST', '/api/auth/login', { body: { email: 'admin@demo.kefu', password: 'wrong-password' } }), 401, 'BAD_CREDENTIALS');
      await refused('POST /api/auth/refresh', http(desk.url, 'POST', '/api/auth/refresh'), 401, 'SESSION_EXPIRED');
      const s = await storeWithAgent(desk.url, admin, 'Codes auth');
      await refused('POST /api/stores', http(desk.url, 'POST', '/api/stores', { token: s.agentToken, body: { name: 'Mine', platform: 'jd' } }), 403, 'FORBIDDEN');
      await refused('POST /api/channels/{channelId}/inbound', signedInbound(desk.url, s.channel, inboundBody('hi'), 'not-the-secret'), 401, 'SIGNATURE_INVALID');
    });

    it('codes a reply into a colleague’s chat CONVERSATION_TAKEN and a second user with an e-mail EMAIL_TAKEN', async () => {
      const s = await storeWithAgent(desk.url, admin, 'Codes chat', { businessHours: null });
      const email = `second-${randomUUID().slice(0, 8)}@example.test`;
      const user = { email, name: 'Second', password: 'agent-pass-2', role: 'agent', storeIds: [s.store.id], languages: ['zh'], maxConcurrent: 5 };
      expect((await http(desk.url, 'POST', '/api/users', { token: admin, body: user })).status).toBe(201);
      const taken = await refused('POST /api/users', http(desk.url, 'POST', '/api/users', { token: admin, body: user }), 409, 'EMAIL_TAKEN');
      expect(taken.fields).toEqual({ email: 'is already in use' });
      const second = await login(desk.url, email, 'agent-pass-2');
      const conversationId = (await signedInbound(desk.url, s.channel, inboundBody('在吗', `buyer-${randomUUID().slice(0, 6)}`))).body.conversationId;
      expect((await http(desk.url, 'POST', `/api/conversations/${conversationId}/assign`, { token: admin, body: { assigneeId: s.agent.id } })).status).toBe(201);
      const body = await refused(
        'POST /api/conversations/{id}/messages',
        http(desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token: second, body: { body: '您好', kind: 'reply' } }),
        409,
        'CONVERSATION_TAKEN',
      );
      expect(body.assigneeId).toBe(s.agent.id);
    });
  });

  describe('OpenAPI document', () => {
    it('is the committed libs/contracts/openapi.json', () => {
      const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as OpenApi;
      if (!isDeepStrictEqual(doc, committed)) {
        const ops = (d: OpenApi) => new Map(Object.entries(d.paths).flatMap(([p, item]) => Object.entries(item).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op] as const)));
        const [served, file] = [ops(doc), ops(committed)];
        const changed = [...new Set([...served.keys(), ...file.keys()])].filter((k) => !isDeepStrictEqual(served.get(k), file.get(k)));
        throw new Error(`The served OpenAPI document differs from libs/contracts/openapi.json (${changed.join(', ') || 'outside the paths'}): run \`npm run openapi\` and commit the file`);
      }
    });

    it('is OpenAPI 3.1 with a summary, a success answer and coded error answers on every operation', () => {
      expect(doc.openapi).toBe('3.1.0');
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          const statuses = Object.keys(op.responses);
          expect({ op: `${method} ${path}`, summary: typeof op.summary, success: statuses.some((s) => s.startsWith('2')), unavailable: statuses.includes('503') }).toEqual({
            op: `${method} ${path}`,
            summary: 'string',
            success: true,
            unavailable: true,
          });
        }
      }
    });

    it('documents the code of every error a walk over every operation meets, as an agent and as an admin', async () => {
      const s = await storeWithAgent(desk.url, admin, 'Codes walk', { businessHours: null });
      const inbound = (await signedInbound(desk.url, s.channel, inboundBody('想退货', `buyer-${randomUUID().slice(0, 6)}`))).body;
      // The walk changes users it is given: a colleague's id, not the walking agent's.
      const colleague = (await storeWithAgent(desk.url, admin, 'Codes walk colleague')).agent.id;
      const ids: Record<string, string> = { store: s.store.id, channel: s.channel.id, conversation: inbound.conversationId, message: inbound.messageId, user: colleague };
      const KIND = /channel|conversation|message|user|assignee|store/i;
      const fill: Fill = { id: (name) => ids[(KIND.exec(name)?.[0].toLowerCase() ?? 'none').replace('assignee', 'user')] ?? (/id$/i.test(name) ? randomUUID() : undefined), text: () => 'walk 退货' };
      const ops = (await operations(desk.url)).filter((op) => op.secured);
      const faults: string[] = [];
      const before = seen.length;
      for (const token of [s.agentToken, admin]) {
        for (const op of ops) {
          const collection = op.path.split('/{')[0].split('/').pop()!;
          const id = { stores: ids.store, users: ids.user, conversations: ids.conversation, channels: ids.channel }[collection] ?? randomUUID();
          const path = pathWith(op, Object.fromEntries(op.pathParams.map((p) => [p, id]))) + queriesOf(op, fill)[0];
          for (const body of [...bodiesOf(op, fill), ...(op.body ? [{ unexpected: true }] : [])]) {
            const r = await http(desk.url, op.method, path, { token, body });
            if (r.status >= 500) faults.push(`${op.method} ${op.path} → ${r.status}`);
            else if (r.status >= 400) seen.push({ method: op.method.toLowerCase(), path: op.path, status: r.status, code: r.body.code });
          }
        }
      }
      expect(faults).toEqual([]);
      expect([...new Set(seen.slice(before).map((e) => e.code))]).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND']));
    }, 180_000);

    it('documents every error answered above, with its code, on the operation that answered it', () => {
      expect(seen.length).toBeGreaterThan(15);
      const documented = ({ method, path, status, code }: (typeof seen)[number]) => {
        const answer = doc.paths[path]?.[method]?.responses[String(status)];
        const codes: string[] = answer?.content?.['application/json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? [];
        return codes.includes(code);
      };
      const undocumented = [...new Set(seen.filter((e) => !documented(e)).map((e) => `${e.method.toUpperCase()} ${e.path} → ${e.status} ${e.code}`))];
      expect(undocumented).toEqual([]);
    });
  });
});
