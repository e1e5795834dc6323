import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

type Ctx = Awaited<ReturnType<typeof storeWithAgent>>;

/** The FAQ knowledge base: store scoping, search quality, suggestions, versions, stats. */
describe('knowledge base', () => {
  let desk: Desk;
  let admin: string;
  let supervisor: string;
  let a: Ctx;
  let b: Ctx;
  /** A supervisor of store A only. */
  let limited: string;

  const article = (token: string, body: Record<string, unknown>) =>
    http(desk.url, 'POST', '/api/kb/articles', { token, body: { lang: 'zh', status: 'published', ...body } });
  const search = async (token: string, q: string, params: Record<string, string> = {}) => {
    const r = await http(desk.url, 'GET', `/api/kb/search?${new URLSearchParams({ q, ...params })}`, { token });
    expect(r.status).toBe(200);
    return r.body.items as { article: { id: string; title: string; topic: string | null; storeId: string | null }; score: number }[];
  };

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    supervisor = await login(desk.url, 'supervisor@demo.kefu');
    a = await storeWithAgent(desk.url, admin, 'KB A');
    b = await storeWithAgent(desk.url, admin, 'KB B');
    const user = await http(desk.url, 'POST', '/api/users', {
      token: admin,
      body: { email: 'kb-sup@example.test', name: 'KB Sup', password: 'kb-sup-pass-1', role: 'supervisor', storeIds: [a.store.id], languages: ['zh'], maxConcurrent: 5 },
    });
    if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
    limited = await login(desk.url, 'kb-sup@example.test', 'kb-sup-pass-1');
  });
  afterAll(() => desk.close());

  it("shows an agent global articles and their stores' ones, never another store's (404)", async () => {
    const mine = await article(admin, { storeId: a.store.id, title: '麒麟纹保温杯的清洗方法', body: '麒麟纹保温杯请用温水清洗，不要用洗碗机。', tags: ['保温杯'] });
    const theirs = await article(admin, { storeId: b.store.id, title: '麒麟纹保温杯的保温时长', body: '麒麟纹保温杯可以保温12小时。' });
    const global = await article(admin, { storeId: null, title: '麒麟纹系列的材质说明', body: '麒麟纹系列使用304不锈钢。' });
    expect([mine.status, theirs.status, global.status]).toEqual([201, 201, 201]);

    const listed = await http(desk.url, 'GET', '/api/kb/articles?limit=200', { token: a.agentToken });
    const ids = listed.body.items.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([mine.body.id, global.body.id]));
    expect(ids).not.toContain(theirs.body.id);
    expect((await http(desk.url, 'GET', `/api/kb/articles/${theirs.body.id}`, { token: a.agentToken })).status).toBe(404);
    expect((await http(desk.url, 'GET', `/api/kb/articles/${mine.body.id}`, { token: a.agentToken })).status).toBe(200);

    const found = (await search(a.agentToken, '麒麟纹保温杯')).map((h) => h.article.id);
    expect(found).toEqual(expect.arrayContaining([mine.body.id, global.body.id]));
    expect(found).not.toContain(theirs.body.id);
    expect((await http(desk.url, 'GET', `/api/kb/search?q=保温杯&storeId=${b.store.id}`, { token: a.agentToken })).status).toBe(404);

    // Agents read; writing is for supervisors and admins.
    expect((await article(a.agentToken, { storeId: a.store.id, title: 'x', body: 'y' })).status).toBe(403);
    expect((await http(desk.url, 'PATCH', `/api/kb/articles/${mine.body.id}`, { token: a.agentToken, body: { title: 'z' } })).status).toBe(403);
  });

  it('hides drafts from agents', async () => {
    const draft = await article(admin, { storeId: a.store.id, status: 'draft', title: '獬豸纹茶杯预售草稿', body: '獬豸纹茶杯下月上市。' });
    expect(draft.status).toBe(201);
    expect((await http(desk.url, 'GET', `/api/kb/articles/${draft.body.id}`, { token: a.agentToken })).status).toBe(404);
    expect((await http(desk.url, 'GET', `/api/kb/articles/${draft.body.id}`, { token: supervisor })).status).toBe(200);
    expect(await search(admin, '獬豸纹茶杯')).toEqual([]);
  });

  it("lets a store's article on a topic replace the global one, for that store only", async () => {
    const global = await article(admin, { storeId: null, topic: 'kbtest.warranty', title: '玄武牌电水壶保修一年', body: '玄武牌电水壶整机保修一年。' });
    const own = await article(admin, { storeId: a.store.id, topic: 'kbtest.warranty', title: '玄武牌电水壶保修三年', body: '本店的玄武牌电水壶整机保修三年。' });
    expect([global.status, own.status]).toEqual([201, 201]);

    // (The demo's general warranty article may follow: another topic, another answer.)
    const forA = (await search(a.agentToken, '玄武牌电水壶保修', { storeId: a.store.id })).map((h) => h.article.id);
    expect(forA[0]).toBe(own.body.id);
    expect(forA).not.toContain(global.body.id);
    const forB = (await search(b.agentToken, '玄武牌电水壶保修', { storeId: b.store.id })).map((h) => h.article.id);
    expect(forB[0]).toBe(global.body.id);
    expect(forB).not.toContain(own.body.id);

    // A draft does not replace anything.
    await http(desk.url, 'PATCH', `/api/kb/articles/${own.body.id}`, { token: admin, body: { status: 'draft' } });
    const draftA = (await search(a.agentToken, '玄武牌电水壶保修', { storeId: a.store.id })).map((h) => h.article.id);
    expect(draftA[0]).toBe(global.body.id);
    expect(draftA).not.toContain(own.body.id);
  });

  it('understands customers’ Chinese phrasing (jieba words, filler and order numbers ignored, synonyms)', async () => {
    const top = async (q: string) => (await search(a.agentToken, q, { storeId: a.store.id, lang: 'zh' }))[0]?.article.topic;
    expect(await top('亲,我买的鞋子码数偏小能换吗,订单号123456')).toBe('exchange.size');
    expect(await top('在吗？请问可以开发票吗')).toBe('invoice.request');
    expect(await top('快递三天了还没到，物流一直不更新')).toBe('shipping.tracking');
    expect(await top('买完就降价了，能退差价吗')).toBe('price.protection');
    // 退回 is a synonym of 退货 and 退款.
    expect(await top('退回的邮费谁出')).toBe('returns.shipping-fee');
  });

  it('tolerates typos in English and stems English words', async () => {
    const top = async (q: string) => (await search(a.agentToken, q, { storeId: a.store.id, lang: 'en' }))[0]?.article.topic;
    expect(await top('refnd')).toBe('returns.refund-time');
    expect(await top('retrun policy')).toBe('returns.no-reason');
    expect(await top('cancle my order')).toBe('order.cancel');
    expect(await top('REFUNDS')).toBe('returns.refund-time');
  });

  it('answers nonsense with nothing, ranks best first with scores in 0..1, and records the gap', async () => {
    for (const q of ['asdkjh qwe', '今天天气怎么样', '在吗在吗', 'can you sing a song']) expect(await search(a.agentToken, q, { storeId: a.store.id })).toEqual([]);
    const hits = await search(a.agentToken, '七天无理由退货怎么申请', { storeId: a.store.id, limit: '5' });
    expect(hits[0].article.topic).toBe('returns.no-reason');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const s of scores) expect(s > 0 && s <= 1).toBe(true);

    await search(a.agentToken, 'asdkjh qwe', { storeId: a.store.id });
    // Gaps are counted in the background, after the answer.
    const stats = await waitFor(async () => {
      const r = await http(desk.url, 'GET', `/api/kb/stats?storeId=${a.store.id}`, { token: supervisor });
      return r.body.gaps.some((g: { query: string; count: number }) => g.query === 'asdkjh qwe' && g.count === 2) ? r : undefined;
    }, 5000, 'the gap counted twice');
    expect(stats.body.gaps).toEqual(expect.arrayContaining([expect.objectContaining({ query: 'asdkjh qwe', count: 2, storeId: a.store.id, lang: 'en' })]));
    // A greeting alone is no question the knowledge base misses.
    expect(stats.body.gaps.map((g: { query: string }) => g.query)).not.toContain('在吗在吗');
  });

  it("suggests for the customer's latest messages, filled in, and follows a new inbound message", async () => {
    const s = await storeWithAgent(desk.url, admin, 'KB suggest');
    const live = await deskSocket(desk.url, s.agentToken);
    try {
      const first = await signedInbound(desk.url, s.channel, inboundBody('你好，七天无理由退货怎么申请？', 'buyer-kb', { orderRef: 'KB20261127001' }));
      expect(first.status).toBe(202);
      const conversationId = first.body.conversationId;
      const suggest = async () => {
        const r = await http(desk.url, 'GET', `/api/kb/suggest?conversationId=${conversationId}`, { token: s.agentToken });
        expect(r.status).toBe(200);
        return r.body;
      };
      const before = await suggest();
      expect(before.query).toBe('你好，七天无理由退货怎么申请？');
      expect(before.items[0].article.topic).toBe('returns.no-reason');
      expect(before.items[0].filled.body).toContain('测试买家您好');
      expect(before.items[0].filled.body).toContain(s.store.name);
      expect(before.items[0].filled.missing).toEqual([]);

      // The agent answers; the customer then asks something else.
      const reply = await http(desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token: s.agentToken, body: { body: '您好，可以的', kind: 'reply' } });
      expect(reply.status).toBe(201);
      expect(await suggest()).toEqual({ items: [], query: '' });
      await signedInbound(desk.url, s.channel, inboundBody('另外能开增值税专用发票吗', 'buyer-kb'));
      const created = await waitFor(() => live.events.find((e) => e.name === 'message.created' && e.payload.direction === 'inbound' && e.payload.body.includes('专用发票')), 5000, 'message.created');
      expect(created.payload.conversationId).toBe(conversationId);
      const after = await suggest();
      expect(after.query).toBe('另外能开增值税专用发票吗');
      expect(after.items[0].article.topic).toBe('invoice.vat');

      // Outside the caller's stores the conversation does not exist.
      expect((await http(desk.url, 'GET', `/api/kb/suggest?conversationId=${conversationId}`, { token: a.agentToken })).status).toBe(404);
    } finally {
      live.socket.close();
    }
  });

  it('stores every version of an article with who changed what', async () => {
    const created = await article(supervisor, { storeId: a.store.id, title: '朱雀牌台灯怎么调光', body: '长按开关三秒调光。', tags: ['台灯'] });
    const id = created.body.id;
    const v2 = await http(desk.url, 'PATCH', `/api/kb/articles/${id}`, { token: admin, body: { title: '朱雀牌台灯如何调光', version: 1 } });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, title: '朱雀牌台灯如何调光' });
    const v3 = await http(desk.url, 'PATCH', `/api/kb/articles/${id}`, { token: supervisor, body: { body: '轻触开关切换三档亮度。', tags: ['台灯', '调光'] } });
    expect(v3.body.version).toBe(3);
    // Nothing changed: no new version. A stale version: 409, nothing overwritten.
    expect((await http(desk.url, 'PATCH', `/api/kb/articles/${id}`, { token: admin, body: { title: '朱雀牌台灯如何调光' } })).body.version).toBe(3);
    const stale = await http(desk.url, 'PATCH', `/api/kb/articles/${id}`, { token: admin, body: { title: '旧版本的修改', version: 2 } });
    expect(stale.status).toBe(409);

    const versions = await http(desk.url, 'GET', `/api/kb/articles/${id}/versions`, { token: a.agentToken });
    expect(versions.status).toBe(200);
    expect(versions.body.total).toBe(3);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions.body.items[0]).toMatchObject({ changedFields: ['body', 'tags'], changedByName: '林晓 (主管)', body: '轻触开关切换三档亮度。' });
    expect(versions.body.items[1]).toMatchObject({ changedFields: ['title'], changedByName: '管理员 Admin', title: '朱雀牌台灯如何调光', body: '长按开关三秒调光。' });
    expect(versions.body.items[2].title).toBe('朱雀牌台灯怎么调光');
    const paged = await http(desk.url, 'GET', `/api/kb/articles/${id}/versions?limit=2`, { token: admin });
    const rest = await http(desk.url, 'GET', `/api/kb/articles/${id}/versions?limit=2&cursor=${paged.body.nextCursor}`, { token: admin });
    expect(rest.body.items.map((v: { version: number }) => v.version)).toEqual([1]);

    // The search index follows the edit.
    expect((await search(admin, '三档亮度')).map((h) => h.article.id)).toContain(id);
    const audit = await desk.db.query(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY at`, [id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['kb.article.created', 'kb.article.updated', 'kb.article.updated']);

    expect((await http(desk.url, 'DELETE', `/api/kb/articles/${id}`, { token: admin })).status).toBe(204);
    expect((await http(desk.url, 'GET', `/api/kb/articles/${id}`, { token: admin })).status).toBe(404);
    expect((await desk.db.query(`SELECT count(*)::int n FROM kb_article_versions WHERE article_id = $1`, [id]))[0].n).toBe(0);
  });

  it('ranks and shows an article as it is now, whoever changed it', async () => {
    const created = await article(admin, { storeId: a.store.id, title: '青龙牌吸尘器怎么拆洗', body: '拧下青龙牌吸尘器的尘杯即可拆洗。' });
    const id = created.body.id;
    const inA = (q: string) => search(a.agentToken, q, { storeId: a.store.id });
    expect((await inA('青龙牌吸尘器拆洗')).map((h) => h.article.id)).toContain(id);

    // Edited through the API: found by its new words with its new title, no longer by the old ones.
    const edited = await http(desk.url, 'PATCH', `/api/kb/articles/${id}`, { token: admin, body: { title: '白泽牌风扇怎么定时', body: '长按白泽牌风扇的定时键设置一到八小时。' } });
    expect(edited.status).toBe(200);
    expect((await inA('白泽牌风扇定时'))[0]?.article).toMatchObject({ id, title: '白泽牌风扇怎么定时' });
    expect((await inA('青龙牌吸尘器拆洗')).map((h) => h.article.id)).not.toContain(id);

    // Changed behind this process's back (another api process, a script): moved to store B.
    await desk.db.query(`UPDATE kb_articles SET store_id = $1 WHERE id = $2`, [b.store.id, id]);
    expect((await inA('白泽牌风扇定时')).map((h) => h.article.id)).not.toContain(id);
    expect((await search(b.agentToken, '白泽牌风扇定时', { storeId: b.store.id }))[0]?.article).toMatchObject({ id, storeId: b.store.id });
  });

  it('keeps global articles for supervisors of every store', async () => {
    expect((await article(limited, { storeId: null, title: '全局', body: '全局' })).status).toBe(403);
    expect((await article(limited, { storeId: b.store.id, title: '别家', body: '别家' })).status).toBe(403);
    expect((await article(limited, { storeId: a.store.id, title: '白虎牌雨伞怎么收', body: '按下按钮收伞。' })).status).toBe(201);
  });

  it('answers bad input with 400 naming the field, never a 500', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/kb/articles', { lang: 'fr', title: 't', body: 'b' }, 'lang'],
      ['POST', '/api/kb/articles', { lang: 'zh', body: 'b' }, 'title'],
      ['POST', '/api/kb/articles', { lang: 'zh', title: 't', body: 'b', storeId: 'nope' }, 'storeId'],
      ['POST', '/api/kb/articles', { lang: 'zh', title: 't', body: 'b', topic: 'Not a key!' }, 'topic'],
      ['POST', '/api/kb/articles', { lang: 'zh', title: 't', body: 'b', tags: [''] }, 'tags.0'],
      ['POST', '/api/kb/articles', { lang: 'zh', title: 't', body: 'b', status: 'live' }, 'status'],
      ['POST', '/api/kb/articles', { lang: 'zh', title: 't', body: 'b', storeId: '00000000-0000-4000-8000-000000000000' }, 'storeId'],
      ['PATCH', '/api/kb/articles/00000000-0000-4000-8000-000000000000', { title: '' }, 'title'],
      ['GET', '/api/kb/search?q=', undefined, 'q'],
      ['GET', '/api/kb/search', undefined, 'q'],
      ['GET', `/api/kb/search?q=${'退货'.repeat(300)}`, undefined, 'q'],
      ['GET', '/api/kb/search?q=退货&limit=0', undefined, 'limit'],
      ['GET', '/api/kb/search?q=退货&limit=abc', undefined, 'limit'],
      ['GET', '/api/kb/search?q=退货&lang=fr', undefined, 'lang'],
      ['GET', '/api/kb/search?q=退货&storeId=1', undefined, 'storeId'],
      ['GET', '/api/kb/suggest?conversationId=x', undefined, 'conversationId'],
      ['GET', '/api/kb/articles/not-a-uuid', undefined, 'id'],
      ['GET', '/api/kb/articles?cursor=garbage', undefined, 'cursor'],
      ['POST', '/api/kb/synonyms', { terms: ['只有一个'] }, 'terms'],
      ['POST', '/api/kb/synonyms', { terms: ['退货', '退货'] }, 'terms'],
      ['POST', '/api/kb/quick-replies', { shortcut: 'two words', title: 't', body: 'b' }, 'shortcut'],
      ['POST', `/api/kb/articles/00000000-0000-4000-8000-000000000000/feedback`, { helpful: 'yes' }, 'helpful'],
      ['POST', `/api/kb/articles/00000000-0000-4000-8000-000000000000/usage`, {}, 'conversationId'],
      ['GET', '/api/kb/stats?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', undefined, 'to'],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await http(desk.url, method, path, { token: admin, body });
      expect({ path, body, status: r.status }).toEqual({ path, body, status: 400 });
      expect(Object.keys(r.body.fields ?? {})).toContain(field);
    }
    // Odd but valid questions are never an error.
    for (const q of ['%_\\', "' OR 1=1 --", '&|!:*()', '🙂🙂', '   退货   ']) expect((await http(desk.url, 'GET', `/api/kb/search?${new URLSearchParams({ q })}`, { token: admin })).status).toBe(200);
  });

  it('counts usage and feedback in the stats', async () => {
    const art = await article(admin, { storeId: a.store.id, title: '青龙牌剃须刀怎么充电', body: '用附带的数据线充电两小时。' });
    const conv = (await signedInbound(desk.url, a.channel, inboundBody('剃须刀怎么充电', 'buyer-stats'))).body.conversationId;
    const message = (await desk.db.query(`SELECT id FROM messages WHERE conversation_id = $1`, [conv]))[0].id;
    for (const body of [{ conversationId: conv }, { conversationId: conv, messageId: message }]) {
      const r = await http(desk.url, 'POST', `/api/kb/articles/${art.body.id}/usage`, { token: a.agentToken, body });
      expect(r.status).toBe(201);
    }
    for (const helpful of [false, false, true]) expect((await http(desk.url, 'POST', `/api/kb/articles/${art.body.id}/feedback`, { token: a.agentToken, body: { conversationId: conv, helpful } })).status).toBe(201);

    const stats = await http(desk.url, 'GET', `/api/kb/stats?storeId=${a.store.id}`, { token: supervisor });
    expect(stats.status).toBe(200);
    expect(stats.body.mostUsed[0]).toMatchObject({ article: { id: art.body.id }, uses: 2 });
    expect(stats.body.leastHelpful).toEqual(expect.arrayContaining([expect.objectContaining({ article: expect.objectContaining({ id: art.body.id }), helpful: 1, unhelpful: 2 })]));
    expect((await http(desk.url, 'GET', '/api/kb/stats', { token: a.agentToken })).status).toBe(403);
    expect((await http(desk.url, 'GET', `/api/kb/stats?storeId=${b.store.id}`, { token: limited })).status).toBe(404);

    // Another store's conversation does not exist for this agent; a store article is not used in another store.
    const other = (await signedInbound(desk.url, b.channel, inboundBody('hi', 'buyer-other'))).body.conversationId;
    expect((await http(desk.url, 'POST', `/api/kb/articles/${art.body.id}/usage`, { token: a.agentToken, body: { conversationId: other } })).status).toBe(404);
    const cross = await http(desk.url, 'POST', `/api/kb/articles/${art.body.id}/usage`, { token: admin, body: { conversationId: other } });
    expect(cross.status).toBe(400);
    expect(cross.body.fields).toHaveProperty('conversationId');
  });

  it('keeps quick replies per store with unique shortcuts; agents read them', async () => {
    const create = (token: string, body: Record<string, unknown>) => http(desk.url, 'POST', '/api/kb/quick-replies', { token, body });
    const own = await create(supervisor, { storeId: a.store.id, shortcut: '/kbthanks', title: '感谢', body: '感谢{customerName}的耐心等待~' });
    expect(own.status).toBe(201);
    expect(own.body.shortcut).toBe('kbthanks');
    expect((await create(admin, { storeId: a.store.id, shortcut: 'KBTHANKS', title: 'x', body: 'y' })).body.fields).toHaveProperty('shortcut');
    expect((await create(admin, { storeId: b.store.id, shortcut: 'kbthanks', title: '别家', body: '别家的' })).status).toBe(201);
    expect((await create(a.agentToken, { storeId: a.store.id, shortcut: 'mine', title: 'x', body: 'y' })).status).toBe(403);

    const listed = await http(desk.url, 'GET', `/api/kb/quick-replies?storeId=${a.store.id}&q=kb`, { token: a.agentToken });
    expect(listed.body.items.map((r: { shortcut: string; storeId: string }) => [r.shortcut, r.storeId])).toEqual([['kbthanks', a.store.id]]);
    const all = await http(desk.url, 'GET', '/api/kb/quick-replies', { token: a.agentToken });
    expect(all.body.items.some((r: { storeId: string | null }) => r.storeId === null)).toBe(true);
    expect(all.body.items.some((r: { storeId: string | null }) => r.storeId === b.store.id)).toBe(false);

    const patched = await http(desk.url, 'PATCH', `/api/kb/quick-replies/${own.body.id}`, { token: admin, body: { body: '谢谢您！' } });
    expect(patched.body).toMatchObject({ body: '谢谢您！', shortcut: 'kbthanks' });
    expect((await http(desk.url, 'DELETE', `/api/kb/quick-replies/${own.body.id}`, { token: admin })).status).toBe(204);
  });

  it('expands a synonym group an admin adds, until it is deleted', async () => {
    await article(admin, { storeId: a.store.id, title: '暖手宝怎么充电', body: '暖手宝用USB线充电，充满约两小时。' });
    expect(await search(a.agentToken, '焐手炉', { storeId: a.store.id })).toEqual([]);
    expect((await http(desk.url, 'POST', '/api/kb/synonyms', { token: supervisor, body: { terms: ['暖手宝', '焐手炉'] } })).status).toBe(403);
    const group = await http(desk.url, 'POST', '/api/kb/synonyms', { token: admin, body: { terms: ['暖手宝', ' 焐手炉 '] } });
    expect(group.status).toBe(201);
    expect(group.body.terms).toEqual(['暖手宝', '焐手炉']);
    expect((await search(a.agentToken, '焐手炉', { storeId: a.store.id }))[0]?.article.title).toBe('暖手宝怎么充电');
    const listed = await http(desk.url, 'GET', '/api/kb/synonyms', { token: supervisor });
    expect(listed.body.items.map((g: { terms: string[] }) => g.terms)).toEqual(expect.arrayContaining([['暖手宝', '焐手炉'], expect.arrayContaining(['发票', '开票'])]));
    expect((await http(desk.url, 'DELETE', `/api/kb/synonyms/${group.body.id}`, { token: admin })).status).toBe(204);
    expect(await search(a.agentToken, '焐手炉', { storeId: a.store.id })).toEqual([]);
  });
});
