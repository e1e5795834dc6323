import { describe, expect, it } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { CauseClassifier } from '../../apps/server/src/classifier/cause-classifier.js';
import { loadCorpus } from '../../apps/server/src/classifier/corpus.js';
import { fmt, percentile } from './support.js';

/**
 * Root-cause classifier speed, in process: training on the whole corpus, and the latency of one
 * classification (features + model) over every corpus message, 20 rounds. Target: well under 1 ms.
 */
describe('root-cause classifier benchmark', () => {
  it('classifies a message well under a millisecond', () => {
    const corpus = loadCorpus();
    let t = performance.now();
    const classifier = CauseClassifier.train(corpus);
    const trainMs = performance.now() - t;
    for (const m of corpus.slice(0, 200)) classifier.classify(m.text); // warm up
    const times: number[] = [];
    for (let round = 0; round < 20; round++)
      for (const m of corpus) {
        t = performance.now();
        classifier.classify(m.text);
        times.push(performance.now() - t);
      }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 0.5);
    const p99 = percentile(times, 0.99);
    const bytes = JSON.stringify(classifier.toJSON()).length;
    console.log(
      [
        `root-cause classifier: ${fmt(corpus.length)} corpus messages`,
        `  training (with 3-fold temperature fit): ${fmt(trainMs)} ms`,
        `  classify one message: p50 ${fmt(p50 * 1000)} µs, p99 ${fmt(p99 * 1000)} µs, max ${fmt(times[times.length - 1] * 1000)} µs over ${fmt(times.length)} calls`,
        `  model size: ${fmt(bytes / 1024)} KB as JSON`,
      ].join('\n'),
    );
    expect(p99).toBeLessThan(1);
  });
});
