import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, sleep, storeWithAgent } from '../support/client.js';

/** Bad input gets 400 naming the field, stores nothing, and is never a 500. */
describe('malformed input', () => {
  let desk: Desk;
  let admin: string;
  let ctx: Awaited<ReturnType<typeof storeWithAgent>> & { conversationId: string };

  const counts = async () =>
    (await desk.db.query(`SELECT (SELECT count(*) FROM stores)::int s, (SELECT count(*) FROM users)::int u, (SELECT count(*) FROM channels)::int c, (SELECT count(*) FROM messages)::int m, (SELECT count(*) FROM audit_events)::int a`))[0];

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(desk.url, admin);
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('hi'));
    ctx = { ...s, conversationId: inbound.body.conversationId };
  });
  afterAll(() => desk.close());

  const garbage: unknown[] = [null, [], 'text', 42, true];

  const endpoints = () => [
    { method: 'POST', path: '/api/auth/login', token: undefined, cases: [[{}, 'email'], [{ email: 'not-an-email', password: 'x' }, 'email'], [{ email: 'a@b.co', password: 5 }, 'password']] },
    {
      method: 'POST',
      path: '/api/stores',
      token: admin,
      cases: [
        [{ name: 7 }, 'name'],
        [{ name: 'A', platform: 'amazon' }, 'platform'],
        [{ name: 'A', platform: 'jd', timezone: 'Mars/Base' }, 'timezone'],
        [{ name: 'A', platform: 'jd', businessHours: [{ weekday: 8, open: '09:00', close: '18:00' }] }, 'businessHours.0.weekday'],
        [{ name: 'A', platform: 'jd', businessHours: [{ weekday: 1, open: '9am', close: '18:00' }] }, 'businessHours.0.open'],
        [{ name: 'A', platform: 'jd', slaPolicy: { firstResponseSeconds: 0 } }, 'slaPolicy.firstResponseSeconds'],
        [{ name: 'A', platform: 'jd', slaPolicy: { warnBeforeSeconds: 1.5 } }, 'slaPolicy.warnBeforeSeconds'],
        [{ name: 'A', platform: 'jd', returnPolicy: { noReasonReturnDays: -7 } }, 'returnPolicy.noReasonReturnDays'],
      ],
    },
    { method: 'PATCH', path: `/api/stores/${ctx.store.id}`, token: admin, cases: [[{ name: '' }, 'name'], [{ slaPolicy: { nextResponseSeconds: 'fast' } }, 'slaPolicy.nextResponseSeconds']] },
    { method: 'POST', path: `/api/stores/${ctx.store.id}/channels`, token: admin, cases: [[{ kind: 'email', name: 'x' }, 'kind'], [{ kind: 'web_chat' }, 'name']] },
    {
      method: 'POST',
      path: '/api/users',
      token: admin,
      cases: [
        [{ email: 'x', name: 'A', password: 'long-enough', role: 'agent' }, 'email'],
        [{ email: 'new@example.test', name: 'A', password: 'short', role: 'agent' }, 'password'],
        [{ email: 'new@example.test', name: 'A', password: 'long-enough', role: 'boss' }, 'role'],
        [{ email: 'new@example.test', name: 'A', password: 'long-enough', role: 'agent', storeIds: ['nope'] }, 'storeIds.0'],
        [{ email: 'new@example.test', name: 'A', password: 'long-enough', role: 'agent', storeIds: ['00000000-0000-4000-8000-000000000000'] }, 'storeIds'],
        [{ email: 'new@example.test', name: 'A', password: 'long-enough', role: 'agent', maxConcurrent: 0 }, 'maxConcurrent'],
        [{ email: 'new@example.test', name: 'A', password: 'long-enough', role: 'agent', languages: ['fr'] }, 'languages.0'],
      ],
    },
    { method: 'PATCH', path: `/api/users/${ctx.agent.id}`, token: admin, cases: [[{ maxConcurrent: 'ten' }, 'maxConcurrent'], [{ role: 'root' }, 'role']] },
    {
      method: 'POST',
      path: `/api/conversations/${ctx.conversationId}/messages`,
      token: ctx.agentToken,
      cases: [[{}, 'body'], [{ body: '   ' }, 'body'], [{ body: 'hi', kind: 'email' }, 'kind'], [{ body: { text: 'hi' } }, 'body']],
    },
    { method: 'POST', path: `/api/conversations/${ctx.conversationId}/assign`, token: admin, cases: [[{ assigneeId: 'bob' }, 'assigneeId'], [{}, 'assigneeId']] },
    { method: 'POST', path: `/api/conversations/${ctx.conversationId}/status`, token: ctx.agentToken, cases: [[{ status: 'closed' }, 'status'], [{}, 'status']] },
  ];

  it('answers 400 naming each bad field, stores nothing, on every endpoint', async () => {
    const before = await counts();
    for (const e of endpoints()) {
      for (const [body, field] of e.cases as [unknown, string][]) {
        const r = await http(desk.url, e.method, e.path, { token: e.token, body });
        expect({ call: `${e.method} ${e.path} ${JSON.stringify(body)}`, status: r.status }).toEqual({ call: `${e.method} ${e.path} ${JSON.stringify(body)}`, status: 400 });
        expect(r.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        expect(Object.keys(r.body.fields ?? {})).toContain(field);
      }
      for (const body of garbage) {
        const r = await http(desk.url, e.method, e.path, { token: e.token, raw: JSON.stringify(body) });
        expect({ call: `${e.method} ${e.path} ${JSON.stringify(body)}`, status: r.status }).toEqual({ call: `${e.method} ${e.path} ${JSON.stringify(body)}`, status: 400 });
        expect(r.body.fields).toBeDefined();
      }
      const broken = await http(desk.url, e.method, e.path, { token: e.token, raw: '{"name": ' });
      expect(broken.status).toBe(400);
      expect(broken.body.fields).toEqual({ body: 'is not valid JSON' });
    }
    expect(await counts()).toEqual(before);
  });

  it('rejects a signed webhook with a malformed body with 400 naming the field', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ customer: { externalId: 'b' }, text: 'hi' }, 'externalMessageId'],
      [{ externalMessageId: 'm1', text: 'hi' }, 'customer'],
      [{ externalMessageId: 'm1', customer: { externalId: '' }, text: 'hi' }, 'customer.externalId'],
      [{ externalMessageId: 'm1', customer: { externalId: 'b' }, text: '' }, 'text'],
      [{ externalMessageId: 'm1', customer: { externalId: 'b' }, text: 'hi', sentAt: 'yesterday' }, 'sentAt'],
      [{ externalMessageId: 'm1', customer: { externalId: 'b' }, text: 'hi', orderRef: 12 }, 'orderRef'],
    ];
    for (const [body, field] of cases) {
      const r = await signedInbound(desk.url, ctx.channel, body);
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.fields)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('rejects bad ids, query parameters and cursors with 400, never 500', async () => {
    const t = ctx.agentToken;
    const checks: [string, string][] = [
      ['/api/conversations?status=closed', 'status'],
      ['/api/conversations?limit=0', 'limit'],
      ['/api/conversations?limit=201', 'limit'],
      ['/api/conversations?limit=abc', 'limit'],
      ['/api/conversations?storeId=abc', 'storeId'],
      ['/api/conversations?breached=maybe', 'breached'],
      ['/api/conversations?cursor=garbage', 'cursor'],
      ['/api/conversations/not-a-uuid', 'id'],
      ['/api/stores/123', 'id'],
    ];
    for (const [path, field] of checks) {
      const r = await http(desk.url, 'GET', path, { token: t });
      expect({ path, status: r.status }).toEqual({ path, status: 400 });
      expect(Object.keys(r.body.fields)).toContain(field);
    }
    expect((await http(desk.url, 'GET', '/api/audit?actorId=x', { token: admin })).status).toBe(400);
    expect((await http(desk.url, 'POST', '/api/channels/not-a-uuid/inbound', { body: inboundBody('x') })).status).toBe(400);
  });

  it('answers 401 without a token, 403 for a forbidden role, 404 outside the scope', async () => {
    expect((await http(desk.url, 'GET', '/api/conversations')).status).toBe(401);
    expect((await http(desk.url, 'GET', '/api/conversations', { token: 'garbage' })).status).toBe(401);
    expect((await http(desk.url, 'POST', '/api/stores', { token: ctx.agentToken, body: { name: 'X', platform: 'jd' } })).status).toBe(403);
    expect((await http(desk.url, 'GET', '/api/audit', { token: ctx.agentToken })).status).toBe(403);
    const other = await storeWithAgent(desk.url, admin);
    expect((await http(desk.url, 'GET', `/api/stores/${ctx.store.id}`, { token: other.agentToken })).status).toBe(404);
    expect((await http(desk.url, 'POST', `/api/conversations/${ctx.conversationId}/messages`, { token: other.agentToken, body: { body: 'hi' } })).status).toBe(404);
  });

  it('pages the inbox with a cursor, newest activity first, without repeats', async () => {
    const s = await storeWithAgent(desk.url, admin);
    for (let i = 0; i < 5; i++) {
      await signedInbound(desk.url, s.channel, inboundBody(`q${i}`, `buyer-page-${i}`));
      await sleep(5); // the scenario: distinct activity times, so the expected order is unambiguous
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `storeId=${s.store.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await http(desk.url, 'GET', `/api/conversations?${qs}`, { token: s.agentToken });
      expect(page.body.total).toBe(5);
      seen.push(...page.body.items.map((c: { lastMessagePreview: string }) => c.lastMessagePreview));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['q4', 'q3', 'q2', 'q1', 'q0']);
  });
});
