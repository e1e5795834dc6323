// Features of a customer's after-sales message for the root-cause classifier. Pure: the same text
// always gives the same features, in training, in the api and in the evaluation script.
import * as OpenCC from 'opencc-js';
import { stemmer } from 'stemmer';
import { jieba } from '../text/jieba.js';

/** Weighted features: name → weight. */
export type Features = Map<string, number>;

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

const HAN = /\p{Script=Han}/u;
const LATIN = /^[a-z][a-z']*$/;
const EMOJI = /\p{Extended_Pictographic}/gu;
/** Order, tracking and phone numbers say nothing about the cause. */
const IDENTIFIER = /[a-z]{0,4}\d[\d-]{4,}\d/gi;
const MONEY = /[¥￥$]\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s?(?:元|块钱|块|rmb|yuan)/gi;

/** Words that turn the next few words around ("没坏", "not broken", "won't switch on"). */
const NEGATIONS = new Set(['不', '没', '没有', '未', '别', '无', '不是', '不能', '不会', '没法', 'not', 'no', 'never', "n't", 'nt', 'dont', 'didnt', 'doesnt', 'wont', 'cant', 'cannot', 'isnt', 'wasnt', 'arent', 'havent', 'hasnt']);
/**
 * "The box was fine, but it won't switch on": what follows a contrast is the complaint, what comes
 * before it is often what is *not* wrong. Words after one weigh more, words before it less.
 */
const CONTRASTS = new Set(['但是', '但', '可是', '就是', '不过', '然而', '结果', '却', '只是', 'but', 'however', 'though', 'although', 'yet', 'except']);
const CLAUSE_END = /^[,，.。!！?？;；~～\s…、]+$/;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;

/** Full-width to half-width, traditional to simplified, lower case; identifiers and amounts become placeholders. */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(MONEY, ' 金额 ')
    .replace(IDENTIFIER, ' ')
    .replace(/([a-z])\1{2,}/g, '$1$1') // "sooooo" → "soo"
    .replace(/\b(\w+)n['’]t\b/g, '$1nt'); // "won't" → "wont": one word, so the negation is seen
}

const add = (f: Features, name: string, w: number) => f.set(name, (f.get(name) ?? 0) + w);

/**
 * Words (jieba for Chinese, stemmed English), negated words (`neg:` prefix), Chinese character
 * bigrams and English character trigrams (robust to typos and to segmentation mistakes), emoji.
 */
export function causeFeatures(text: string): Features {
  const normalized = normalizeText(text);
  const f: Features = new Map();
  for (const e of normalized.match(EMOJI) ?? []) add(f, `e:${e}`, 1);
  const tokens = jieba()
    .cut(normalized.replace(EMOJI, ' '), true)
    .map((t) => t.trim())
    .filter(Boolean);
  const contrastAt = tokens.findIndex((t) => CONTRASTS.has(t));
  let negation = 0;
  let previous: string | null = null;
  tokens.forEach((token, i) => {
    if (CLAUSE_END.test(token)) {
      negation = 0;
      previous = null;
      return;
    }
    const weight = contrastAt < 0 ? 1 : i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
    const isNegation = NEGATIONS.has(token.replace(/'/g, '')) || token.endsWith("n't");
    const word = LATIN.test(token) ? stemmer(token.replace(/'/g, '')) : token;
    if (!HAN.test(token) && !LATIN.test(token) && !/^\d+$/.test(token)) return;
    add(f, `w:${word}`, weight);
    // Word pairs carry what single words cannot: "too small", "not working", "没 收到".
    if (previous) add(f, `b:${previous}_${word}`, 0.5 * weight);
    previous = word;
    if (negation > 0 && !isNegation) {
      add(f, `neg:${word}`, weight);
      negation--;
    }
    if (isNegation) negation = 3;
    if (LATIN.test(token) && token.length > 3) for (let k = 0; k + 3 <= token.length; k++) add(f, `c3:${token.slice(k, k + 3)}`, 0.3 * weight);
  });
  // Character bigrams over each run of Chinese characters.
  for (const run of normalized.match(/\p{Script=Han}+/gu) ?? []) for (let k = 0; k + 2 <= run.length; k++) add(f, `c2:${run.slice(k, k + 2)}`, 0.5);
  return f;
}
