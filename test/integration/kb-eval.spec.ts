// The knowledge-base search against its labelled set (test/kb-eval), through the HTTP API as the
// demo stores see it. Prints the figures (`npm run eval:kb` runs only this file); fails when they
// drop below the floors, a little under what was measured.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_STORES } from '../../apps/server/src/seed/demo-data.js';
import { detectLanguage } from '../../apps/server/src/routing/language.util.js';
import { evaluate, report } from '../kb-eval/evaluate.js';
import { EVAL_QUERIES } from '../kb-eval/queries.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, login } from '../support/client.js';

/** Measured: tuned set hit@1 94.1%, hit@3 98.5%, MRR 0.960, FP 1/20; held out hit@1 73.7%, hit@3 73.7%, FP 1/5. */
const FLOORS = {
  tuned: { hit1: 0.9, hit3: 0.95, mrr: 0.92, falsePositiveRate: 0.1 },
  holdout: { hit1: 0.65, hit3: 0.65, mrr: 0.65, falsePositiveRate: 0.25 },
};

describe('knowledge-base search quality', () => {
  let desk: Desk;
  let token: string;
  let storeIds: Map<string, string>;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    token = await login(desk.url, 'agent1@demo.kefu');
    const stores = (await http(desk.url, 'GET', '/api/stores', { token })).body.items as { id: string; name: string }[];
    storeIds = new Map(DEMO_STORES.map((s) => [s.key, stores.find((x) => x.name === s.name)!.id]));
  });
  afterAll(() => desk.close());

  const search = async (q: (typeof EVAL_QUERIES)[number]) => {
    const params = new URLSearchParams({ q: q.q, storeId: storeIds.get(q.store)!, lang: q.lang ?? detectLanguage(q.q), limit: '5' });
    const r = await http(desk.url, 'GET', `/api/kb/search?${params}`, { token });
    if (r.status !== 200) throw new Error(`${q.q}: ${r.status} ${JSON.stringify(r.body)}`);
    return (r.body.items as { article: { topic: string | null } }[]).map((h) => h.article.topic);
  };

  it('has a labelled set of at least 120 queries, 15 of them with no answer, over at least 40 articles', async () => {
    expect(EVAL_QUERIES.length).toBeGreaterThanOrEqual(120);
    expect(EVAL_QUERIES.filter((q) => q.expect.length === 0).length).toBeGreaterThanOrEqual(15);
    const [{ n }] = await desk.db.query(`SELECT count(*)::int n FROM kb_articles WHERE status = 'published'`);
    expect(n).toBeGreaterThanOrEqual(40);
  });

  for (const set of ['tuned', 'holdout'] as const) {
    it(`finds the right article for the ${set} queries and nothing for the unanswerable ones`, async () => {
      const figures = await evaluate(
        search,
        EVAL_QUERIES.filter((q) => !!q.holdout === (set === 'holdout')),
      );
      process.stdout.write(`\n[${set} set] ${report(figures)}\n`);
      const floor = FLOORS[set];
      expect(figures.hit1).toBeGreaterThanOrEqual(floor.hit1);
      expect(figures.hit3).toBeGreaterThanOrEqual(floor.hit3);
      expect(figures.mrr).toBeGreaterThanOrEqual(floor.mrr);
      expect(figures.falsePositiveRate).toBeLessThanOrEqual(floor.falsePositiveRate);
    });
  }
});
