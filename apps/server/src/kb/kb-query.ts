// From a query's words to weighted concepts and tsqueries. Pure: the search service resolves words
// to lexemes and document frequencies in PostgreSQL, this decides what to look for and how much
// each part of the query counts.
import { fillerMask, SoundTrie } from './kb-soundalike.js';
import { inDictionary, type QueryText, type QueryWord, specificity } from './kb-tokenizer.js';

/** A word as the index knows it: its lexemes (`english` configuration) and in how many published articles they all occur. */
export interface ResolvedToken {
  lexemes: string[];
  df: number;
  /** Index terms closest by trigrams, for a word the index does not know (typos). */
  near?: { term: string; df: number }[] | null;
}

export interface SynonymTerm {
  lexemes: string[];
  df: number;
  /** false: a stop word was dropped from it (`not working` → work), so its lexemes do not stand for it. */
  complete: boolean;
}

/**
 * A concept: the ways of saying it an article may use (its terms: a synonym group an admin added, or
 * a concept of the shipped lexicon, kb-concepts.ts) and the broader concepts it belongs to (a
 * product's category).
 */
export interface ConceptGroup {
  terms: SynonymTerm[];
  broader: ConceptGroup[];
  /** A detail (a city, a day): weighs `minorShare`. */
  minor?: boolean;
  /** Of the shipped lexicon (an admin's synonym group otherwise). */
  lexicon?: boolean;
  /** Goods (see kb-concepts.ts). */
  product?: boolean;
}

/** The concepts by each of their terms: lexemes (`refunds` and `refund` are one term), or words when a stop word is in it; Chinese terms as text. */
export interface SynonymTable {
  byLexemes: Map<string, ConceptGroup[]>;
  byWords: Map<string, ConceptGroup[]>;
  /** Terms of two Chinese characters or more, found anywhere in a question's text (whatever jieba made of it). */
  phrases: Map<string, ConceptGroup[]>;
  /** The most words a term spans. */
  longest: number;
  /** The most characters a phrase has. */
  longestPhrase: number;
  /** The phrases of the lexicon by their sound, for a question that misspells one by a character sounding alike (kb-soundalike). */
  sounds: SoundTrie<string>;
  /** Phrases that are only ever colloquial phrasings (能用多久, 过了退货): their own words are not the concept. */
  colloquial: Set<string>;
}

export const EMPTY_SYNONYMS: SynonymTable = { byLexemes: new Map(), byWords: new Map(), phrases: new Map(), longest: 1, longestPhrase: 0, sounds: new SoundTrie(), colloquial: new Set() };

export interface Alternative {
  lexemes: string[];
  /** How well finding this alternative answers the concept: 1 for the word itself. */
  factor: number;
}

export interface Concept {
  label: string;
  /** How much finding it counts in the score. */
  weight: number;
  /** Goods, or a detail: what the question is about rather than what it asks (see `scoreArticle`). */
  aside?: boolean;
  alternatives: Alternative[];
}

