// The knowledge-base search against its labelled sets, through the HTTP API as a store sees it
// (its own articles and the global ones), the language of each question detected as suggestions do:
// - demo (tuning): questions for the demo stores (test/kb-eval/queries.ts);
// - qimu (tuning): a made-up store's 77 articles and 422 questions (test/kb-eval/qimu), written as
//   the first held-out set and tuned on since;
// - geekisle (tuning): another made-up store, phone and computer accessories, 81 articles and 407
//   questions (test/kb-eval/holdout2), the held-out set of the first pass, tuned on in the second;
// - furplanet (tuning): a third made-up store, pet supplies, 81 articles and 452 questions
//   (test/kb-eval/holdout3), the held-out set of the second pass, tuned on in the third;
// - acornkids (held out): a fourth made-up store, mother-and-baby products, 83 articles and 498
//   questions (test/kb-eval/holdout4), written before the third pass and not tuned on: the honest figure.
// Prints the figures of each set (`npm run eval:kb` runs only this file); fails below the floors, a
// little under what was measured.
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_STORES } from '../../apps/server/src/seed/demo-data.js';
import { DEMO_ARTICLES } from '../../apps/server/src/seed/demo-kb.js';
import { detectLanguage } from '../../apps/server/src/text/language.util.js';
import { evaluate, report, type EvalFigures, type LabelledQuestion } from '../kb-eval/evaluate.js';
import { HOLDOUT2_ARTICLES, HOLDOUT2_STORE } from '../kb-eval/holdout2/articles.js';
import { HOLDOUT2_QUESTIONS } from '../kb-eval/holdout2/questions.js';
import { HOLDOUT2_TOPICS } from '../kb-eval/holdout2/topics.js';
import { HOLDOUT3_ARTICLES, HOLDOUT3_STORE } from '../kb-eval/holdout3/articles.js';
import { HOLDOUT3_QUESTIONS } from '../kb-eval/holdout3/questions.js';
import { HOLDOUT3_TOPICS } from '../kb-eval/holdout3/topics.js';
import { HOLDOUT4_ARTICLES, HOLDOUT4_STORE } from '../kb-eval/holdout4/articles.js';
import { HOLDOUT4_QUESTIONS } from '../kb-eval/holdout4/questions.js';
import { HOLDOUT4_TOPICS } from '../kb-eval/holdout4/topics.js';
import { QIMU_ARTICLES, QIMU_STORE } from '../kb-eval/qimu/articles.js';
import { QIMU_QUESTIONS } from '../kb-eval/qimu/questions.js';
import { QIMU_TOPICS } from '../kb-eval/qimu/topics.js';
import { EVAL_QUERIES } from '../kb-eval/queries.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, login } from '../support/client.js';

type Floor = { hit1: number; hit3: number; mrr: number; cross: number; noAnswer: number };

/**
 * Floors, a little under what was measured (README, "Knowledge base"; hit@1, hit@3, MRR, cross-language,
 * no-answer empty): demo 85.6%, 93.6%, 0.895, 21/23, 52/55; qimu 79.2%, 91.6%, 0.853, 62/67, 34/42;
 * geekisle 75.9%, 83.3%, 0.796, 47/56, 34/42; furplanet 78.5%, 83.4%, 0.811, 45/61, 34/42;
 * acornkids (held out, look 2) 75.9%, 81.1%, 0.788, 39/72, 29/42.
 */
const FLOORS: Record<'demo' | StoreSet['key'], Floor> = {
  demo: { hit1: 0.84, hit3: 0.92, mrr: 0.88, cross: 0.86, noAnswer: 0.92 },
  qimu: { hit1: 0.78, hit3: 0.9, mrr: 0.84, cross: 0.9, noAnswer: 0.78 },
  geekisle: { hit1: 0.74, hit3: 0.82, mrr: 0.78, cross: 0.8, noAnswer: 0.78 },
  furplanet: { hit1: 0.76, hit3: 0.81, mrr: 0.79, cross: 0.7, noAnswer: 0.78 },
  acornkids: { hit1: 0.74, hit3: 0.79, mrr: 0.77, cross: 0.5, noAnswer: 0.66 },
};

