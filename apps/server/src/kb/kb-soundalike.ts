// Chinese typos by sound: a customer typing pinyin picks a character that sounds like the one meant
// (兰牙 for 蓝牙, 冲电宝 for 充电宝, 发漂 for 发票). The lexicon's Chinese terms are kept by their
// syllables (pinyin-pro, tones dropped, zh/z ch/c sh/s and -ng/-n folded as pinyin input is
// forgiving of them), and a run of a question's characters that sounds like a term, and shares a
// character with it, is read as that term. Pure.
import { pinyin } from 'pinyin-pro';
import { STOP_WORDS } from './kb-tokenizer.js';

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** A syllable as typed loosely: zh/ch/sh as z/c/s, -ng as -n. */
const fold = (syllable: string) => syllable.replace(/^([zcs])h/, '$1').replace(/ng$/, 'n');

const readingsSeen = new Map<string, string[]>();
/** Every reading of a character (行 → xing, hang, heng), folded. */
function readings(char: string): string[] {
  let r = readingsSeen.get(char);
  if (!r) {
    r = [...new Set(pinyin(char, { multiple: true, type: 'array', toneType: 'none' }).map(fold))];
    readingsSeen.set(char, r);
  }
  return r;
}

const syllablesSeen = new Map<string, string[]>();
/** A term's syllables as it is read in context (银行 → yin hang), folded, remembered (the table is rebuilt from the same terms); null when it is not all Chinese. */
export function syllablesOf(term: string): string[] | null {
  if (!HAN_ONLY.test(term)) return null;
  let s = syllablesSeen.get(term);
  if (!s) {
    s = pinyin(term, { type: 'array', toneType: 'none' }).map(fold);
    if (syllablesSeen.size > 100_000) syllablesSeen.clear();
    syllablesSeen.set(term, s);
  }
  return s;
}

const FILLER_CHAR = 1;
const IN_FILLER_WORD = 2;
const LONGEST_FILLER = 4;

/** Per character of a text: in a filler word of several characters (什么, 可以), a filler character (了, 有), or neither (0). */
export function fillerMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    if (STOP_WORDS.has(text[i])) mask[i] = Math.max(mask[i], FILLER_CHAR);
    for (let n = LONGEST_FILLER; n >= 2; n--)
      if (STOP_WORDS.has(text.slice(i, i + n))) {
        mask.fill(IN_FILLER_WORD, i, i + n);
        break;
      }
  }
  return mask;
}

/**
 * Whether `typed` (at `start` of the text `mask` is of) is a typo of `term`: it keeps one of the term's
 * characters that is not filler (烧了 is not 少了: 了 says nothing), and no character of a filler word
 * (服什… is 服 and 什么, not 服饰) was mistyped; a filler character may be the typo only in a term of
 * three characters or more (无理有 for 无理由, not 不发 for 补发).
 */
function likelyTypo(typed: string, term: string, mask: Uint8Array, start: number): boolean {
  let kept = false;
  for (let i = 0; i < term.length; i++) {
    // What was typed decides whether the typo is filler: 配队 is a typo of 配对 though 对 alone is filler.
    const typedFiller = mask[start + i];
    if (typed[i] === term[i]) kept ||= Math.max(typedFiller, STOP_WORDS.has(term[i]) ? FILLER_CHAR : 0) === 0;
    else if (typedFiller === IN_FILLER_WORD || (typedFiller === FILLER_CHAR && term.length < 3)) return false;
  }
  return kept;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  terms: { text: string; value: T }[];
}

export interface SoundMatch<T> {
  /** The term it sounds like. */
  text: string;
  value: T;
  /** Characters of the question it spans. */
  length: number;
}

/** Terms by their syllables, to find the term a run of characters sounds like. */
export class SoundTrie<T> {
  private readonly root: Node<T> = { next: new Map(), terms: [] };
  private longest = 0;

  add(text: string, value: T): void {
    const syllables = syllablesOf(text);
    if (!syllables || syllables.length !== text.length || syllables.length < 2) return;
    let node = this.root;
    for (const s of syllables) {
      let child = node.next.get(s);
      if (!child) node.next.set(s, (child = { next: new Map(), terms: [] }));
      node = child;
    }
    node.terms.push({ text, value });
    this.longest = Math.max(this.longest, syllables.length);
  }

  /**
   * The longest term the characters of `text` from `start` sound like, at most `max` of them, that
   * is not written the same and shares at least one character in its place (two characters sounding
   * alike by chance are common; a typo keeps the others). Filler characters neither count as shared
   * nor as the typo (烧了 is not 少了, 不是 not 不适): they sound like too much.
   */
  matchAt(text: string, start: number, mask = fillerMask(text), max = Infinity): SoundMatch<T> | null {
    const end = Math.min(text.length, start + Math.min(max, this.longest));
    let best: SoundMatch<T> | null = null;
    const walk = (node: Node<T>, at: number) => {
      const length = at - start;
      if (length >= 2 && (!best || length > best.length)) {
        const typed = text.slice(start, at);
        const term = node.terms.find((t) => t.text !== typed && likelyTypo(typed, t.text, mask, start));
        if (term) best = { text: term.text, value: term.value, length };
      }
      if (at >= end || !HAN_ONLY.test(text[at])) return;
      for (const r of readings(text[at])) {
        const child = node.next.get(r);
        if (child) walk(child, at + 1);
      }
    };
    walk(this.root, start);
    return best;
  }
}
