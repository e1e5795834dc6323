import { z } from 'zod';
import { text } from './input.js';
import { CauseCode } from './domain.js';

/** Below this confidence a suggested cause is shown as uncertain and needs the agent's eye. */
export const LOW_CONFIDENCE = 0.6;

export const ClassifyInput = z.object({ text: text().trim().min(1, 'must not be empty').max(5000) });
export type ClassifyInput = z.infer<typeof ClassifyInput>;

export const ClassifyResult = z.object({
  cause: CauseCode,
  confidence: z.number(),
  scores: z.record(CauseCode, z.number()),
  lowConfidence: z.boolean(),
  modelVersion: z.number(),
});
export type ClassifyResult = z.infer<typeof ClassifyResult>;

export const ModelScores = z.object({ macroF1: z.number(), accuracy: z.number(), calibrationError: z.number(), samples: z.number() });
export type ModelScores = z.infer<typeof ModelScores>;

/** One trained version of the classifier and how it scored on the held-out split. */
export const CauseModelVersion = z.object({
  version: z.number(),
  status: z.enum(['active', 'retired', 'rejected']),
  trainedAt: text(),
  corpusSamples: z.number(),
  agentSamples: z.number(),
  scores: ModelScores,
  /** The active model's scores on the same held-out split when this one was trained. */
  previousScores: ModelScores.nullable(),
  note: text(),
});
export type CauseModelVersion = z.infer<typeof CauseModelVersion>;