/** Tuning of the score (see kb-score.ts), set on the labelled queries of test/kb-eval. */
export const SEARCH_TUNING = {
  /** Below this (calibrated) score a result is not returned: it is more likely wrong than right. */
  threshold: 0.45,
  /** Candidates: articles found by a way of saying a concept that counts at least this much (a category two levels up does not bring candidates). */
  candidateFactor: 0.7,
  /**
   * The logistic from an article's coverage of the query, and how many concepts the query has (those
   * weighing at least `countedWeight`: a long question is rarely covered whole), to the calibrated
   * score (kb-search.service.ts).
   */
  calibration: { bias: -6.6, coverage: 10.9, concepts: 1.33, countedWeight: 0.5 },
  synonymFactor: 0.9,
  /** A concept's category (面霜 → 护肤品), per level up. */
  broaderFactor: 0.75,
  typoFactor: 0.8,
  partsFactor: 0.7,
  /** A word no article contains weighs this share of its specificity. */
  unknownShare: 0.6,
  /** A concept of one Chinese character weighs this share. */
  charShare: 0.5,
  /** A detail concept of the lexicon (a city, a day, "the item") weighs this share. */
  minorShare: 0.3,
  /** Goods weigh this share of a concept in a question: what it asks about the goods matters more (积木少了几块 → an article on missing items). */
  asideShare: 0.6,
  /** The share of their weight goods (and details) a question names and an article does not are let off (kb-score `scoreArticle`). */
  missingGoodsDiscount: 0.5,
  /** An article sharing only goods and details with a question that asks something else counts this much (咖啡是哪里产的 → an article on grinding coffee). */
  asideOnlyFactor: 0.5,
  /** What a question's character bigrams all found in an article's headings count (kb-score `gramScore`). */
  gramFactor: 0.8,
  minGrams: 4,
  /** A word the lexicon does not know weighs this share (it may be a product name as well as noise such as 发到 or 急用). */
  unlistedShare: 0.7,
  /**
   * A word neither the lexicon, the knowledge base nor general language knows (a typo, or characters
   * jieba glued together: 用微 of 用微信付) weighs this share more: it says little of what is asked.
   */
  strangerShare: 0.4,
  /** A global article counts this much for a store that has its own articles (a store's own answer first). */
  globalFactor: 0.92,
  /**
   * In the order of the results, a global article counts this much less (calibrated score) when the
   * store has its own articles among them: the store's own answer first unless the global one is
   * clearly better (a store's FAQ on a topic the seed also covers is written for its customers).
   */
  storeFirstMargin: 0.2,
  /** A word with no translation weighs this share of itself when an article in the other language is measured. */
  untranslatedShare: 0.5,
  /**
   * An article in the other language than asked for counts this much in its score: as much, an
   * answer is as likely right in either language (a lower factor lost cross-language answers).
   */
  otherLanguageFactor: 1,
};

const key = (lexemes: string[]) => lexemes.join(' ');
const DIGIT = /\d/;
const HAN_LEXEME = /\p{Script=Han}/u;
/** Lexemes an article in `lang` may hold: Chinese ones for zh, the others for en. */
export const writtenIn = (lexemes: string[], lang: 'zh' | 'en') => lexemes.every((l) => HAN_LEXEME.test(l) === (lang === 'zh'));

/** How many concepts of a query count in the calibration. */
export const countedConcepts = (concepts: readonly Concept[]) => concepts.filter((c) => c.weight >= SEARCH_TUNING.calibration.countedWeight).length;

/**
 * The score a search answers with, 0..1: how likely the article answers the question, from its
 * coverage of the query and the query's number of concepts, by a logistic fitted on the top hits of
 * the tuning questions (test/kb-eval; see README).
 */
export const calibrated = (coverage: number, concepts: number) => {
  const c = SEARCH_TUNING.calibration;
  return 1 / (1 + Math.exp(-(c.bias + c.coverage * coverage + c.concepts * Math.log(1 + concepts))));
};

/** The coverage whose calibrated score is the threshold: an article must be able to cover this share of the query to be a candidate (see `essentialConcepts`). */
export const minCoverage = (concepts: number) => {
  const c = SEARCH_TUNING.calibration;
  return (Math.log(SEARCH_TUNING.threshold / (1 - SEARCH_TUNING.threshold)) - c.bias - c.concepts * Math.log(1 + concepts)) / c.coverage;
};

/** How rare a term is in the knowledge base, 0..1 (1: in one article of all). */
export const rarity = (df: number, docs: number) => Math.log(1 + Math.max(docs, df, 1) / df) / Math.log(1 + Math.max(docs, df, 1));

/**
 * A concept's weight: how specific its words are in general language, scaled down a little when many
 * articles contain it; a concept no article contains weighs a fraction (`unknownShare`).
 */
export const conceptWeight = (specificity: number, df: number, docs: number) =>
  df > 0 ? specificity * (0.6 + 0.4 * rarity(df, docs)) : specificity * SEARCH_TUNING.unknownShare;

