// The knowledge-base search against its two labelled sets, through the HTTP API as a store sees it
// (its own articles and the global ones), the language of each question detected as suggestions do:
// - tuning: questions for the demo stores (test/kb-eval/queries.ts), which the search was tuned on;
// - held out: a made-up store's 77 articles and 422 questions (test/kb-eval/holdout), never tuned on.
// Prints the figures (`npm run eval:kb` runs only this file); fails below the floors, a little under
// what was measured.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_STORES } from '../../apps/server/src/seed/demo-data.js';
import { DEMO_ARTICLES } from '../../apps/server/src/seed/demo-kb.js';
import { detectLanguage } from '../../apps/server/src/text/language.util.js';
import { evaluate, report, type EvalFigures, type LabelledQuestion } from '../kb-eval/evaluate.js';
import { HOLDOUT_ARTICLES, HOLDOUT_STORE } from '../kb-eval/holdout/articles.js';
import { HOLDOUT_QUESTIONS } from '../kb-eval/holdout/questions.js';
import { HOLDOUT_TOPICS } from '../kb-eval/holdout/topics.js';
import { EVAL_QUERIES } from '../kb-eval/queries.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, login } from '../support/client.js';

/**
 * Floors, a little under what was measured (README, "Knowledge base"): tuning hit@1 85.6%, hit@3
 * 90.3%, MRR 0.880, cross-language 20/23, no-answer empty 51/55; held out hit@1 70.5%, hit@3 85.8%,
 * MRR 0.780, cross-language 55/67, no-answer empty 34/42.
 */
const FLOORS = {
  tuning: { hit1: 0.83, hit3: 0.88, mrr: 0.85, cross: 0.8, noAnswer: 0.88 },
  holdout: { hit1: 0.68, hit3: 0.83, mrr: 0.75, cross: 0.78, noAnswer: 0.78 },
};

/** A question with the store it is asked in and a token of an agent of that store. */
type Question = LabelledQuestion & { as: () => { storeId: string; token: string } };

