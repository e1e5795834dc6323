// Scores a knowledge-base search against the labelled queries: hit@1, hit@3, MRR over the answerable
// ones, and the false-positive rate over those nothing answers (any result counts as a false positive).
import { EVAL_QUERIES, type EvalKind, type EvalQuery } from './queries.js';

/** The topics of the articles a search returned, best first. */
export type SearchFn = (query: EvalQuery) => Promise<(string | null)[]>;

export interface EvalFigures {
  answerable: number;
  unanswerable: number;
  hit1: number;
  hit3: number;
  mrr: number;
  falsePositiveRate: number;
  byKind: Record<string, { n: number; hit1: number; hit3: number }>;
  misses: { q: string; store: string; expect: string[]; got: (string | null)[] }[];
  ms: number;
}

export async function evaluate(search: SearchFn, queries: EvalQuery[] = EVAL_QUERIES): Promise<EvalFigures> {
  const t0 = performance.now();
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let falsePositives = 0;
  const byKind: EvalFigures['byKind'] = {};
  const misses: EvalFigures['misses'] = [];
  for (const query of queries) {
    const got = await search(query);
    if (query.expect.length === 0) {
      if (got.length) {
        falsePositives++;
        misses.push({ q: query.q, store: query.store, expect: [], got });
      }
      continue;
    }
    const rank = got.findIndex((t) => t !== null && query.expect.includes(t));
    const kind = (byKind[query.kind as EvalKind] ??= { n: 0, hit1: 0, hit3: 0 });
    kind.n++;
    if (rank === 0) {
      hit1++;
      kind.hit1++;
    }
    if (rank >= 0 && rank < 3) {
      hit3++;
      kind.hit3++;
    }
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank !== 0) misses.push({ q: query.q, store: query.store, expect: query.expect, got });
  }
  const answerable = queries.filter((x) => x.expect.length > 0).length;
  const unanswerable = queries.length - answerable;
  return {
    answerable,
    unanswerable,
    hit1: hit1 / answerable,
    hit3: hit3 / answerable,
    mrr: rr / answerable,
    falsePositiveRate: unanswerable ? falsePositives / unanswerable : 0,
    byKind,
    misses,
    ms: performance.now() - t0,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function report(f: EvalFigures): string {
  const lines = [
    `Knowledge-base search evaluation: ${f.answerable} answerable queries, ${f.unanswerable} with no answer (${f.ms.toFixed(0)} ms)`,
    `  hit@1 ${pct(f.hit1)}   hit@3 ${pct(f.hit3)}   MRR ${f.mrr.toFixed(3)}   no-answer false positives ${pct(f.falsePositiveRate)}`,
    ...Object.entries(f.byKind).map(([kind, k]) => `  ${kind.padEnd(10)} n=${String(k.n).padStart(3)}  hit@1 ${pct(k.hit1 / k.n).padStart(6)}  hit@3 ${pct(k.hit3 / k.n).padStart(6)}`),
    `  misses (not first, or a result where none is expected):`,
    ...f.misses.map((m) => `    [${m.store}] ${m.q}  expected ${m.expect.join('|') || '(nothing)'}  got ${m.got.join(', ') || '(nothing)'}`),
  ];
  return lines.join('\n');
}