/** A made-up store of its own with its articles, topics and questions. */
interface StoreSet {
  key: 'qimu' | 'geekisle' | 'furplanet' | 'acornkids';
  label: string;
  store: { name: string; platform: string };
  topics: { key: string; langs: ('zh' | 'en')[] }[];
  articles: { topic: string; lang: 'zh' | 'en' }[];
  questions: (LabelledQuestion & { kind: string })[];
}

const STORE_SETS: StoreSet[] = [
  { key: 'qimu', label: 'tuning set', store: QIMU_STORE, topics: QIMU_TOPICS, articles: QIMU_ARTICLES, questions: QIMU_QUESTIONS },
  { key: 'geekisle', label: 'tuning set', store: HOLDOUT2_STORE, topics: HOLDOUT2_TOPICS, articles: HOLDOUT2_ARTICLES, questions: HOLDOUT2_QUESTIONS },
  { key: 'furplanet', label: 'tuning set', store: HOLDOUT3_STORE, topics: HOLDOUT3_TOPICS, articles: HOLDOUT3_ARTICLES, questions: HOLDOUT3_QUESTIONS },
  { key: 'acornkids', label: 'held-out set', store: HOLDOUT4_STORE, topics: HOLDOUT4_TOPICS, articles: HOLDOUT4_ARTICLES, questions: HOLDOUT4_QUESTIONS },
];

/** A question with the store it is asked in and a token of an agent of that store. */
type Question = LabelledQuestion & { set: string; as: () => { storeId: string; token: string } };