describe('knowledge-base search quality', () => {
  let desk: Desk;
  let token: string;
  let storeIds: Map<string, string>;
  let holdoutStore: { storeId: string; token: string };

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    const admin = await login(desk.url, 'admin@demo.kefu');
    token = await login(desk.url, 'agent1@demo.kefu');
    const stores = (await http(desk.url, 'GET', '/api/stores', { token })).body.items as { id: string; name: string }[];
    storeIds = new Map(DEMO_STORES.map((s) => [s.key, stores.find((x) => x.name === s.name)!.id]));
    const store = await http(desk.url, 'POST', '/api/stores', { token: admin, body: HOLDOUT_STORE });
    if (store.status !== 201) throw new Error(`store: ${store.status} ${JSON.stringify(store.body)}`);
    const agent = { email: 'holdout-agent@example.test', password: 'holdout-pass-1' };
    const user = await http(desk.url, 'POST', '/api/users', {
      token: admin,
      body: { ...agent, name: 'Held-out agent', role: 'agent', storeIds: [store.body.id], languages: ['zh', 'en'], maxConcurrent: 5 },
    });
    if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
    holdoutStore = { storeId: store.body.id, token: await login(desk.url, agent.email, agent.password) };
    for (const a of HOLDOUT_ARTICLES) {
      const r = await http(desk.url, 'POST', '/api/kb/articles', { token: admin, body: { ...a, storeId: holdoutStore.storeId, status: 'published' } });
      if (r.status !== 201) throw new Error(`article ${a.topic}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  });
  afterAll(() => desk.close());

  const search = async (q: Question) => {
    const { storeId, token } = q.as();
    const params = new URLSearchParams({ q: q.q, storeId, lang: detectLanguage(q.q), limit: '5' });
    const r = await http(desk.url, 'GET', `/api/kb/search?${params}`, { token });
    if (r.status !== 200) throw new Error(`${q.q}: ${r.status} ${JSON.stringify(r.body)}`);
    return (r.body.items as { article: { topic: string | null } }[]).map((h) => h.article.topic);
  };

  /** Cross-language: no article the store sees on the expected topics is in the question's language. */
  const tuning: Question[] = EVAL_QUERIES.map((q) => {
    const langs = new Set(DEMO_ARTICLES.filter((a) => q.expect.includes(a.topic) && (a.store === null || a.store === q.store)).map((a) => a.lang));
    return { ...q, cross: q.expect.length > 0 && !langs.has(detectLanguage(q.q)), as: () => ({ storeId: storeIds.get(q.store)!, token }) };
  });
  const topicLangs = new Map(HOLDOUT_TOPICS.map((t) => [t.key, t.langs]));
  const holdout: Question[] = HOLDOUT_QUESTIONS.map((q) => ({
    ...q,
    cross: q.expect.length > 0 && !q.expect.some((t) => topicLangs.get(t)!.includes(detectLanguage(q.q))),
    as: () => holdoutStore,
  }));

  it('has a held-out set of at least 400 questions over at least 60 articles, labelled consistently', () => {
    expect(HOLDOUT_QUESTIONS.length).toBeGreaterThanOrEqual(400);
    expect(HOLDOUT_ARTICLES.length).toBeGreaterThanOrEqual(60);
    // Every topic has its articles in the languages the topic list names, and every label is a topic.
    for (const t of HOLDOUT_TOPICS) expect({ topic: t.key, langs: HOLDOUT_ARTICLES.filter((a) => a.topic === t.key).map((a) => a.lang).sort() }).toEqual({ topic: t.key, langs: [...t.langs].sort() });
    for (const q of HOLDOUT_QUESTIONS) for (const t of q.expect) expect(topicLangs.has(t) ? t : `${q.q}: ${t}`).toBe(t);
    // The kind `cross` is exactly the questions whose language no expected article is in.
    for (const q of holdout) expect({ q: q.q, cross: q.kind === 'cross' }).toEqual({ q: q.q, cross: !!q.cross });
    expect(holdout.filter((q) => q.cross).length / holdout.filter((q) => q.expect.length).length).toBeGreaterThanOrEqual(0.1);
    expect(holdout.filter((q) => !q.expect.length).length).toBeGreaterThanOrEqual(40);
  });

  const check = (figures: EvalFigures, floor: (typeof FLOORS)['tuning']) => {
    expect(figures.hit1).toBeGreaterThanOrEqual(floor.hit1);
    expect(figures.hit3).toBeGreaterThanOrEqual(floor.hit3);
    expect(figures.mrr).toBeGreaterThanOrEqual(floor.mrr);
    if (figures.cross.n) expect(figures.cross.hit3 / figures.cross.n).toBeGreaterThanOrEqual(floor.cross);
    expect(figures.noAnswer.empty / figures.noAnswer.n).toBeGreaterThanOrEqual(floor.noAnswer);
  };

  // KB_EVAL_SETS=tuning while tuning: the held-out figures are looked at only now and then.
  const sets = (process.env.KB_EVAL_SETS ?? 'tuning,holdout').split(',');

  if (sets.includes('tuning')) it('finds the right article for the tuning questions and nothing for the unanswerable ones', async () => {
    const figures = await evaluate(search, tuning);
    process.stdout.write(`\n[tuning set, demo stores] ${report(figures)}\n`);
    check(figures, FLOORS.tuning);
  });

  if (sets.includes('holdout')) it('finds the right article for the held-out questions and nothing for the unanswerable ones', async () => {
    const figures = await evaluate(search, holdout);
    // Only the figures: the misses of the held-out set are not read while tuning (KB_EVAL_MISSES=1 prints them).
    process.stdout.write(`\n[held-out set, ${HOLDOUT_STORE.name}] ${report(figures, { misses: process.env.KB_EVAL_MISSES === '1' })}\n`);
    check(figures, FLOORS.holdout);
  });
});
