import { CAUSE_CODES, LOW_CONFIDENCE, type CauseCode } from '@kefu/contracts';
import { CauseClassifier, foldOf, type LabelledText } from './cause-classifier.js';

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  samples: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<CauseCode, ClassScores>;
  /** confusion[actual][predicted] = count */
  confusion: Record<CauseCode, Record<CauseCode, number>>;
  /** Expected calibration error over 10 confidence bins: 0 is perfectly calibrated. */
  calibrationError: number;
  /** Accuracy of the predictions under and over the low-confidence threshold. */
  lowConfidence: { threshold: number; share: number; accuracy: number | null };
  highConfidence: { accuracy: number | null };
}


/** Scores predictions against the truth. */
export function scorePredictions(rows: Prediction[]): EvaluationReport {
  const zeros = () => Object.fromEntries(CAUSE_CODES.map((c) => [c, 0])) as Record<CauseCode, number>;
  const confusion = Object.fromEntries(CAUSE_CODES.map((c) => [c, zeros()])) as EvaluationReport['confusion'];
  for (const r of rows) confusion[r.actual][r.predicted]++;
  const perClass = {} as Record<CauseCode, ClassScores>;
  for (const c of CAUSE_CODES) {
    const tp = confusion[c][c];
    const predicted = CAUSE_CODES.reduce((s, a) => s + confusion[a][c], 0);
    const support = CAUSE_CODES.reduce((s, p) => s + confusion[c][p], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perClass[c] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  }
  const present = CAUSE_CODES.filter((c) => perClass[c].support > 0);
  const correct = (r: (typeof rows)[number]) => r.actual === r.predicted;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, correct: 0 }));
  for (const r of rows) {
    const b = bins[Math.min(9, Math.floor(r.confidence * 10))];
    b.n++;
    b.conf += r.confidence;
    b.correct += correct(r) ? 1 : 0;
  }
  const low = rows.filter((r) => r.confidence < LOW_CONFIDENCE);
  const high = rows.filter((r) => r.confidence >= LOW_CONFIDENCE);
  const accuracyOf = (xs: typeof rows) => (xs.length ? xs.filter(correct).length / xs.length : null);
  return {
    samples: rows.length,
    accuracy: accuracyOf(rows) ?? 0,
    macroF1: present.reduce((s, c) => s + perClass[c].f1, 0) / (present.length || 1),
    perClass,
    confusion,
    calibrationError: bins.reduce((s, b) => s + (b.n ? (b.n / rows.length) * Math.abs(b.correct / b.n - b.conf / b.n) : 0), 0),
    lowConfidence: { threshold: LOW_CONFIDENCE, share: rows.length ? low.length / rows.length : 0, accuracy: accuracyOf(low) },
    highConfidence: { accuracy: accuracyOf(high) },
  };
}

export function evaluate(classifier: CauseClassifier, data: LabelledText[]): EvaluationReport {
  return scorePredictions(data.map((d) => {
    const c = classifier.classify(d.text);
    return { actual: d.cause, predicted: c.cause, confidence: c.confidence };
  }));
}

export interface Prediction {
  actual: CauseCode;
  predicted: CauseCode;
  confidence: number;
}

/** k-fold cross-validation: every message is predicted by a model that never saw it (predictions in input order). */
export function crossValidate<T extends LabelledText>(data: T[], folds = 5): { report: EvaluationReport; predictions: Prediction[] } {
  const predictions: Prediction[] = new Array(data.length);
  for (let fold = 0; fold < folds; fold++) {
    const classifier = CauseClassifier.train(data.filter((d) => foldOf(d.text, folds) !== fold));
    data.forEach((d, i) => {
      if (foldOf(d.text, folds) !== fold) return;
      const c = classifier.classify(d.text);
      predictions[i] = { actual: d.cause, predicted: c.cause, confidence: c.confidence };
    });
  }
  return { report: scorePredictions(predictions), predictions };
}

const pct = (x: number | null) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** The report as a terminal table: per class P/R/F1, macro-F1, calibration, confusion matrix. */
export function formatReport(r: EvaluationReport, title: string): string {
  const lines = [title, '', `${'cause'.padEnd(22)} precision  recall     F1   support`];
  for (const c of CAUSE_CODES) {
    const s = r.perClass[c];
    lines.push(`${c.padEnd(22)} ${pct(s.precision)}   ${pct(s.recall)} ${pct(s.f1)}  ${String(s.support).padStart(6)}`);
  }
  lines.push('', `samples ${r.samples}   accuracy ${pct(r.accuracy)}   macro-F1 ${pct(r.macroF1)}   calibration error (ECE) ${(r.calibrationError * 100).toFixed(1)}%`);
  lines.push(`confidence < ${r.lowConfidence.threshold}: ${pct(r.lowConfidence.share)} of messages, accuracy ${pct(r.lowConfidence.accuracy)};  ≥ ${r.lowConfidence.threshold}: accuracy ${pct(r.highConfidence.accuracy)}`);
  const abbr = (c: string) => c.split('_').map((w) => w[0]).join('').padStart(4);
  lines.push('', 'confusion matrix (rows: actual, columns: predicted)', `${''.padEnd(22)}${CAUSE_CODES.map(abbr).join(' ')}`);
  for (const a of CAUSE_CODES) lines.push(`${a.padEnd(22)}${CAUSE_CODES.map((p) => String(r.confusion[a][p] || '.').padStart(4)).join(' ')}`);
  lines.push(`(${CAUSE_CODES.map((c) => `${abbr(c).trim()} = ${c}`).join(', ')})`);
  return lines.join('\n');
}