/** Damerau–Levenshtein distance (optimal string alignment), enough to tell a typo from another word. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The index term a misspelt word most likely meant: one edit away (two for long words), the most frequent. */
export function correction(lexeme: string, near: { term: string; df: number }[] | null | undefined): { term: string; df: number } | null {
  // Short words are too close to other words (song → long) to guess; a typo rarely hits the first letter.
  if (!near?.length || lexeme.length < 5) return null;
  const allowed = lexeme.length >= 8 ? 2 : 1;
  let best: { term: string; df: number; distance: number } | null = null;
  for (const n of near) {
    if (n.term === lexeme || !/^[a-z]+$/.test(n.term) || n.term[0] !== lexeme[0]) continue;
    // `tracking` is indexed as its stem `track`, and `trackng` does not stem: a stem plus a mangled ending counts as one edit.
    const distance = n.term.length >= 4 && lexeme.startsWith(n.term) && lexeme.length - n.term.length <= 3 ? 1 : editDistance(lexeme, n.term);
    if (distance > allowed) continue;
    if (!best || distance < best.distance || (distance === best.distance && n.df > best.df)) best = { ...n, distance };
  }
  return best && { term: best.term, df: best.df };
}

export interface PhraseMatch {
  start: number;
  end: number;
  groups: ConceptGroup[];
  /** The concepts of shorter phrases inside this one (顺丰 in 能发顺丰). */
  inner: ConceptGroup[];
  /** Not written as the phrase but sounding like it (兰牙 for 蓝牙): a typo. */
  soundalike?: boolean;
  /** The phrase, when an adverb was put inside it (质量太差 of 质量也太差). */
  said?: string;
}

/** Adverbs a customer puts inside a phrase (质量也太差, 钱还没退): a phrase is found across them. */
const INSERTED = new Set([...'也都还就又真可']);

/**
 * The phrases of the table found in a text, longest first from left to right, not overlapping: as
 * written, or as a run of characters that sounds like one (kb-soundalike) and is longer than any
 * written at that place.
 */
export function findPhrases(text: string, table: SynonymTable): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  const longestAt = (i: number, max: number) => {
    for (let n = Math.min(max, table.longestPhrase, text.length - i); n >= 2; n--) {
      const groups = table.phrases.get(text.slice(i, i + n));
      if (groups) return { n, groups };
    }
    return null;
  };
  const mask = fillerMask(text);
  /** A phrase said with an adverb put inside it (质量也太差 for 质量太差): the longest at `i`, its length in the text. */
  const spacedAt = (i: number) => {
    let compact = '';
    let best: { n: number; groups: ConceptGroup[]; said: string } | null = null;
    for (let j = i; j < text.length && compact.length < table.longestPhrase; j++) {
      if (j > i && INSERTED.has(text[j])) continue;
      compact += text[j];
      const groups = compact.length >= 3 && j + 1 - i > compact.length ? table.phrases.get(compact) : undefined;
      if (groups) best = { n: j + 1 - i, groups, said: compact };
    }
    return best;
  };
  for (let i = 0; i < text.length; ) {
    const spaced = spacedAt(i);
    const plain = longestAt(i, Infinity);
    const written = spaced && spaced.n > (plain?.n ?? 0) ? spaced : plain;
    const sound = table.sounds.matchAt(text, i, mask);
    if (sound && sound.length > (written?.n ?? 0)) {
      found.push({ start: i, end: i + sound.length, groups: table.phrases.get(sound.text) ?? [], inner: [], soundalike: true });
      i += sound.length;
      continue;
    }
    const hit = written;
    if (!hit) {
      i++;
      continue;
    }
    const inner = new Set<ConceptGroup>();
    for (let j = i; j < i + hit.n; j++) {
      const sub = longestAt(j, i + hit.n - j - (j === i ? 1 : 0));
      for (const g of sub?.groups ?? []) if (!hit.groups.includes(g)) inner.add(g);
    }
    found.push({ start: i, end: i + hit.n, groups: hit.groups, inner: [...inner], said: hit === spaced ? spaced.said : undefined });
    // A phrase starting inside this one and ending past it is read too (几天能到|到账 of 几天能到账):
    // the longest match must not swallow the start of the next term.
    let next = i + hit.n;
    for (let j = i + 1; j < i + hit.n; j++)
      if ((longestAt(j, Infinity)?.n ?? 0) > i + hit.n - j) {
        next = j;
        break;
      }
    i = next;
  }
  return found;
}

