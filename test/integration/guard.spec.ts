import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

type StoreSetup = Awaited<ReturnType<typeof storeWithAgent>>;

/** Reply guard (issue 21): detectors with evasion, block/warn/confirm, rule scoping, scheduled rules, rule changes. */
describe('reply guard', () => {
  let desk: Desk;
  let admin: string;
  let taobao: StoreSetup;

  beforeAll(async () => {
    desk = await startDesk();
    admin = await login(desk.url, 'admin@demo.kefu');
    taobao = await storeWithAgent(desk.url, admin, 'Guard');
  });
  afterAll(() => desk.close());

  const check = async (token: string, body: Record<string, unknown>) => {
    const r = await http(desk.url, 'POST', '/api/guard/check', { token, body });
    expect(r.status).toBe(200);
    return r.body.violations as { ruleId: string; kind: string; action: string; start: number; end: number; match: string; message: { zh: string; en: string } }[];
  };
  const chat = async (s: StoreSetup, buyer = `buyer-${randomUUID().slice(0, 8)}`, name = '测试买家') => {
    const r = await signedInbound(desk.url, s.channel, { ...inboundBody('你好,在吗', buyer), customer: { externalId: buyer, name } });
    expect(r.status).toBe(202);
    return r.body.conversationId as string;
  };
  const reply = (token: string, conversationId: string, body: Record<string, unknown>) => http(desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token, body: { kind: 'reply', ...body } });
  const messagesOf = async (conversationId: string) => (await http(desk.url, 'GET', `/api/conversations/${conversationId}`, { token: admin })).body.messages as { direction: string; body: string }[];
  const createRule = (token: string, body: Record<string, unknown>) => http(desk.url, 'POST', '/api/guard/rules', { token, body: { message: { zh: '测试规则', en: 'test rule' }, ...body } });

  describe('built-in detectors resist simple evasion', () => {
    it.each([
      ['加我 138 1234 5678', '138 1234 5678'],
      ['电话１３８－１２３４－５６７８', '１３８－１２３４－５６７８'],
      ['1\u200b3\u200b8\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8 打我', '1\u200b3\u200b8\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8'],
      ['打一三八一二三四五六七八', '一三八一二三四五六七八'],
      ['座机 021-5555-1234', '021-5555-1234'],
      ['威信 shop_2024', '威信 shop_2024'],
      ['VX：abc12345', 'VX：abc12345'],
      ['Please add my WeChat: kefu_2024', 'WeChat: kefu_2024'],
      ['QQ号 12345678', 'QQ号 12345678'],
      ['去 https://shop.example.com/sale 看看', 'https://shop.example.com/sale'],
    ])('blocks the contact in %j, highlighting it', async (text, span) => {
      const violations = await check(taobao.agentToken, { storeId: taobao.store.id, text });
      const contact = violations.filter((v) => v.kind === 'contact');
      expect(contact).toHaveLength(1);
      expect(contact[0].action).toBe('block');
      expect(text.slice(contact[0].start, contact[0].end)).toBe(span);
      expect(contact[0].match).toBe(span);
      expect(contact[0].message.zh).toMatch(/微信/);
      expect(contact[0].message.en).toMatch(/WeChat/);
    });

    it('lets links of the store platform, ordinary numbers and plain words through', async () => {
      for (const text of ['商品链接 https://item.taobao.com/item.htm?id=1', '订单 202612011381234567890 已发货', '价格 138.00 元', '微信支付可以吗', '第一次购买的话有优惠'])
        expect(await check(taobao.agentToken, { storeId: taobao.store.id, text })).toEqual([]);
    });

    it('finds cue words spelled apart, and absolute claims as warnings', async () => {
      const cue = await check(taobao.agentToken, { storeId: taobao.store.id, text: '亲 加 . 微 . 信 吧' });
      expect(cue.map((v) => [v.action, v.match])).toEqual([['block', '加 . 微 . 信']]);
      const claim = await check(taobao.agentToken, { storeId: taobao.store.id, text: '这是全网最低价,品质第 一' });
      expect(claim.map((v) => [v.action, v.match])).toEqual(expect.arrayContaining([['warn', '全网最低'], ['warn', '第 一']]));
      expect(claim.every((v) => v.action === 'warn')).toBe(true);
    });

    it("blocks another customer's name, phone or an ID card number, not the conversation's own customer's", async () => {
      const other = `buyer-${randomUUID().slice(0, 8)}`;
      await chat(taobao, other, '欧阳娜娜');
      const conv = await chat(taobao, undefined, '司马光明');
      const kinds = async (text: string) => (await check(taobao.agentToken, { conversationId: conv, text })).map((v) => v.kind);
      expect(await kinds('欧阳娜娜的包裹已经发出')).toEqual(['personal_data']);
      expect(await kinds('司马光明您好,包裹已经发出')).toEqual([]);
      expect(await kinds('身份证 11010519491231002X 已登记')).toEqual(['personal_data']);
    });
  });

  describe('replies', () => {
    it('refuses a reply breaking a block rule with REPLY_BLOCKED, storing and sending nothing, and records the attempt', async () => {
      const conv = await chat(taobao);
      const before = (await messagesOf(conv)).length;
      const r = await reply(taobao.agentToken, conv, { body: '加我微信 kefu2024 聊' });
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('REPLY_BLOCKED');
      expect(r.body.violations).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'term', action: 'block', match: '加我微信' }), expect.objectContaining({ kind: 'contact', action: 'block', match: '微信 kefu2024' })]),
      );
      expect((await messagesOf(conv)).length).toBe(before);
      // Even with a reason: block rules cannot be overridden.
      const again = await reply(taobao.agentToken, conv, { body: '加我微信 kefu2024 聊', confirm: { reason: '客户要求' } });
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('REPLY_BLOCKED');
      const events = await http(desk.url, 'GET', `/api/guard/events?storeId=${taobao.store.id}&kind=blocked`, { token: admin });
      expect(events.status).toBe(200);
      expect(events.body.items.filter((e: { conversationId: string }) => e.conversationId === conv)).toHaveLength(2);
      expect(events.body.items[0]).toMatchObject({ agentId: taobao.agent.id, kind: 'blocked' });
    });

    it('asks to confirm a reply breaking only warn rules, sends it with a reason and audits the override', async () => {
      const conv = await chat(taobao);
      const r = await reply(taobao.agentToken, conv, { body: '这款是销量冠军哦' });
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('REPLY_NEEDS_CONFIRMATION');
      expect(r.body.violations.map((v: { match: string }) => v.match)).toEqual(['销量冠军']);
      expect((await messagesOf(conv)).some((m) => m.body === '这款是销量冠军哦')).toBe(false);
      const empty = await reply(taobao.agentToken, conv, { body: '这款是销量冠军哦', confirm: { reason: '  ' } });
      expect(empty.status).toBe(400);
      expect(empty.body.fields['confirm.reason']).toBeDefined();
      const sent = await reply(taobao.agentToken, conv, { body: '这款是销量冠军哦', confirm: { reason: '品牌方提供的官方数据' } });
      expect(sent.status).toBe(201);
      expect((await messagesOf(conv)).some((m) => m.body === '这款是销量冠军哦' && m.direction === 'outbound')).toBe(true);
      const events = await http(desk.url, 'GET', `/api/guard/events?storeId=${taobao.store.id}&kind=override`, { token: admin });
      expect(events.body.items.find((e: { conversationId: string }) => e.conversationId === conv)).toMatchObject({ reason: '品牌方提供的官方数据', agentId: taobao.agent.id });
      const audit = await http(desk.url, 'GET', `/api/audit?action=guard.override&targetId=${conv}`, { token: admin });
      expect(audit.body.items).toHaveLength(1);
    });

    it('does not check notes, and sends a clean reply', async () => {
      const conv = await chat(taobao);
      expect((await reply(taobao.agentToken, conv, { kind: 'note', body: '客户留了电话 13812345678' })).status).toBe(201);
      expect((await reply(taobao.agentToken, conv, { body: '您好,已为您查询,明天发货' })).status).toBe(201);
    });

    it('counts violations per 1,000 replies by store', async () => {
      const now = Date.now();
      const r = await http(desk.url, 'GET', `/api/guard/stats?from=${new Date(now - 3600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}&groupBy=store&storeId=${taobao.store.id}`, { token: admin });
      expect(r.status).toBe(200);
      const row = r.body.items.find((i: { storeId: string }) => i.storeId === taobao.store.id);
      expect(row.blocked).toBeGreaterThanOrEqual(2);
      expect(row.overrides).toBeGreaterThanOrEqual(1);
      expect(row.per1000).toBeCloseTo(((row.blocked + row.overrides) / (row.replies + row.blocked)) * 1000, 0);
    });
  });

  describe('rules', () => {
    it('scopes rules by platform, category and store', async () => {
      const jd = await storeWithAgent(desk.url, admin, 'Guard JD', { platform: 'jd' });
      const cosmetics = await storeWithAgent(desk.url, admin, 'Guard cosmetics');
      expect((await http(desk.url, 'PUT', `/api/guard/stores/${cosmetics.store.id}`, { token: admin, body: { categories: ['cosmetics'] } })).status).toBe(200);
      const tag = randomUUID().slice(0, 6);
      const platformRule = await createRule(admin, { platform: 'jd', kind: 'term', terms: [`京东专享${tag}`], action: 'block' });
      expect(platformRule.status).toBe(201);
      const storeRule = await createRule(admin, { storeId: taobao.store.id, kind: 'term', terms: [`本店专享${tag}`], action: 'warn' });
      expect(storeRule.status).toBe(201);
      const kinds = async (s: StoreSetup, text: string) => (await check(admin, { storeId: s.store.id, text })).map((v) => v.ruleId);
      expect(await kinds(jd, `京东专享${tag}`)).toEqual([platformRule.body.id]);
      expect(await kinds(taobao, `京东专享${tag}`)).toEqual([]);
      expect(await kinds(taobao, `本店专享${tag}`)).toEqual([storeRule.body.id]);
      expect(await kinds(jd, `本店专享${tag}`)).toEqual([]);
      // The shipped cosmetics efficacy list applies to stores selling cosmetics only.
      expect((await check(admin, { storeId: cosmetics.store.id, text: '这款精华可以祛斑' })).map((v) => v.match)).toEqual(['祛斑']);
      expect(await check(admin, { storeId: taobao.store.id, text: '这款精华可以祛斑' })).toEqual([]);
      // A store rule makes a default stricter: the same claim is blocked in this store only.
      const stricter = await createRule(admin, { storeId: jd.store.id, kind: 'term', terms: ['销量冠军'], action: 'block' });
      expect(stricter.status).toBe(201);
      const conv = await chat(jd);
      expect((await reply(jd.agentToken, conv, { body: '销量冠军', confirm: { reason: 'x' } })).body.code).toBe('REPLY_BLOCKED');
      expect((await reply(taobao.agentToken, await chat(taobao), { body: '销量冠军' })).body.code).toBe('REPLY_NEEDS_CONFIRMATION');
    });

    it('lets a store-limited supervisor write only their stores’ rules, and read the global ones', async () => {
      const other = await storeWithAgent(desk.url, admin, 'Guard other');
      const email = `sup-${randomUUID().slice(0, 8)}@guard.test`;
      expect((await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: 'Guard sup', password: 'guard-pass-1', role: 'supervisor', storeIds: [taobao.store.id], languages: ['zh'], maxConcurrent: 5 } })).status).toBe(201);
      const sup = await login(desk.url, email, 'guard-pass-1');
      expect((await createRule(sup, { kind: 'term', terms: ['x1'], action: 'warn' })).status).toBe(403);
      expect((await createRule(sup, { storeId: other.store.id, kind: 'term', terms: ['x1'], action: 'warn' })).status).toBe(403);
      expect((await createRule(taobao.agentToken, { storeId: taobao.store.id, kind: 'term', terms: ['x1'], action: 'warn' })).status).toBe(403);
      const own = await createRule(sup, { storeId: taobao.store.id, kind: 'term', terms: ['x1'], action: 'warn' });
      expect(own.status).toBe(201);
      const foreign = await createRule(admin, { storeId: other.store.id, kind: 'term', terms: ['x2'], action: 'warn' });
      const listed = await http(desk.url, 'GET', '/api/guard/rules?limit=200', { token: sup });
      const ids = listed.body.items.map((r: { id: string }) => r.id);
      expect(ids).toContain(own.body.id);
      expect(ids).not.toContain(foreign.body.id);
      expect(listed.body.items.some((r: { storeId: string | null; kind: string }) => r.storeId === null && r.kind === 'contact')).toBe(true);
      expect((await http(desk.url, 'PATCH', `/api/guard/rules/${foreign.body.id}`, { token: sup, body: { action: 'block' } })).status).toBe(404);
      const global = listed.body.items.find((r: { storeId: string | null }) => r.storeId === null);
      expect((await http(desk.url, 'PATCH', `/api/guard/rules/${global.id}`, { token: sup, body: { action: 'warn' } })).status).toBe(403);
      expect((await http(desk.url, 'PATCH', `/api/guard/rules/${own.body.id}`, { token: sup, body: { action: 'block' } })).body.action).toBe('block');
    });

    it('refuses bad rules and checks with a 400 naming the field, and runs patterns in linear time', async () => {
      const bad = await createRule(admin, { kind: 'pattern', pattern: '(?<=a)b', action: 'warn' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.pattern).toMatch(/pattern/);
      expect((await createRule(admin, { kind: 'term', action: 'warn' })).body.fields.terms).toBeDefined();
      expect((await createRule(admin, { kind: 'term', terms: ['x'], action: 'maybe' })).body.fields.action).toBeDefined();
      expect((await http(desk.url, 'POST', '/api/guard/check', { token: admin, body: { text: 'x' } })).body.fields.conversationId).toBeDefined();
      const evil = await createRule(admin, { storeId: taobao.store.id, kind: 'pattern', pattern: '(a|aa)*c', action: 'warn' });
      expect(evil.status).toBe(201);
      const started = Date.now();
      expect(await check(admin, { storeId: taobao.store.id, text: 'a'.repeat(10_000) })).toEqual([]);
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await http(desk.url, 'PATCH', `/api/guard/rules/${evil.body.id}`, { token: admin, body: { status: 'disabled' } })).body.status).toBe('disabled');
    });

    it('puts a rule saved ahead of time in force at its instant (the worker marks it active)', async () => {
      const term = `限时${randomUUID().slice(0, 6)}`;
      const later = await createRule(admin, { storeId: taobao.store.id, kind: 'term', terms: [term], action: 'block', effectiveAt: new Date(Date.now() + 2500).toISOString() });
      expect(later.body.status).toBe('scheduled');
      expect(await check(admin, { storeId: taobao.store.id, text: term })).toEqual([]);
      await waitFor(async () => (await check(admin, { storeId: taobao.store.id, text: term })).length === 1, 10_000, 'the rule to take effect');
      await waitFor(async () => (await http(desk.url, 'GET', `/api/guard/rules?storeId=${taobao.store.id}&status=active&limit=200`, { token: admin })).body.items.some((r: { id: string }) => r.id === later.body.id), 10_000, 'the worker to mark it active');
    });
  });

  describe('rule changes', () => {
    it('lists what to review, reaches the agents of affected stores live, and follows their acknowledgements', async () => {
      const pdd = await storeWithAgent(desk.url, admin, 'Guard PDD', { platform: 'pdd' });
      const elsewhere = await storeWithAgent(desk.url, admin, 'Guard elsewhere', { platform: 'douyin' });
      const term = `秒杀价${randomUUID().slice(0, 6)}`;
      const qr = await http(desk.url, 'POST', '/api/kb/quick-replies', { token: admin, body: { storeId: pdd.store.id, shortcut: `ms${randomUUID().slice(0, 6)}`, title: '秒杀', body: `今天${term}哦` } });
      expect(qr.status).toBe(201);
      const agentSocket = await deskSocket(desk.url, pdd.agentToken);
      const otherSocket = await deskSocket(desk.url, elsewhere.agentToken);
      const supSocket = await deskSocket(desk.url, admin);
      try {
        const published = await http(desk.url, 'POST', '/api/rule-changes', {
          token: admin,
          body: { platform: 'pdd', title: '拼多多限制秒杀用语', summary: '自下周起客服不得承诺秒杀价', effectiveAt: new Date(Date.now() + 2500).toISOString(), link: 'https://example.com/rules/1', guardRules: [{ kind: 'term', terms: [term], action: 'block', message: { zh: '不得承诺秒杀价', en: 'No flash-sale price promises' } }] },
        });
        expect(published.status).toBe(201);
        const change = published.body;
        expect(change.storeIds).toContain(pdd.store.id);
        expect(change.storeIds).not.toContain(elsewhere.store.id);
        expect(change.review.quickReplies.map((q: { id: string }) => q.id)).toContain(qr.body.id);
        expect(change.guardRuleIds).toHaveLength(1);

        const live = await waitFor(() => agentSocket.events.find((e) => e.name === 'rule_change.published' && e.payload.id === change.id), 5000, 'the published event');
        expect(live.payload.title).toBe('拼多多限制秒杀用语');
        await waitFor(() => supSocket.events.find((e) => e.name === 'rule_change.published' && e.payload.id === change.id), 5000, 'the event to the leads');
        expect(otherSocket.events.some((e) => e.name === 'rule_change.published')).toBe(false);

        const mine = await http(desk.url, 'GET', '/api/rule-changes?pending=true', { token: pdd.agentToken });
        expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([change.id]);
        expect(mine.body.items[0]).toMatchObject({ ackRequired: true, acknowledgedAt: null });
        expect((await http(desk.url, 'GET', '/api/rule-changes', { token: elsewhere.agentToken })).body.items.some((c: { id: string }) => c.id === change.id)).toBe(false);
        expect((await http(desk.url, 'POST', `/api/rule-changes/${change.id}/ack`, { token: elsewhere.agentToken })).status).toBe(404);

        const before = (await http(desk.url, 'GET', `/api/rule-changes/${change.id}`, { token: admin })).body;
        expect(before.progress.pending.map((p: { userId: string }) => p.userId)).toContain(pdd.agent.id);

        const acked = await http(desk.url, 'POST', `/api/rule-changes/${change.id}/ack`, { token: pdd.agentToken });
        expect(acked.status).toBe(200);
        expect(acked.body.acknowledgedAt).not.toBeNull();
        await waitFor(() => supSocket.events.find((e) => e.name === 'rule_change.acknowledged' && e.payload.ruleChangeId === change.id && e.payload.userId === pdd.agent.id), 5000, 'the acknowledgement event');
        const after = (await http(desk.url, 'GET', `/api/rule-changes/${change.id}`, { token: admin })).body;
        expect(after.progress.pending.map((p: { userId: string }) => p.userId)).not.toContain(pdd.agent.id);
        expect(after.progress.acknowledged).toBe(before.progress.acknowledged + 1);
        expect((await http(desk.url, 'GET', '/api/rule-changes?pending=true', { token: pdd.agentToken })).body.items).toEqual([]);

        // The change's rule applies to the platform's stores from its instant.
        expect(await check(admin, { storeId: pdd.store.id, text: term })).toEqual([]);
        await waitFor(async () => (await check(admin, { storeId: pdd.store.id, text: term })).length === 1, 10_000, "the change's rule to take effect");
        expect(await check(admin, { storeId: elsewhere.store.id, text: term })).toEqual([]);
      } finally {
        for (const s of [agentSocket, otherSocket, supSocket]) s.socket.disconnect();
      }
    });

    it('refuses bad input and agents publishing', async () => {
      const bad = await http(desk.url, 'POST', '/api/rule-changes', { token: admin, body: { platform: 'mars', title: '', summary: 'x', effectiveAt: 'soon' } });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['platform', 'title', 'effectiveAt']));
      expect((await http(desk.url, 'POST', '/api/rule-changes', { token: taobao.agentToken, body: { platform: 'pdd', title: 't', summary: 's', effectiveAt: new Date().toISOString() } })).status).toBe(403);
    });
  });
});
