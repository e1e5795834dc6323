import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

type Ctx = Awaited<ReturnType<typeof storeWithAgent>>;

/** Similar questions (相似问法): proposed from agents' replies, accepted or rejected by a supervisor, counted in ranking at once. */
describe('knowledge-base similar questions', () => {
  let desk: Desk;
  let admin: string;
  let s: Ctx;
  let other: Ctx;
  /** A supervisor of store `s` only. */
  let supervisor: string;
  let articleId: string;

  const question = '杯子里面有一圈茶垢刷不掉，有什么办法吗';
  const search = async (token: string, q: string, storeId: string) => {
    const r = await http(desk.url, 'GET', `/api/kb/search?${new URLSearchParams({ q, storeId })}`, { token });
    expect(r.status).toBe(200);
    return r.body.items as { article: { id: string }; score: number }[];
  };
  /** A customer asks, the agent replies with the article inserted, and the console records the usage as it does today. */
  const askAndAnswer = async (ctx: Ctx, text: string, customer: string, article = articleId) => {
    const inbound = await signedInbound(desk.url, ctx.channel, inboundBody(text, customer));
    expect(inbound.status).toBe(202);
    const conversationId = inbound.body.conversationId;
    const reply = await http(desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token: ctx.agentToken, body: { body: '您好，可以用小苏打加温水浸泡后再刷洗。', kind: 'reply' } });
    expect(reply.status).toBe(201);
    const usage = await http(desk.url, 'POST', `/api/kb/articles/${article}/usage`, { token: ctx.agentToken, body: { conversationId, messageId: reply.body.id } });
    expect(usage.status).toBe(201);
    return conversationId;
  };
  const proposals = async (token = supervisor, query = '') => {
    const r = await http(desk.url, 'GET', `/api/kb/questions${query}`, { token });
    expect(r.status).toBe(200);
    return r.body.items as { id: string; text: string; status: string; proposals: number; storeId: string; article: { id: string; title: string } }[];
  };

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    s = await storeWithAgent(desk.url, admin, 'KB questions');
    other = await storeWithAgent(desk.url, admin, 'KB questions other');
    const user = await http(desk.url, 'POST', '/api/users', {
      token: admin,
      body: { email: 'kbq-sup@example.test', name: 'KBQ Sup', password: 'kbq-sup-pass-1', role: 'supervisor', storeIds: [s.store.id], languages: ['zh'], maxConcurrent: 5 },
    });
    expect(user.status).toBe(201);
    supervisor = await login(desk.url, 'kbq-sup@example.test', 'kbq-sup-pass-1');
    const article = await http(desk.url, 'POST', '/api/kb/articles', {
      token: admin,
      body: { storeId: s.store.id, lang: 'zh', status: 'published', title: '玄鸟牌保温杯怎么清洁', body: '玄鸟牌保温杯请用小苏打加温水浸泡半小时，再用杯刷刷洗，不要用钢丝球。' },
    });
    expect(article.status).toBe(201);
    articleId = article.body.id;
  });
  afterAll(() => desk.close());

  it("proposes the customer's question an agent answered with an article, once per question, live to the store's supervisors", async () => {
    expect((await search(s.agentToken, question, s.store.id)).map((h) => h.article.id)).not.toContain(articleId);
    const live = await deskSocket(desk.url, supervisor);
    try {
      // A long message: what it asks is proposed, with the sentence before the question.
      await askAndAnswer(s, `你好，我上个月在你们家买的保温杯。${question}`, 'buyer-q1');
      const [proposal] = await proposals();
      expect(proposal).toMatchObject({ text: question, status: 'proposed', proposals: 1, storeId: s.store.id, article: { id: articleId, title: '玄鸟牌保温杯怎么清洁' } });
      const event = await waitFor(() => live.events.find((e) => e.name === 'kb.question.proposed'), 5000, 'kb.question.proposed');
      expect(event.payload).toMatchObject({ id: proposal.id, storeId: s.store.id, text: question, article: { id: articleId } });

      // Asked again by another customer: counted, not listed twice.
      await askAndAnswer(s, question, 'buyer-q2');
      expect(await proposals()).toEqual([expect.objectContaining({ id: proposal.id, proposals: 2 })]);
    } finally {
      live.socket.close();
    }
  });

  it('counts an accepted question in ranking at once, and keeps it through edits of the article', async () => {
    const [proposal] = await proposals();
    // An agent cannot decide; a supervisor of another store does not see the question.
    expect((await http(desk.url, 'PATCH', `/api/kb/questions/${proposal.id}`, { token: s.agentToken, body: { status: 'accepted' } })).status).toBe(403);
    const outsider = await http(desk.url, 'POST', '/api/users', {
      token: admin,
      body: { email: 'kbq-out@example.test', name: 'KBQ Out', password: 'kbq-out-pass-1', role: 'supervisor', storeIds: [other.store.id], languages: ['zh'], maxConcurrent: 5 },
    });
    const outsiderToken = await login(desk.url, 'kbq-out@example.test', 'kbq-out-pass-1');
    expect(outsider.status).toBe(201);
    expect(await proposals(outsiderToken)).toEqual([]);
    expect((await http(desk.url, 'PATCH', `/api/kb/questions/${proposal.id}`, { token: outsiderToken, body: { status: 'accepted' } })).status).toBe(404);

    const accepted = await http(desk.url, 'PATCH', `/api/kb/questions/${proposal.id}`, { token: supervisor, body: { status: 'accepted' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedAt: expect.any(String), article: { id: articleId } });
    const [top] = await search(s.agentToken, question, s.store.id);
    expect(top?.article.id).toBe(articleId);
    expect(top.score).toBeGreaterThanOrEqual(0.8);
    expect(await proposals()).toEqual([]);
    expect((await proposals(supervisor, '?status=accepted')).map((q) => q.id)).toEqual([proposal.id]);

    // An edit of the article is indexed with its questions; the article's version history is the article's alone.
    const edited = await http(desk.url, 'PATCH', `/api/kb/articles/${articleId}`, { token: supervisor, body: { body: '用小苏打温水浸泡后刷洗。' } });
    expect(edited.body.version).toBe(2);
    expect((await search(s.agentToken, question, s.store.id))[0]?.article.id).toBe(articleId);
    const audit = await desk.db.query(`SELECT action FROM audit_events WHERE target_id = $1`, [proposal.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['kb.question.accepted']);
  });

  it('never proposes a rejected question again, nor one the search already answers surely; masks personal data', async () => {
    await askAndAnswer(s, '杯盖的硅胶圈可以单独买吗', 'buyer-q3');
    const [ring] = await proposals();
    expect(ring.text).toBe('杯盖的硅胶圈可以单独买吗');
    expect((await http(desk.url, 'PATCH', `/api/kb/questions/${ring.id}`, { token: supervisor, body: { status: 'rejected' } })).body.status).toBe('rejected');
    await askAndAnswer(s, '杯盖的硅胶圈可以单独买吗', 'buyer-q4');
    expect(await proposals()).toEqual([]);
    expect((await proposals(supervisor, '?status=rejected'))[0]).toMatchObject({ id: ring.id, proposals: 1 });

    // A question the search already answers with the article, first and surely, teaches it nothing.
    const [sure] = await search(s.agentToken, '玄鸟牌保温杯怎么清洁？', s.store.id);
    expect(sure).toMatchObject({ article: { id: articleId } });
    expect(sure.score).toBeGreaterThanOrEqual(0.9);
    await askAndAnswer(s, '玄鸟牌保温杯怎么清洁？', 'buyer-q5');
    expect(await proposals()).toEqual([]);

    await askAndAnswer(s, '杯子漏水了，我电话13812345678，怎么处理？', 'buyer-q6');
    const [leak] = await proposals();
    expect(leak.text).toBe('杯子漏水了，我电话138****5678，怎么处理？');
  });

  it('lets a supervisor add, reword and delete questions; agents see only the accepted ones', async () => {
    const path = `/api/kb/articles/${articleId}/questions`;
    const added = await http(desk.url, 'POST', path, { token: supervisor, body: { text: '保温杯里的水垢怎么去除' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'accepted', source: 'manual', storeId: s.store.id });
    expect((await http(desk.url, 'POST', path, { token: supervisor, body: { text: '保温杯里的水垢怎么去除？' } })).status).toBe(409);
    expect((await search(s.agentToken, '水垢怎么去除', s.store.id))[0]?.article.id).toBe(articleId);

    const forAgent = await http(desk.url, 'GET', path, { token: s.agentToken });
    expect(forAgent.status).toBe(200);
    expect(new Set(forAgent.body.items.map((q: { status: string }) => q.status))).toEqual(new Set(['accepted']));
    const all = await http(desk.url, 'GET', `${path}?status=proposed`, { token: supervisor });
    expect(all.body.items.map((q: { text: string }) => q.text)).toEqual(['杯子漏水了，我电话138****5678，怎么处理？']);

    const reworded = await http(desk.url, 'PATCH', `/api/kb/questions/${added.body.id}`, { token: supervisor, body: { text: '杯子里的水碱怎么去除' } });
    expect(reworded.body).toMatchObject({ text: '杯子里的水碱怎么去除', status: 'accepted' });
    expect((await search(s.agentToken, '水碱', s.store.id))[0]?.article.id).toBe(articleId);
    expect((await http(desk.url, 'DELETE', `/api/kb/questions/${added.body.id}`, { token: supervisor })).status).toBe(204);
    expect((await search(s.agentToken, '水碱', s.store.id)).map((h) => h.article.id)).not.toContain(articleId);
    // Another store's agent does not see the article's questions.
    expect((await http(desk.url, 'GET', path, { token: other.agentToken })).status).toBe(404);
  });

  it('answers bad input with 400 naming the field, never a 500', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', `/api/kb/articles/${articleId}/questions`, { text: '' }, 'text'],
      ['POST', `/api/kb/articles/${articleId}/questions`, { text: 'x'.repeat(201) }, 'text'],
      ['POST', `/api/kb/articles/${articleId}/questions`, { text: 'ok', status: 'accepted' }, 'status'],
      ['PATCH', '/api/kb/questions/00000000-0000-4000-8000-000000000000', {}, 'status'],
      ['PATCH', '/api/kb/questions/00000000-0000-4000-8000-000000000000', { status: 'proposed' }, 'status'],
      ['PATCH', '/api/kb/questions/not-a-uuid', { status: 'accepted' }, 'id'],
      ['GET', '/api/kb/questions?status=maybe', undefined, 'status'],
      ['GET', '/api/kb/questions?storeId=1', undefined, 'storeId'],
      ['GET', '/api/kb/questions?cursor=garbage', undefined, 'cursor'],
      ['GET', `/api/kb/articles/${articleId}/questions?limit=0`, undefined, 'limit'],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await http(desk.url, method, path, { token: admin, body });
      expect({ path, body, status: r.status }).toEqual({ path, body, status: 400 });
      expect(Object.keys(r.body.fields ?? {})).toContain(field);
    }
    expect((await http(desk.url, 'PATCH', '/api/kb/questions/00000000-0000-4000-8000-000000000000', { token: admin, body: { status: 'accepted' } })).status).toBe(404);
  });
});
