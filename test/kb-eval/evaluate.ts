// Scores a knowledge-base search against labelled questions: hit@1, hit@3 and MRR over the
// answerable ones, the cross-language ones (no article on the topic in the question's language)
// apart, and how many of those nothing answers come back empty.

/** A labelled question: `expect` holds the topics of the articles that answer it, none: nothing does. */
export interface LabelledQuestion {
  q: string;
  kind: string;
  expect: string[];
  /** The question's language has no article on its topics (Chinese question → English article, or back). */
  cross?: boolean;
}

/** The topics of the articles a search returned, best first. */
export type SearchFn<Q extends LabelledQuestion> = (query: Q) => Promise<(string | null)[]>;

export interface EvalFigures {
  answerable: number;
  hit1: number;
  hit3: number;
  mrr: number;
  cross: { n: number; hit3: number };
  noAnswer: { n: number; empty: number };
  byKind: Record<string, { n: number; hit1: number; hit3: number }>;
  misses: { q: string; expect: string[]; got: (string | null)[] }[];
  ms: number;
}

export async function evaluate<Q extends LabelledQuestion>(search: SearchFn<Q>, queries: Q[]): Promise<EvalFigures> {
  const t0 = performance.now();
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  const cross = { n: 0, hit3: 0 };
  const noAnswer = { n: 0, empty: 0 };
  const byKind: EvalFigures['byKind'] = {};
  const misses: EvalFigures['misses'] = [];
  for (const query of queries) {
    const got = await search(query);
    if (query.expect.length === 0) {
      noAnswer.n++;
      if (got.length) misses.push({ q: query.q, expect: [], got });
      else noAnswer.empty++;
      continue;
    }
    const rank = got.findIndex((t) => t !== null && query.expect.includes(t));
    const kind = (byKind[query.kind] ??= { n: 0, hit1: 0, hit3: 0 });
    kind.n++;
    const top3 = rank >= 0 && rank < 3;
    if (rank === 0) {
      hit1++;
      kind.hit1++;
    }
    if (top3) {
      hit3++;
      kind.hit3++;
    }
    if (query.cross) {
      cross.n++;
      if (top3) cross.hit3++;
    }
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank !== 0) misses.push({ q: query.q, expect: query.expect, got });
  }
  const answerable = queries.length - noAnswer.n;
  return { answerable, hit1: hit1 / answerable, hit3: hit3 / answerable, mrr: rr / answerable, cross, noAnswer, byKind, misses, ms: performance.now() - t0 };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function report(f: EvalFigures, { misses = true } = {}): string {
  const lines = [
    `${f.answerable} answerable questions, ${f.noAnswer.n} with no answer (${f.ms.toFixed(0)} ms)`,
    `  hit@1 ${pct(f.hit1)}   hit@3 ${pct(f.hit3)}   MRR ${f.mrr.toFixed(3)}   cross-language hit@3 ${f.cross.hit3}/${f.cross.n}   no-answer empty ${f.noAnswer.empty}/${f.noAnswer.n}`,
    ...Object.entries(f.byKind).map(([kind, k]) => `  ${kind.padEnd(10)} n=${String(k.n).padStart(3)}  hit@1 ${pct(k.hit1 / k.n).padStart(6)}  hit@3 ${pct(k.hit3 / k.n).padStart(6)}`),
  ];
  if (misses) lines.push(`  misses (not first, or a result where none is expected):`, ...f.misses.map((m) => `    ${m.q}  expected ${m.expect.join('|') || '(nothing)'}  got ${m.got.join(', ') || '(nothing)'}`));
  return lines.join('\n');
}
