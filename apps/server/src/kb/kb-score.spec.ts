import { describe, expect, it } from '@jest/globals';
import type { Concept } from './kb-query.js';
import { type ArticleTerms, FIELD, fieldsOf, scoreArticle } from './kb-score.js';

/** An article's index from `lexeme: weights` as `unnest(tsvector)` gives them. */
const article = (terms: Record<string, string>, titleWords = 2): ArticleTerms => ({
  fields: (lexeme) => (lexeme in terms ? fieldsOf(terms[lexeme]) : 0),
  titleWords,
});

const returns: Concept = {
  label: '退货',
  weight: 2,
  alternatives: [
    { lexemes: ['退货'], factor: 1 },
    { lexemes: ['money', 'back'], factor: 0.9 },
  ],
};
const shipping: Concept = { label: '运费', weight: 1, alternatives: [{ lexemes: ['运费'], factor: 1 }] };
const concepts = [returns, shipping];
const total = 3;

describe('kb score', () => {
  it('reads tsvector weights as fields, D as the similar questions', () => {
    expect(fieldsOf('AC')).toBe(FIELD.title | FIELD.body);
    expect(fieldsOf('B')).toBe(FIELD.tags);
    expect(fieldsOf('D')).toBe(FIELD.questions);
    expect(fieldsOf('')).toBe(FIELD.body);
  });

  it.each([
    ['both concepts in the title, title all query', { 退货: 'A', 运费: 'A' }, 2, 1],
    ['both in the title, title twice as long as the query', { 退货: 'A', 运费: 'A' }, 4, 0.925],
    ['the main concept in tags, the other in the body', { 退货: 'B', 运费: 'C' }, 2, (2 * 0.85 + 0.6) / 3 * 0.85],
    ['only the main concept, in the body', { 退货: 'C' }, 2, ((2 * 0.6) / 3) * 0.85],
    ['the synonym phrase in the title', { money: 'A', back: 'A' }, 2, ((2 * 0.9) / 3) * (0.85 + 0.15 * 0.5)],
    ['the synonym phrase split over title and body counts as body', { money: 'A', back: 'C' }, 2, ((2 * 0.9 * 0.6) / 3) * 0.85],
    ['half of the synonym phrase', { money: 'A' }, 2, 0],
    ['nothing of the query', { 发票: 'A' }, 2, 0],
  ])('%s', (_name, terms, titleWords, expected) => {
    expect(scoreArticle(article(terms, titleWords), concepts, total)).toBeCloseTo(expected, 6);
  });

  it('counts a similar question like the title', () => {
    expect(scoreArticle(article({ 退货: 'D', 运费: 'D' }), concepts, total)).toBeCloseTo(scoreArticle(article({ 退货: 'A', 运费: 'A' }), concepts, total), 6);
    expect(scoreArticle(article({ 退货: 'D', 运费: 'C' }), concepts, total)).toBeGreaterThan(scoreArticle(article({ 退货: 'C', 运费: 'C' }), concepts, total));
  });

  it('counts a concept by its best way of being found, never twice', () => {
    const both = scoreArticle(article({ 退货: 'C', money: 'A', back: 'A' }), [returns], 2);
    expect(both).toBeCloseTo(0.9 * (0.85 + 0.15 * 0.5), 6);
  });

  it('halves an article that shares only goods with a question asking something else', () => {
    const coffee: Concept = { label: '咖啡', weight: 3, aside: true, alternatives: [{ lexemes: ['咖啡'], factor: 1 }] };
    const origin: Concept = { label: '产地', weight: 1, alternatives: [{ lexemes: ['产地'], factor: 1 }] };
    const grinding = article({ 咖啡: 'A', 研磨: 'A' });
    expect(scoreArticle(grinding, [coffee, origin], 4)).toBeCloseTo((3 / 4) * (0.85 + 0.15 * 0.5) * 0.5, 6);
    expect(scoreArticle(article({ 咖啡: 'A', 产地: 'A' }), [coffee, origin], 4)).toBeCloseTo(1, 6);
    // A question about goods alone is answered by an article about them.
    expect(scoreArticle(grinding, [coffee], 3)).toBeCloseTo(0.85 + 0.15 * 0.5, 6);
  });

  it('lets off half of the goods a question names and an article on its problem does not', () => {
    const cream: Concept = { label: '面霜', weight: 2, aside: true, alternatives: [{ lexemes: ['面霜'], factor: 1 }] };
    const damaged: Concept = { label: '碎了', weight: 2, alternatives: [{ lexemes: ['破损'], factor: 0.9 }] };
    // 面霜瓶子碎了 → an article on damaged parcels: 0.9 of 碎了 over a total where 面霜 counts half.
    expect(scoreArticle(article({ 破损: 'A', 包裹: 'A' }), [cream, damaged], 4)).toBeCloseTo(((2 * 0.9) / 3) * (0.85 + 0.15 * 0.5), 6);
    // Named, the goods count whole.
    expect(scoreArticle(article({ 破损: 'A', 面霜: 'A' }), [cream, damaged], 4)).toBeCloseTo((2 + 2 * 0.9) / 4, 6);
  });

  it('ranks the article about the question above one that mentions it', () => {
    const about = scoreArticle(article({ 退货: 'A', 运费: 'A' }, 3), concepts, total);
    const mentions = scoreArticle(article({ 退货: 'C', 运费: 'C' }, 3), concepts, total);
    expect(about).toBeGreaterThan(mentions);
  });
});
