import type { Features } from './cause-features.js';

// Local bindings: a global `Math.x` lookup in the hot loops costs ~10× inside jest's vm sandbox.
const { exp, log, log1p, max, sqrt, round, floor } = Math;

export interface Sample {
  features: Features;
  /** Index into the model's classes. */
  label: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 30, learningRate: 0.4, l2: 1e-4, seed: 7 };

/** Deterministic shuffling, so that a model trained twice on the same data is the same model. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SerializedModel {
  classes: string[];
  vocab: string[];
  weights: string;
  bias: number[];
  temperature: number;
}

/**
 * Multinomial logistic regression over sparse weighted features (log-scaled, unit length), trained
 * with AdaGrad and L2, with a temperature fitted on held-out predictions so that its probabilities
 * are calibrated. Prediction touches only the features present: microseconds per message.
 */
export class SoftmaxModel {
  constructor(
    readonly classes: string[],
    private readonly vocab: Map<string, number>,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    public temperature = 1,
  ) {}

  /** Sparse vector of known features: indices and values (log-scaled, unit length). */
  private vector(features: Features): [number[], number[]] {
    const idx: number[] = [];
    const val: number[] = [];
    let norm = 0;
    for (const [name, w] of features) {
      const i = this.vocab.get(name);
      if (i === undefined || w <= 0) continue;
      const v = log1p(w);
      idx.push(i);
      val.push(v);
      norm += v * v;
    }
    norm = sqrt(norm) || 1;
    for (let k = 0; k < val.length; k++) val[k] /= norm;
    return [idx, val];
  }

  private logitsOf([idx, val]: [number[], number[]]): Float64Array {
    const c = this.classes.length;
    const z = Float64Array.from(this.bias);
    for (let k = 0; k < idx.length; k++) {
      const base = idx[k] * c;
      for (let j = 0; j < c; j++) z[j] += this.weights[base + j] * val[k];
    }
    return z;
  }

  logits(features: Features): Float64Array {
    return this.logitsOf(this.vector(features));
  }

  probabilities(features: Features): Float64Array {
    return softmax(this.logits(features), this.temperature);
  }

  static train(samples: Sample[], classes: string[], opts: TrainOptions = DEFAULT_TRAIN_OPTIONS): SoftmaxModel {
    const vocab = new Map<string, number>();
    for (const s of samples) for (const name of s.features.keys()) if (!vocab.has(name)) vocab.set(name, vocab.size);
    const c = classes.length;
    const model = new SoftmaxModel(classes, vocab, new Float32Array(vocab.size * c), new Float32Array(c));
    const gradSq = new Float32Array(vocab.size * c).fill(1e-8);
    const biasSq = new Float32Array(c).fill(1e-8);
    const vectors = samples.map((s) => model.vector(s.features));
    const order = samples.map((_, i) => i);
    const random = mulberry32(opts.seed);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const n of order) {
        const [idx, val] = vectors[n];
        const p = softmax(model.logitsOf(vectors[n]), 1);
        p[samples[n].label] -= 1; // gradient of the log loss with respect to the logits
        for (let j = 0; j < c; j++) {
          biasSq[j] += p[j] * p[j];
          model.bias[j] -= (opts.learningRate * p[j]) / sqrt(biasSq[j]);
        }
        for (let k = 0; k < idx.length; k++) {
          const base = idx[k] * c;
          for (let j = 0; j < c; j++) {
            const g = p[j] * val[k] + opts.l2 * model.weights[base + j];
            gradSq[base + j] += g * g;
            model.weights[base + j] -= (opts.learningRate * g) / sqrt(gradSq[base + j]);
          }
        }
      }
    }
    return model;
  }

  /** The temperature that minimises the log loss of held-out predictions (logits of another model each). */
  static fitTemperature(heldOut: { logits: Float64Array; label: number }[]): number {
    let best = { t: 1, loss: Infinity };
    for (let t = 0.2; t <= 5; t += 0.05) {
      const loss = heldOut.reduce((sum, h) => sum - log(max(softmax(h.logits, t)[h.label], 1e-12)), 0);
      if (loss < best.loss) best = { t, loss };
    }
    return round(best.t * 100) / 100;
  }

  toJSON(): SerializedModel {
    return {
      classes: this.classes,
      vocab: [...this.vocab.keys()],
      weights: Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).toString('base64'),
      bias: [...this.bias],
      temperature: this.temperature,
    };
  }

  static fromJSON(s: SerializedModel): SoftmaxModel {
    const bytes = Buffer.from(s.weights, 'base64');
    const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return new SoftmaxModel(s.classes, new Map(s.vocab.map((name, i) => [name, i])), weights, Float32Array.from(s.bias), s.temperature);
  }
}

export function softmax(z: Float64Array, temperature: number): Float64Array {
  let top = -Infinity;
  for (const v of z) top = max(top, v / temperature);
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let j = 0; j < z.length; j++) sum += out[j] = exp(z[j] / temperature - top);
  for (let j = 0; j < z.length; j++) out[j] /= sum;
  return out;
}