/** Every way of saying the concepts of `groups`: their terms (synonyms), then their categories' terms for less, level by level. */
function groupAlternatives(groups: ConceptGroup[], add: (alt: Alternative, df: number) => void, factor = SEARCH_TUNING.synonymFactor, seen = new Set<ConceptGroup>()) {
  const up: ConceptGroup[] = [];
  for (const g of groups) {
    if (seen.has(g)) continue;
    seen.add(g);
    for (const term of g.terms) if (term.complete) add({ lexemes: term.lexemes, factor }, term.df);
    up.push(...g.broader);
  }
  if (up.length && factor > 0.3) groupAlternatives(up, add, factor * SEARCH_TUNING.broaderFactor, seen);
}

/**
 * The concepts of a query: first the lexicon's Chinese phrases found in its text (保质期, 能用多久,
 * 羊绒衫…), each taking in the words it spans; then each other word (or run of words forming a
 * synonym term) — with the ways an article may express it: the word, its synonyms and categories,
 * the word it misspells, its parts — and a weight (see `conceptWeight`, times the emphasis of its
 * sentence). Words no article contains still weigh (a question about something the knowledge base
 * does not cover is not answered by an article about something else), but less.
 */
export function buildConcepts(query: QueryText | QueryWord[], resolved: Map<string, ResolvedToken>, synonyms: SynonymTable, docs: number): Concept[] {
  const q: QueryText = Array.isArray(query) ? { text: '', words: query, grams: [], emphasisAt: () => 1 } : query;
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const infoOf = (w: QueryWord) => resolved.get(w.text) ?? { lexemes: [], df: 0 };

  const absorbed = new Set<QueryWord>();
  const seenGroups = new Set<string>();
  const ids = new Map<ConceptGroup, number>();
  const groupKey = (groups: ConceptGroup[]) => groups.map((g) => ids.get(g) ?? (ids.set(g, ids.size), ids.size - 1)).sort((a, b) => a - b).join(',');
  const straddles = (w: QueryWord, start: number, end: number) => (w.start < start && w.end > start) || (w.start < end && w.end > end);
  const spans: [number, number][] = [];
  for (const phrase of findPhrases(q.text, synonyms)) {
    // A typo read by sound does not cut through a word of general language (发美 of 发美国 is not 发霉).
    if (phrase.soundalike && q.words.some((w) => w.text.length >= 2 && straddles(w, phrase.start, phrase.end) && inDictionary(w.text))) continue;
    const label = q.text.slice(phrase.start, phrase.end);
    spans.push([phrase.start, phrase.end]);
    const inside = q.words.filter((w) => w.start >= phrase.start && w.end <= phrase.end);
    for (const w of inside) absorbed.add(w);
    // What jieba glued across the phrase's edge out of no word (用微 and 信付 around 微信) is no word of the question.
    for (const w of q.words) if (straddles(w, phrase.start, phrase.end) && !inDictionary(w.text)) absorbed.add(w);
    // Two ways of saying one concept in a question (台灯…灯罩) are one concept.
    const groups = groupKey(phrase.groups);
    if (seen.has(label) || seenGroups.has(groups)) continue;
    seen.add(label);
    seenGroups.add(groups);
    const alternatives: Alternative[] = [];
    const dfs: number[] = [];
    const add = (alt: Alternative, df: number) => {
      if (!alt.lexemes.length || alternatives.some((a) => key(a.lexemes) === key(alt.lexemes))) return;
      alternatives.push(alt);
      dfs.push(df);
    };
    // The words themselves first (factor 1), when the index knows each of them; not those of a
    // colloquial phrasing (多久 of 多久能到 is in every article on how long anything takes) or a typo.
    const own = inside.map(infoOf);
    if (inside.length && own.every((t) => t.lexemes.length) && !phrase.soundalike && !synonyms.colloquial.has(phrase.said ?? label)) add({ lexemes: own.flatMap((t) => t.lexemes), factor: 1 }, Math.min(...own.map((t) => t.df)));
    groupAlternatives(phrase.groups, add, SEARCH_TUNING.synonymFactor * (phrase.soundalike ? SEARCH_TUNING.typoFactor : 1));
    groupAlternatives(phrase.inner, add, SEARCH_TUNING.synonymFactor * SEARCH_TUNING.partsFactor);
    if (!alternatives.length) continue;
    const spec = inside.length ? Math.max(...inside.map((w) => w.specificity)) : specificity(label);
    const emphasis = Math.max(q.emphasisAt(phrase.start), ...inside.map((w) => w.emphasis));
    const aside = phrase.groups.every((g) => g.minor || g.product);
    const share = phrase.groups.every((g) => g.minor) ? SEARCH_TUNING.minorShare : aside ? SEARCH_TUNING.asideShare : 1;
    concepts.push({ label, weight: share * emphasis * conceptWeight(spec, Math.max(...dfs), docs), aside, alternatives });
  }

  // A run jieba glued out of words (粮猫) that no article holds is those words, less those a phrase took in.
  const unglue = (w: QueryWord) =>
    w.glued?.length && !infoOf(w).df ? w.glued.filter((p) => !spans.some(([start, end]) => p.start >= start && p.end <= end)) : [w];
  const tokens = q.words.filter((w) => !absorbed.has(w)).flatMap(unglue).map((w) => ({ word: w, info: infoOf(w) }));
  for (let i = 0; i < tokens.length; ) {
    // The longest run of words that is a synonym term, else the word alone.
    let span = 1;
    let groups: ConceptGroup[] | undefined;
    for (let n = Math.min(synonyms.longest, tokens.length - i); n >= 1 && !groups; n--) {
      const run = tokens.slice(i, i + n);
      groups = synonyms.byWords.get(key(run.map((t) => t.word.text)));
      if (!groups && run.every((t) => t.info.lexemes.length)) groups = synonyms.byLexemes.get(key(run.flatMap((t) => t.info.lexemes)));
      if (groups) span = n;
    }
    const run = tokens.slice(i, i + span);
    i += span;
    const lexemes = run.flatMap((t) => t.info.lexemes);
    // Words the index drops (English stop words) are no concept, unless part of a synonym term.
    const complete = run.every((t) => t.info.lexemes.length);
    if (!lexemes.length && !groups) continue;
    const label = run.map((t) => t.word.text).join(' ');
    if (seen.has(label)) continue;
    seen.add(label);

    const alternatives: Alternative[] = complete ? [{ lexemes, factor: 1 }] : [];
    const dfs: number[] = [complete && run.length === 1 ? run[0].info.df : 0];
    const add = (alt: Alternative, df: number) => {
      if (alternatives.some((a) => key(a.lexemes) === key(alt.lexemes))) return;
      alternatives.push(alt);
      dfs.push(df);
    };
    if (groups) groupAlternatives(groups, add);
    if (run.length === 1 && complete) {
      const { word, info } = run[0];
      if (info.df === 0 && info.lexemes.length === 1) {
        const fix = correction(info.lexemes[0], info.near);
        if (fix) {
          add({ lexemes: [fix.term], factor: SEARCH_TUNING.typoFactor }, fix.df);
          const fixed = synonyms.byLexemes.get(fix.term);
          if (fixed) groupAlternatives(fixed, add, SEARCH_TUNING.typoFactor * SEARCH_TUNING.synonymFactor);
        }
      }
      const parts = word.parts.map((p) => ({ ...p, info: resolved.get(p.text) })).filter((p) => p.info && p.info.lexemes.length > 0);
      if (parts.length && info.df > 0) {
        // A known compound may be split in an article (礼品…包装): all its parts.
        add({ lexemes: [...new Set(parts.flatMap((p) => p.info!.lexemes))], factor: SEARCH_TUNING.partsFactor }, Math.min(...parts.map((p) => p.info!.df)));
      } else {
        // An unknown compound (辨别真假): any of its parts, as much as that part says of the whole.
        for (const p of parts) add({ lexemes: p.info!.lexemes, factor: SEARCH_TUNING.partsFactor * Math.min(1, p.specificity / word.specificity) }, p.info!.df);
      }
    }
    if (!alternatives.length) continue;
    // A lone Chinese character is as often a fragment (货, 到) as a word: it counts half.
    const fragment = run.length === 1 && /^\p{Script=Han}$/u.test(label) ? SEARCH_TUNING.charShare : 1;
    const emphasis = Math.max(...run.map((t) => t.word.emphasis ?? 1));
    // A word with a digit (128g, s24, 50%) is a measure or a model number: a detail.
    const measure = !groups && DIGIT.test(label);
    const stranger = !groups && !measure && dfs[0] === 0 && alternatives.length === 1 && run.every((t) => !inDictionary(t.word.text));
    const share = measure
      ? SEARCH_TUNING.minorShare
      : stranger
        ? SEARCH_TUNING.unlistedShare * SEARCH_TUNING.strangerShare
        : !groups
      ? SEARCH_TUNING.unlistedShare
      : groups.every((g) => g.minor)
        ? SEARCH_TUNING.minorShare
        : groups.every((g) => g.minor || g.product)
          ? SEARCH_TUNING.asideShare
          : 1;
    const spec = Math.max(...run.map((t) => t.word.specificity));
    const weight = share * emphasis * fragment * conceptWeight(spec, Math.max(...dfs), docs);
    const aside = measure || !!groups?.every((g) => g.minor || g.product);
    concepts.push({ label, weight, aside, alternatives });
  }
  return concepts;
}

