import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

// Characters that change nothing on screen but split a word for a naive matcher: zero-width spaces and
// joiners, bidi controls, the BOM, soft hyphens, variation selectors, the keycap mark, Hangul fillers.
const INVISIBLE_RANGES: [number, number][] = [
  [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180e], [0x200b, 0x200f], [0x202a, 0x202e],
  [0x2060, 0x206f], [0x20e3, 0x20e3], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xffa0, 0xffa0], [0xe0000, 0xe007f],
];
const isInvisible = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  return INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
};
// Letters that look Latin but are not (Cyrillic, Greek): "wеchat" with a Cyrillic е.
const LOOKALIKES: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ј: 'j', ѕ: 's', ԛ: 'q', ԝ: 'w', ν: 'v', ο: 'o', α: 'a', ε: 'e', κ: 'k', ρ: 'p', τ: 't', χ: 'x', υ: 'u' };
const WORD = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
// "+V", "➕V": a plus read as 加 (add me).
const PLUS = new Set(['+', '➕', '﹢']);

/**
 * A text prepared for matching, with the way back to the text as sent.
 * - `norm`: NFKC (full-width digits and letters become ASCII, ① becomes 1), lower case, simplified
 *   Chinese, Latin look-alikes replaced, invisible characters removed; spaces and punctuation kept.
 * - `loose`: `norm` with only letters and digits (spaces, punctuation and symbols dropped), so
 *   "加 . 微 . 信" reads 加微信. Terms are matched here.
 * Offsets: `normStart[i]`/`normEnd[i]` are the original UTF-16 range of norm's unit i; `looseToNorm[j]`
 * the norm index of loose's unit j.
 */
export interface GuardText {
  original: string;
  norm: string;
  normStart: Int32Array;
  normEnd: Int32Array;
  loose: string;
  looseToNorm: Int32Array;
}

export function prepareText(original: string): GuardText {
  let norm = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of original) {
    const at = i;
    i += ch.length;
    const code = ch.charCodeAt(0);
    let mapped: string;
    if (code < 0x80) mapped = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch; // ASCII: only case
    else {
      if (isInvisible(ch)) continue;
      mapped = ch.normalize('NFKC').toLowerCase();
      mapped = LOOKALIKES[mapped] ?? mapped;
    }
    for (let k = 0; k < mapped.length; k++) {
      starts.push(at);
      ends.push(i);
    }
    norm += mapped;
  }
  // Traditional to simplified keeps the length for nearly every text; if a phrase changes it, keep the original.
  if (HAN.test(norm)) {
    const simplified = toSimplified(norm);
    if (simplified.length === norm.length) norm = simplified;
  }

  let loose = '';
  const looseToNorm: number[] = [];
  let j = 0;
  for (const ch of norm) {
    const at = j;
    j += ch.length;
    const kept = PLUS.has(ch) ? '加' : WORD.test(ch) ? ch : '';
    for (let k = 0; k < kept.length; k++) looseToNorm.push(at + (kept === ch ? k : 0));
    loose += kept;
  }
  return { original, norm, normStart: Int32Array.from(starts), normEnd: Int32Array.from(ends), loose, looseToNorm: Int32Array.from(looseToNorm) };
}

/** The original range of norm's units [from, to). */
export function normSpan(t: GuardText, from: number, to: number): { start: number; end: number } {
  return { start: t.normStart[from], end: t.normEnd[Math.max(from, to - 1)] };
}

/** The original range of loose's units [from, to). */
export function looseSpan(t: GuardText, from: number, to: number): { start: number; end: number } {
  return normSpan(t, t.looseToNorm[from], t.looseToNorm[Math.max(from, to - 1)] + 1);
}

/** A term or a name in the form it is matched in (`loose`). */
export const looseForm = (s: string): string => prepareText(s).loose;

const ASCII_WORD = /[a-z0-9]/;
/** Whether an ASCII-word match (`loose` range) stands alone in the text: "cure" in "no cure", not in "secure". */
export function isWholeWord(t: GuardText, from: number, to: number): boolean {
  const a = t.looseToNorm[from];
  const b = t.looseToNorm[to - 1] + 1;
  return !(a > 0 && ASCII_WORD.test(t.norm[a - 1])) && !(b < t.norm.length && ASCII_WORD.test(t.norm[b]));
}

export const isAsciiWord = (s: string) => /^[a-z0-9]+$/.test(s);
