import { CAUSE_CODES, type CauseCode } from '@kefu/contracts';
import { causeFeatures } from './cause-features.js';
import { DEFAULT_TRAIN_OPTIONS, SoftmaxModel, type SerializedModel, type TrainOptions } from './softmax-model.js';

export interface LabelledText {
  text: string;
  cause: CauseCode;
}

export interface Classification {
  cause: CauseCode;
  confidence: number;
  scores: Record<CauseCode, number>;
}

const CLASSES = [...CAUSE_CODES];
const TEMPERATURE_FOLDS = 3;

/** Deterministic fold of a text: the same message always lands in the same fold. */
export function foldOf(text: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

/** The root cause of a customer's message: logistic regression over its features, calibrated. */
export class CauseClassifier {
  constructor(readonly model: SoftmaxModel) {}

  classify(text: string): Classification {
    const p = this.model.probabilities(causeFeatures(text));
    let best = 0;
    for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
    const scores = Object.fromEntries(CLASSES.map((c, j) => [c, Math.round(p[j] * 10000) / 10000])) as Record<CauseCode, number>;
    return { cause: CLASSES[best], confidence: Math.round(p[best] * 10000) / 10000, scores };
  }

  /** Trains on all the data; the temperature comes from out-of-fold predictions, so confidence is calibrated. */
  static train(data: LabelledText[], opts: TrainOptions = DEFAULT_TRAIN_OPTIONS): CauseClassifier {
    const samples = data.map((d) => ({ features: causeFeatures(d.text), label: CLASSES.indexOf(d.cause), text: d.text }));
    const heldOut: { logits: Float64Array; label: number }[] = [];
    for (let fold = 0; fold < TEMPERATURE_FOLDS; fold++) {
      const inFold = (s: { text: string }) => foldOf(s.text, TEMPERATURE_FOLDS) === fold;
      const model = SoftmaxModel.train(samples.filter((s) => !inFold(s)), CLASSES, opts);
      for (const s of samples.filter(inFold)) heldOut.push({ logits: model.logits(s.features), label: s.label });
    }
    const model = SoftmaxModel.train(samples, CLASSES, opts);
    model.temperature = SoftmaxModel.fitTemperature(heldOut);
    return new CauseClassifier(model);
  }

  toJSON(): SerializedModel {
    return this.model.toJSON();
  }

  static fromJSON(s: SerializedModel): CauseClassifier {
    return new CauseClassifier(SoftmaxModel.fromJSON(s));
  }
}
