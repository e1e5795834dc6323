// `npm run eval:causes`: how well the root-cause classifier does on the corpus, by 5-fold
// cross-validation (every message predicted by a model that never saw it), per language too.
import { performance } from 'node:perf_hooks';
import { crossValidate, formatReport, scorePredictions } from '../classifier/cause-evaluation.js';
import { loadCorpus } from '../classifier/corpus.js';

const corpus = loadCorpus();
const started = performance.now();
const { report, predictions } = crossValidate(corpus, 5);
console.log(formatReport(report, `Root-cause classifier — 5-fold cross-validation on ${corpus.length} labelled messages`));
console.log('\nby kind of message');
const groups: [string, (m: (typeof corpus)[number]) => boolean][] = [
  ['simplified Chinese', (m) => m.lang === 'zh'],
  ['traditional Chinese', (m) => m.lang === 'zh-Hant'],
  ['English', (m) => m.lang === 'en'],
  ['mixed script', (m) => m.lang === 'mixed'],
  ['hard cases', (m) => !!m.hard],
];
for (const [name, keep] of groups) {
  const idx = corpus.flatMap((m, i) => (keep(m) ? [i] : []));
  if (!idx.length) continue;
  const r = scorePredictions(idx.map((i) => predictions[i]));
  console.log(`  ${name.padEnd(20)} ${String(idx.length).padStart(4)} messages   accuracy ${(r.accuracy * 100).toFixed(1)}%   macro-F1 ${(r.macroF1 * 100).toFixed(1)}%`);
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
