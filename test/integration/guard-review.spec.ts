import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

type StoreSetup = Awaited<ReturnType<typeof storeWithAgent>>;
type Warning = { ruleId: string; field: string; match: string; action: string; start: number; end: number; message: { zh: string; en: string } };

/** Reply guard (issue 21): the quality review's scores, and guard warnings on saving quick replies and articles. */
describe('guard quality review and save warnings', () => {
  let desk: Desk;
  let admin: string;
  let a: StoreSetup;
  let b: StoreSetup;
  /** A supervisor of store A only. */
  let limited: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    a = await storeWithAgent(desk.url, admin, 'Review A');
    b = await storeWithAgent(desk.url, admin, 'Review B');
    const email = `review-sup-${randomUUID().slice(0, 8)}@example.test`;
    const user = await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: 'Review Sup', password: 'review-pass-1', role: 'supervisor', storeIds: [a.store.id], languages: ['zh'], maxConcurrent: 5 } });
    if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
    limited = await login(desk.url, email, 'review-pass-1');
  });
  afterAll(() => desk.close());

  /** A conversation of the store with one clean reply of its agent. */
  const repliedConversation = async (s: StoreSetup) => {
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('请问什么时候发货', `buyer-${randomUUID().slice(0, 8)}`));
    expect(inbound.status).toBe(202);
    const id = inbound.body.conversationId as string;
    const sent = await http(desk.url, 'POST', `/api/conversations/${id}/messages`, { token: s.agentToken, body: { kind: 'reply', body: '您好,今天下午发货' } });
    expect(sent.status).toBe(201);
    return id;
  };
  const score = (token: string, body: Record<string, unknown>) => http(desk.url, 'POST', '/api/guard/review/scores', { token, body });
  const scores = (token: string, query: Record<string, string> = {}) => http(desk.url, 'GET', `/api/guard/review/scores?${new URLSearchParams({ limit: '200', ...query })}`, { token });
  const sampleIds = async (token: string, storeId: string) => {
    const r = await http(desk.url, 'GET', `/api/guard/review/sample?storeId=${storeId}&size=50`, { token });
    expect(r.status).toBe(200);
    return r.body.items.map((i: { conversationId: string }) => i.conversationId) as string[];
  };

  describe('scores', () => {
    it('stores a supervisor’s score of a sampled conversation with its agent, lists it, replaces it when scored again, and audits both', async () => {
      const conv = await repliedConversation(a);
      expect(await sampleIds(admin, a.store.id)).toContain(conv);
      const first = await score(admin, { conversationId: conv, score: 4, criteria: { courtesy: 5, accuracy: 3 }, comment: '  回复及时,语气友好  ' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ conversationId: conv, storeId: a.store.id, agentId: a.agent.id, agentName: a.agent.name, score: 4, criteria: { courtesy: 5, accuracy: 3 }, comment: '回复及时,语气友好' });
      expect(first.body.reviewerName).toEqual(expect.any(String));
      // Scored: no longer drawn for review.
      expect(await sampleIds(admin, a.store.id)).not.toContain(conv);

      const again = await score(admin, { conversationId: conv, score: 2 });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ id: first.body.id, score: 2, criteria: {}, comment: null });
      const listed = await scores(admin, { conversationId: conv });
      expect(listed.status).toBe(200);
      expect(listed.body.items).toHaveLength(1);
      expect(listed.body.items[0]).toMatchObject({ id: first.body.id, score: 2 });
      expect((await scores(admin, { agentId: a.agent.id })).body.items.map((s: { id: string }) => s.id)).toContain(first.body.id);

      const audit = await http(desk.url, 'GET', `/api/audit?action=guard.review.scored&targetId=${conv}`, { token: admin });
      expect(audit.body.items.map((e: { details: { score: number; replaced: boolean } }) => [e.details.score, e.details.replaced])).toEqual([
        [2, true],
        [4, false],
      ]);
    });

    it("keeps a store-limited supervisor to their stores: another store's conversation cannot be scored (404), listed or sampled", async () => {
      const inA = await repliedConversation(a);
      const inB = await repliedConversation(b);
      const foreign = await score(limited, { conversationId: inB, score: 5 });
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('NOT_FOUND');
      expect((await score(limited, { conversationId: randomUUID(), score: 5 })).status).toBe(404);
      expect((await score(limited, { conversationId: inA, score: 5 })).status).toBe(201);
      const byAdmin = await score(admin, { conversationId: inB, score: 3 });
      expect(byAdmin.status).toBe(201);

      const mine = (await scores(limited)).body.items as { storeId: string; conversationId: string }[];
      expect(mine.map((s) => s.conversationId)).toContain(inA);
      expect(mine.every((s) => s.storeId === a.store.id)).toBe(true);
      expect((await scores(limited, { storeId: b.store.id })).body.items).toEqual([]);
      expect((await scores(limited, { conversationId: inB })).body.items).toEqual([]);
      expect((await scores(admin, { conversationId: inB })).body.items).toHaveLength(1);
      // Unscored B conversations exist, yet none is drawn for A's supervisor.
      await repliedConversation(b);
      expect(await sampleIds(limited, b.store.id)).toEqual([]);
      expect((await sampleIds(admin, b.store.id)).length).toBeGreaterThan(0);
    });

    it('refuses agents (403) and bad input with a 400 naming the field', async () => {
      const conv = await repliedConversation(a);
      expect((await score(a.agentToken, { conversationId: conv, score: 5 })).status).toBe(403);
      expect((await scores(a.agentToken)).status).toBe(403);
      const fieldsOf = async (body: Record<string, unknown>) => {
        const r = await score(admin, body);
        expect(r.status).toBe(400);
        expect(r.body.code).toBe('VALIDATION_FAILED');
        return Object.keys(r.body.fields);
      };
      expect(await fieldsOf({ conversationId: conv, score: 6 })).toEqual(['score']);
      expect(await fieldsOf({ conversationId: conv, score: 2.5 })).toEqual(['score']);
      expect(await fieldsOf({ conversationId: conv })).toEqual(['score']);
      expect(await fieldsOf({ conversationId: 'nope', score: 3 })).toEqual(['conversationId']);
      expect(await fieldsOf({ conversationId: conv, score: 3, criteria: { courtesy: 0 } })).toEqual(['criteria.courtesy']);
      expect(await fieldsOf({ conversationId: conv, score: 3, criteria: { charm: 4 } })).toEqual(['criteria.charm']);
      expect(await fieldsOf({ conversationId: conv, score: 3, comment: 'x'.repeat(2001) })).toEqual(['comment']);
      expect(await fieldsOf({ conversationId: conv, score: 3, extra: true })).toEqual(['extra']);
      const badQuery = await scores(admin, { from: 'yesterday', agentId: 'x' });
      expect(badQuery.status).toBe(400);
      expect(Object.keys(badQuery.body.fields).sort()).toEqual(['agentId', 'from']);
      // Nothing was stored by the refused calls.
      expect((await scores(admin, { conversationId: conv })).body.items).toEqual([]);
    });
  });

  describe('events', () => {
    it('lists blocked attempts and overrides of a period only', async () => {
      const inbound = await signedInbound(desk.url, a.channel, inboundBody('在吗', `buyer-${randomUUID().slice(0, 8)}`));
      const conv = inbound.body.conversationId as string;
      const sent = await http(desk.url, 'POST', `/api/conversations/${conv}/messages`, { token: a.agentToken, body: { kind: 'reply', body: '这款是销量冠军哦', confirm: { reason: '品牌方数据' } } });
      expect(sent.status).toBe(201);
      const events = (query: string) => http(desk.url, 'GET', `/api/guard/events?storeId=${a.store.id}&${query}`, { token: limited });
      const now = Date.now();
      const inPeriod = await events(`from=${new Date(now - 60_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`);
      expect(inPeriod.body.items.find((e: { conversationId: string }) => e.conversationId === conv)).toMatchObject({ kind: 'override', reason: '品牌方数据', agentId: a.agent.id });
      expect((await events(`from=${new Date(now + 60_000).toISOString()}`)).body.items).toEqual([]);
      expect((await events('to=soon')).body.fields.to).toBeDefined();
    });
  });

  describe('warnings on saving quick replies and articles', () => {
    const quickReply = (token: string, body: Record<string, unknown>) => http(desk.url, 'POST', '/api/kb/quick-replies', { token, body: { shortcut: `g${randomUUID().slice(0, 8)}`, title: '话术', ...body } });
    const article = (token: string, body: Record<string, unknown>) => http(desk.url, 'POST', '/api/kb/articles', { token, body: { lang: 'zh', title: '发货说明', ...body } });
    const matches = (warnings: Warning[]) => warnings.map((w) => [w.field, w.action, w.match]);

    it("answers a store's quick reply with the rules its body breaks there, and again when edited", async () => {
      const created = await quickReply(limited, { storeId: a.store.id, body: '这款是销量冠军哦' });
      expect(created.status).toBe(201);
      expect(created.body.body).toBe('这款是销量冠军哦');
      const [w] = created.body.guardWarnings as Warning[];
      expect(created.body.guardWarnings).toHaveLength(1);
      expect(w).toMatchObject({ field: 'body', action: 'warn', match: '销量冠军', kind: 'term' });
      expect(created.body.body.slice(w.start, w.end)).toBe('销量冠军');
      expect(w.message.zh).toEqual(expect.any(String));
      expect(w.message.en).toEqual(expect.any(String));

      const blocked = await http(desk.url, 'PATCH', `/api/kb/quick-replies/${created.body.id}`, { token: limited, body: { body: '有问题加我微信 shop2024' } });
      expect(blocked.status).toBe(200);
      expect(matches(blocked.body.guardWarnings)).toEqual(expect.arrayContaining([['body', 'block', '加我微信']]));
      expect((blocked.body.guardWarnings as Warning[]).every((x) => x.field === 'body')).toBe(true);
      const clean = await http(desk.url, 'PATCH', `/api/kb/quick-replies/${created.body.id}`, { token: limited, body: { body: '您好,今天下午发货' } });
      expect(clean.body.guardWarnings).toEqual([]);
      // Saved all the same, every time.
      const listed = await http(desk.url, 'GET', `/api/kb/quick-replies?storeId=${a.store.id}&limit=200`, { token: limited });
      expect(listed.body.items.find((r: { id: string }) => r.id === created.body.id).body).toBe('您好,今天下午发货');
    });

    it("checks a store's text under that store's rules only", async () => {
      const term = `本店禁语${randomUUID().slice(0, 6)}`;
      const rule = await http(desk.url, 'POST', '/api/guard/rules', { token: admin, body: { storeId: b.store.id, kind: 'term', terms: [term], action: 'block', message: { zh: '本店禁用', en: 'Not in this store' } } });
      expect(rule.status).toBe(201);
      const inB = await quickReply(admin, { storeId: b.store.id, body: `今天${term}` });
      expect(inB.body.guardWarnings.map((w: Warning) => w.ruleId)).toEqual([rule.body.id]);
      expect((await quickReply(admin, { storeId: a.store.id, body: `今天${term}` })).body.guardWarnings).toEqual([]);
      // A global text: no one store's own rules.
      expect((await quickReply(admin, { storeId: null, body: `今天${term}` })).body.guardWarnings).toEqual([]);
    });

    it('checks a global text against the global and platform rules of any store of the desk', async () => {
      const contact = await quickReply(admin, { storeId: null, body: '电话 138 1234 5678 随时联系' });
      expect(contact.status).toBe(201);
      expect(matches(contact.body.guardWarnings)).toEqual([['body', 'block', '138 1234 5678']]);
      // A category rule applies once some store sells the category.
      const category = `cat_${randomUUID().slice(0, 6).replace(/-/g, '')}`;
      const term = `特供款${randomUUID().slice(0, 4)}`;
      expect((await http(desk.url, 'POST', '/api/guard/rules', { token: admin, body: { category, kind: 'term', terms: [term], action: 'warn', message: { zh: '功效宣传', en: 'Efficacy claim' } } })).status).toBe(201);
      const before = await quickReply(admin, { storeId: null, body: `本品${term}` });
      expect(before.body.guardWarnings).toEqual([]);
      expect((await http(desk.url, 'PUT', `/api/guard/stores/${b.store.id}`, { token: admin, body: { categories: [category] } })).status).toBe(200);
      const after = await http(desk.url, 'PATCH', `/api/kb/quick-replies/${before.body.id}`, { token: admin, body: { title: '功效' } });
      expect(matches(after.body.guardWarnings)).toEqual([['body', 'warn', term]]);
      expect(after.body.guardWarnings[0].message.en).toBe('Efficacy claim');
    });

    it("answers an article with the rules its short answer and body break, naming the field, on create and update", async () => {
      const created = await article(limited, { storeId: a.store.id, shortAnswer: '我们是销量冠军', body: '详情请咨询客服' });
      expect(created.status).toBe(201);
      expect(created.body.version).toBe(1);
      expect(matches(created.body.guardWarnings)).toEqual([['shortAnswer', 'warn', '销量冠军']]);
      const updated = await http(desk.url, 'PATCH', `/api/kb/articles/${created.body.id}`, { token: limited, body: { shortAnswer: '今天发货', body: '不满意可以加微信退款', version: 1 } });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
      expect(matches(updated.body.guardWarnings)).toEqual([['body', 'block', '加微信']]);
      const global = await article(admin, { storeId: null, shortAnswer: '', body: '联系 QQ号 12345678 处理' });
      expect(global.status).toBe(201);
      expect(global.body.guardWarnings.map((w: Warning) => [w.field, w.kind])).toEqual([['body', 'contact']]);
      const clean = await article(admin, { storeId: a.store.id, shortAnswer: '今天发货', body: '一般 48 小时内发出' });
      expect(clean.body.guardWarnings).toEqual([]);
    });
  });
});