describe('knowledge-base search quality', () => {
  let desk: Desk;
  let token: string;
  let storeIds: Map<string, string>;
  const agents = new Map<StoreSet['key'], { storeId: string; token: string }>();

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    const admin = await login(desk.url, 'admin@demo.kefu');
    token = await login(desk.url, 'agent1@demo.kefu');
    const stores = (await http(desk.url, 'GET', '/api/stores', { token })).body.items as { id: string; name: string }[];
    storeIds = new Map(DEMO_STORES.map((s) => [s.key, stores.find((x) => x.name === s.name)!.id]));
    for (const set of STORE_SETS) {
      const store = await http(desk.url, 'POST', '/api/stores', { token: admin, body: set.store });
      if (store.status !== 201) throw new Error(`store: ${store.status} ${JSON.stringify(store.body)}`);
      const agent = { email: `${set.key}-agent@example.test`, password: `${set.key}-pass-1` };
      const user = await http(desk.url, 'POST', '/api/users', {
        token: admin,
        body: { ...agent, name: `${set.key} agent`, role: 'agent', storeIds: [store.body.id], languages: ['zh', 'en'], maxConcurrent: 5 },
      });
      if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
      agents.set(set.key, { storeId: store.body.id, token: await login(desk.url, agent.email, agent.password) });
      for (const a of set.articles) {
        const r = await http(desk.url, 'POST', '/api/kb/articles', { token: admin, body: { ...a, storeId: store.body.id, status: 'published' } });
        if (r.status !== 201) throw new Error(`article ${a.topic}: ${r.status} ${JSON.stringify(r.body)}`);
      }
    }
  });
  afterAll(() => desk.close());

  const search = async (q: Question) => {
    const { storeId, token } = q.as();
    const params = new URLSearchParams({ q: q.q, storeId, lang: detectLanguage(q.q), limit: '5' });
    const r = await http(desk.url, 'GET', `/api/kb/search?${params}`, { token });
    if (r.status !== 200) throw new Error(`${q.q}: ${r.status} ${JSON.stringify(r.body)}`);
    const items = r.body.items as { article: { topic: string | null; storeId: string | null }; score: number }[];
    // KB_EVAL_DUMP=file: every answer with its scores, one JSON line a question, to fit the calibration and threshold on.
    if (process.env.KB_EVAL_DUMP)
      appendFileSync(process.env.KB_EVAL_DUMP, JSON.stringify({ set: q.set, kind: q.kind, q: q.q, expect: q.expect, got: items.map((h) => ({ topic: h.article.topic, own: !!h.article.storeId, score: h.score })) }) + '\n');
    return items.map((h) => h.article.topic);
  };

  /** Cross-language: no article the store sees on the expected topics is in the question's language. */
  const demo: Question[] = EVAL_QUERIES.map((q) => {
    const langs = new Set(DEMO_ARTICLES.filter((a) => q.expect.includes(a.topic) && (a.store === null || a.store === q.store)).map((a) => a.lang));
    return { ...q, set: 'demo', cross: q.expect.length > 0 && !langs.has(detectLanguage(q.q)), as: () => ({ storeId: storeIds.get(q.store)!, token }) };
  });
  const questionsOf = (set: StoreSet): Question[] => {
    const topicLangs = new Map(set.topics.map((t) => [t.key, t.langs]));
    return set.questions.map((q) => ({
      ...q,
      set: set.key,
      cross: q.expect.length > 0 && !q.expect.some((t) => topicLangs.get(t)?.includes(detectLanguage(q.q))),
      as: () => agents.get(set.key)!,
    }));
  };

  for (const set of STORE_SETS)
    it(`${set.key}: a set of at least 400 questions over at least 60 articles, labelled consistently`, () => {
      const questions = questionsOf(set);
      const topicKeys = new Set(set.topics.map((t) => t.key));
      expect(set.questions.length).toBeGreaterThanOrEqual(400);
      expect(set.articles.length).toBeGreaterThanOrEqual(60);
      // Every topic has its articles in the languages the topic list names, and every label is a topic.
      for (const t of set.topics) expect({ topic: t.key, langs: set.articles.filter((a) => a.topic === t.key).map((a) => a.lang).sort() }).toEqual({ topic: t.key, langs: [...t.langs].sort() });
      for (const a of set.articles) expect(topicKeys.has(a.topic) ? a.topic : `article of no topic: ${a.topic}`).toBe(a.topic);
      for (const q of set.questions) for (const t of q.expect) expect(topicKeys.has(t) ? t : `${q.q}: ${t}`).toBe(t);
      // The kind `cross` is exactly the questions whose language no expected article is in; `none` those with no answer.
      for (const q of questions) expect({ q: q.q, cross: q.kind === 'cross', none: q.kind === 'none' }).toEqual({ q: q.q, cross: !!q.cross, none: !q.expect.length });
      expect(questions.filter((q) => q.cross).length / questions.filter((q) => q.expect.length).length).toBeGreaterThanOrEqual(0.1);
      expect(questions.filter((q) => !q.expect.length).length).toBeGreaterThanOrEqual(40);
    });

  const check = (figures: EvalFigures, floor: Floor) => {
    expect(figures.hit1).toBeGreaterThanOrEqual(floor.hit1);
    expect(figures.hit3).toBeGreaterThanOrEqual(floor.hit3);
    expect(figures.mrr).toBeGreaterThanOrEqual(floor.mrr);
    if (figures.cross.n) expect(figures.cross.hit3 / figures.cross.n).toBeGreaterThanOrEqual(floor.cross);
    expect(figures.noAnswer.empty / figures.noAnswer.n).toBeGreaterThanOrEqual(floor.noAnswer);
  };

  // KB_EVAL_SETS=demo,furplanet runs some sets only; a held-out set's figures are looked at only now and then.
  const sets = (process.env.KB_EVAL_SETS ?? 'demo,qimu,geekisle,furplanet,acornkids').split(',');

  if (sets.includes('demo'))
    it('demo (tuning): finds the right article for the questions and nothing for the unanswerable ones', async () => {
      const figures = await evaluate(search, demo);
      process.stdout.write(`\n[demo stores, tuning set] ${report(figures)}\n`);
      check(figures, FLOORS.demo);
    });

  for (const set of STORE_SETS)
    if (sets.includes(set.key))
      it(`${set.key} (${set.label}): finds the right article for the questions and nothing for the unanswerable ones`, async () => {
        const figures = await evaluate(search, questionsOf(set));
        // The misses of the held-out set are not printed (KB_EVAL_MISSES=1 prints them): they are not read while tuning.
        const misses = set.label !== 'held-out set' || process.env.KB_EVAL_MISSES === '1';
        process.stdout.write(`\n[${set.store.name}, ${set.label}] ${report(figures, { misses })}\n`);
        check(figures, FLOORS[set.key]);
      });
});
