import { type GuardText, looseSpan, normSpan } from './guard-text.js';

/** A contact detail found in a text: original UTF-16 range and what it is. */
export interface ContactHit {
  start: number;
  end: number;
  what: 'phone' | 'im_id' | 'link';
  /** The digits of a phone number, the host of a link, the id after a cue. */
  value: string;
}

// Digits as agents spell them to get past a filter: Chinese numerals, financial numerals, 幺 for 1.
const DIGIT: Record<string, string> = { 〇: '0', 零: '0', 洞: '0', 一: '1', 壹: '1', 幺: '1', 二: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4', 五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9' };
const digitOf = (c: string): string | undefined => (c >= '0' && c <= '9' ? c : DIGIT[c]);
// What may stand between the digits of one number: "138 1234-5678", "138.1234.5678", "(021) 5555 1234".
const SEPARATOR = /[\s\-._/\\(),、·*|~:;'"+—–。#]/;
const MAX_GAP = 3;

interface DigitRun {
  digits: string;
  from: number;
  to: number;
}

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
const SERVICE = /^[48]00\d{7}$/;
const LANDLINE = /^0[1-9]\d{8,10}$/;

function isPhone(digits: string, runs: DigitRun[]): boolean {
  if (MOBILE.test(digits)) return true;
  // Landline and 400/800 numbers look like dates and amounts when cut anyhow: only as one run, an
  // area code then the number, or digit by digit.
  const shaped = runs.length === 1 || runs[0].digits.length === 3 || runs[0].digits.length === 4 || runs.every((r) => r.digits.length === 1);
  return shaped && (SERVICE.test(digits) || LANDLINE.test(digits));
}

/** Mobile, landline and 400/800 numbers, also spaced, dashed, full-width or in Chinese numerals. */
export function findPhones(t: GuardText): ContactHit[] {
  const runs: DigitRun[][] = [];
  let chain: DigitRun[] = [];
  let current: DigitRun | null = null;
  let gap = 0;
  const norm = t.norm;
  for (let i = 0; i <= norm.length; i++) {
    const c = i < norm.length ? norm[i] : '';
    const d = c ? digitOf(c) : undefined;
    if (d !== undefined) {
      if (current) {
        current.digits += d;
        current.to = i + 1;
      } else {
        if (gap > MAX_GAP && chain.length) {
          runs.push(chain);
          chain = [];
        }
        current = { digits: d, from: i, to: i + 1 };
        chain.push(current);
      }
      gap = 0;
      continue;
    }
    current = null;
    if (c && SEPARATOR.test(c)) {
      gap++;
      continue;
    }
    if (chain.length) runs.push(chain);
    chain = [];
    gap = 0;
  }
  const hits: ContactHit[] = [];
  for (const chain of runs) {
    for (let i = 0; i < chain.length; ) {
      let found = -1;
      let digits = '';
      for (let j = i; j < chain.length; j++) {
        digits += chain[j].digits;
        if (digits.length > 15) break;
        if (isPhone(digits, chain.slice(i, j + 1))) found = j;
      }
      if (found < 0) {
        i++;
        continue;
      }
      const all = chain.slice(i, found + 1).map((r) => r.digits).join('');
      hits.push({ ...normSpan(t, chain[i].from, chain[found].to), what: 'phone', value: all.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '') });
      i = found + 1;
    }
  }
  return hits;
}

// The ways agents write WeChat and QQ, and how they go on to the id ("微信号是", "vx:", "wechat id").
const IM_CUE = /(微信|威信|薇信|徽信|维信|唯信|微心|危信|喂信|v信|vx|wx|weixin|wechat|vchat|qq|扣扣|企鹅|抠抠|加v|加我v)((?:号码|账号|号|是|为|搜索|搜|加|id|is|me|at){0,3})([a-z][a-z0-9]{5,19}|\d{5,12})/g;
const ASCII_CUE = /^[a-z]/;

/** A WeChat or QQ id after one of its cue words, in any of their spellings. */
export function findImIds(t: GuardText): ContactHit[] {
  const hits: ContactHit[] = [];
  for (const m of t.loose.matchAll(IM_CUE)) {
    const from = m.index;
    const to = from + m[0].length;
    if (ASCII_CUE.test(m[1])) {
      // An ASCII cue must start a word ("wx" in "newxbox" is none), and after one a word without a
      // digit is English ("wechat is broken"), not an id.
      const before = t.norm[t.looseToNorm[from] - 1];
      if ((before !== undefined && /[a-z0-9]/.test(before)) || /^[a-z]+$/.test(m[3])) continue;
    }
    hits.push({ ...looseSpan(t, from, to), what: 'im_id', value: m[3] });
  }
  return hits;
}

// Labels bounded ({1,6}): with `+`, a long "a.a.a.a…" without a TLD would backtrack quadratically.
const LINK = /(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|。|点)){1,6}(?:com|cn|net|org|top|xyz|vip|shop|cc|me|io|co|info|link|site|online|club|app|ltd|wang|ink|hk|tv|biz))(?![a-z0-9])(?:[/?#][^\s]*)?/g;

/** Links whose host is not one of `allowed` (the store's platform's domains); null allows every host. */
export function findLinks(t: GuardText, allowed: readonly string[] | null): ContactHit[] {
  if (allowed === null) return [];
  const hits: ContactHit[] = [];
  for (const m of t.norm.matchAll(LINK)) {
    const host = m[1].replace(/[。点]/g, '.');
    if (allowed.some((d) => host === d || host.endsWith(`.${d}`))) continue;
    hits.push({ ...normSpan(t, m.index, m.index + m[0].length), what: 'link', value: host });
  }
  return hits;
}

/** Every off-platform contact detail of a text; `ownPhones` (the customer's own numbers) are not one. */
export function findContacts(t: GuardText, allowedHosts: readonly string[] | null, ownPhones: readonly string[] = []): ContactHit[] {
  const phones = findPhones(t).filter((p) => !ownPhones.includes(p.value));
  const all = [...phones, ...findImIds(t), ...findLinks(t, allowedHosts)].sort((a, b) => a.start - b.start || b.end - a.end);
  // One hit per place: "微信 13812345678" is an id after a cue and a phone number.
  const kept: ContactHit[] = [];
  for (const h of all) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept;
}
