// The score of one article for a query, from the article's index terms. Pure: the search service
// finds the candidates with the GIN index and knows each candidate's terms (KbRankedArticles); this
// decides how well each answers the query's concepts.
import { type Concept, SEARCH_TUNING } from './kb-query.js';

/** Where an index term occurs, one bit per tsvector weight: A title, B tags, C short answer and body, D similar questions. */
export const FIELD = { title: 1, tags: 2, body: 4, questions: 8 } as const;
const WEIGHT_BITS: Record<string, number> = { A: FIELD.title, B: FIELD.tags, C: FIELD.body, D: FIELD.questions };

/** The fields of a tsvector lexeme's weights as `unnest(tsvector)` gives them, e.g. `AC` → title | body; none given (no weight) is body. */
export const fieldsOf = (weights: string) => [...weights].reduce((bits, w) => bits | (WEIGHT_BITS[w] ?? 0), 0) || FIELD.body;

/** What an article's index holds: the fields a lexeme occurs in, 0 when it does not. */
export interface ArticleTerms {
  fields(lexeme: string): number;
  /** Distinct words of the title (its compounds counting once). */
  titleWords: number;
}

/** A similar question an agent's customers asked is another title of the article. */
const HEADING = FIELD.title | FIELD.questions;

/** How much a concept found in a field counts: the title is what the article is about. */
const PLACE_FACTOR = { title: 1, tags: 0.85, body: 0.6 };

/** The fields all the lexemes occur in (`money` & `back` both in the title…), or 0 when one is missing. */
function commonFields(terms: ArticleTerms, lexemes: string[]): number {
  let common = FIELD.title | FIELD.tags | FIELD.body | FIELD.questions;
  for (const lexeme of lexemes) {
    const fields = terms.fields(lexeme);
    if (!fields) return 0;
    common &= fields;
  }
  // Each lexeme occurs somewhere, not all in one field: the article still says it, as body text would.
  return common || FIELD.body;
}

/**
 * How well an article answers the query: the share of the query's weight it covers, each concept
 * counted by its best way of being found (the word 1, a synonym 0.9, a category 0.75, a corrected
 * typo 0.8, parts of a compound 0.7 — the alternative's factor) and where (title 1, tags 0.85, body
 * 0.6); then up to 15% off when the title has much the query does not ask about, so the article
 * *about* the question ranks above one that mentions it; half off when it shares only goods and
 * details with a question that asks something else. Goods the question names and the article does
 * not count `missingGoodsDiscount` less in the query's weight: an article on the problem answers it
 * whatever the goods.
 */
export function scoreArticle(terms: ArticleTerms, concepts: readonly Concept[], total: number): number {
  let covered = 0;
  let missingGoods = 0;
  let weights = 0;
  let inTitle = 0;
  let asks = false;
  let answers = false;
  for (const c of concepts) {
    asks ||= !c.aside;
    let best = 0;
    let titled = false;
    for (const alt of c.alternatives) {
      const fields = commonFields(terms, alt.lexemes);
      if (!fields) continue;
      const place = fields & HEADING ? PLACE_FACTOR.title : fields & FIELD.tags ? PLACE_FACTOR.tags : PLACE_FACTOR.body;
      best = Math.max(best, alt.factor * place);
      titled ||= (fields & HEADING) !== 0;
    }
    covered += c.weight * best;
    weights += c.weight;
    if (!best && c.aside) missingGoods += c.weight;
    if (titled) inTitle++;
    answers ||= best > 0 && !c.aside;
  }
  if (total <= 0 || weights <= 0) return 0;
  // An article on the problem answers it whatever the goods (面霜瓶子碎了 → an article on damaged parcels): goods it does not name count less.
  total *= 1 - (SEARCH_TUNING.missingGoodsDiscount * missingGoods) / weights;
  const titleFit = (0.85 + 0.15 * Math.min(1, inTitle / Math.max(terms.titleWords, 1))) * (asks && !answers ? SEARCH_TUNING.asideOnlyFactor : 1);
  return (covered / total) * titleFit;
}

/**
 * The share of a question's character bigrams an article's title, tags, short answer and similar
 * questions hold (kb-tokenizer `charGrams`), times `SEARCH_TUNING.gramFactor`: an article whose
 * headings say nearly what the question says answers it, however jieba cut either. Questions of
 * fewer than `minGrams` bigrams rely on their words.
 */
export function gramScore(terms: ArticleTerms, grams: readonly string[]): number {
  if (grams.length < SEARCH_TUNING.minGrams) return 0;
  let found = 0;
  for (const g of grams) if (terms.fields(g)) found++;
  return (found / grams.length) * SEARCH_TUNING.gramFactor;
}
