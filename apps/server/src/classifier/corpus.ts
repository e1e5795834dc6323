import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CauseCode } from '@kefu/contracts';
import type { LabelledText } from './cause-classifier.js';

/** apps/server/corpus/causes/messages.jsonl, from src/classifier or dist/classifier alike. */
export const CORPUS_PATH = fileURLToPath(new URL('../../corpus/causes/messages.jsonl', import.meta.url));

export interface CorpusMessage extends LabelledText {
  lang: 'zh' | 'zh-Hant' | 'en' | 'mixed';
  hard?: boolean;
}

/** The labelled corpus written for the desk (made-up messages; labelling rules in LABELLING.md beside it). */
export function loadCorpus(path = CORPUS_PATH): CorpusMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as CorpusMessage;
      if (!CauseCode.safeParse(row.cause).success || typeof row.text !== 'string') throw new Error(`corpus line ${i + 1}: bad cause or text`);
      return row;
    });
}
