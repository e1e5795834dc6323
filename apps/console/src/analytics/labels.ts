import type { TFunction } from 'i18next';
import type { CauseKey } from './cause-colors';

/** A cause in the console's language; `none` is "not classified yet". */
export const causeName = (cause: CauseKey, t: TFunction): string => (cause === 'none' ? t('analytics.unclassified') : t(`tickets.causes.${cause}`));

/** Shortens a label to about `max` columns (a CJK character counts two). */
export function fit(text: string, max: number): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
    if (width > max) return `${out.trimEnd()}…`;
    out += ch;
  }
  return out;
}

/** Up to two lines of about `max` columns each; words kept whole where there are spaces. */
export function wrap(text: string, max: number): string[] {
  if (text.includes(' ')) {
    const lines: string[] = [];
    for (const word of text.split(/\s+/)) {
      const last = lines.at(-1);
      if (last !== undefined && (last + ' ' + word).length <= max) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines.length <= 2 ? lines : [lines[0], fit(lines.slice(1).join(' '), max)];
  }
  const first = fit(text, max);
  if (!first.endsWith('…')) return [text];
  const head = first.slice(0, -1);
  return [head, fit(text.slice(head.length), max)];
}