/** Lexemes as a tsquery that matches an article containing all of them. */
const operand = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
export const tsquery = (lexemes: string[]) => lexemes.map(operand).join(' & ');

/**
 * The concepts an article must match at least one of to reach `threshold`: the heaviest ones until
 * the rest could not reach it alone. Keeps the candidate set small when a query has common words.
 */
export function essentialConcepts(concepts: Concept[], threshold: number): Concept[] {
  const total = concepts.reduce((s, c) => s + c.weight, 0);
  const sorted = [...concepts].sort((a, b) => b.weight - a.weight);
  const essential: Concept[] = [];
  let covered = 0;
  for (const c of sorted) {
    essential.push(c);
    covered += c.weight;
    if (total - covered < threshold * total) break;
  }
  return essential;
}

/**
 * The tsquery of the candidates: articles matching any way of saying one of the essential concepts
 * (those that count at least `SEARCH_TUNING.candidateFactor`), each way once, and none that asks for
 * a lexeme another way asks for alone (退货 & 退款 when 退货 is there): the same articles, a shorter
 * query for PostgreSQL to test. With `lang`, only the ways written in that language (Chinese lexemes
 * for zh, the others for en): those that can find an article in it.
 */
export function candidateQuery(concepts: Concept[], threshold: number, lang?: 'zh' | 'en'): string {
  const ways = essentialConcepts(concepts, threshold).flatMap((c) =>
    c.alternatives.filter((a) => a.factor >= SEARCH_TUNING.candidateFactor && (!lang || writtenIn(a.lexemes, lang))).map((a) => a.lexemes),
  );
  const single = new Set(ways.filter((w) => w.length === 1).map((w) => w[0]));
  const kept = new Map<string, string[]>();
  for (const w of ways) if (w.length === 1 || !w.some((l) => single.has(l))) kept.set(key(w), w);
  return [...kept.values()].map((w) => `(${tsquery(w)})`).join(' | ');
}
