import { describe, expect, it } from '@jest/globals';
import { buildConcepts, candidateQuery, correction, editDistance, EMPTY_SYNONYMS, essentialConcepts, type ResolvedToken, type SynonymTable, tsquery } from './kb-query.js';
import { queryWords } from './kb-tokenizer.js';

const resolved = (entries: Record<string, Partial<ResolvedToken>>) =>
  new Map(Object.entries(entries).map(([t, r]) => [t, { lexemes: [t], df: 0, ...r } as ResolvedToken]));

describe('kb query', () => {
  it('corrects a typo to an index term one edit away with the same first letter, never a short word', () => {
    expect(editDistance('retrun', 'return')).toBe(1);
    expect(correction('refnd', [{ term: 'refund', df: 3 }, { term: 'rent', df: 9 }])).toEqual({ term: 'refund', df: 3 });
    expect(correction('retrun', [{ term: 'return', df: 3 }])).toEqual({ term: 'return', df: 3 });
    expect(correction('trackng', [{ term: 'track', df: 2 }])).toEqual({ term: 'track', df: 2 });
    expect(correction('song', [{ term: 'long', df: 3 }])).toBeNull();
    expect(correction('asdkjh', [{ term: 'address', df: 3 }])).toBeNull();
  });

  it('expands synonyms, weighs rare specific words above common ones and unknown words least', () => {
    const groups: SynonymTable = { ...EMPTY_SYNONYMS, byLexemes: new Map(), byWords: new Map() };
    const group = [
      { lexemes: ['退货'], df: 10, complete: true },
      { lexemes: ['退款'], df: 8, complete: true },
    ];
    groups.byLexemes.set('退货', [group]).set('退款', [group]);
    const words = queryWords('退货要多久 鞋子');
    const concepts = buildConcepts(words, resolved({ 退货: { df: 10 }, 多久: { df: 30 }, 鞋子: { df: 0 } }), groups, 50);
    expect(concepts.map((c) => c.label)).toEqual(['退货', '多久', '鞋子']);
    expect(concepts[0].alternatives).toEqual([
      { lexemes: ['退货'], factor: 1 },
      { lexemes: ['退款'], factor: 0.9 },
    ]);
    const [returns, howLong, shoes] = concepts.map((c) => c.weight);
    expect(returns).toBeGreaterThan(howLong);
    expect(shoes).toBeLessThan(howLong);
  });

  it('matches a synonym term with a stop word in it by its words, and never by what is left of it', () => {
    const group = [
      { lexemes: ['用不了'], df: 2, complete: true },
      { lexemes: ['work'], df: 0, complete: false },
    ];
    const table: SynonymTable = { byLexemes: new Map([['用不了', [group]]]), byWords: new Map([['not working', [group]]]), longest: 2 };
    const words = queryWords('coupon not working');
    const concepts = buildConcepts(words, resolved({ coupon: { df: 3 }, not: { lexemes: [] }, working: { lexemes: ['work'], df: 4 } }), table, 50);
    expect(concepts.map((c) => c.label)).toEqual(['coupon', 'not working']);
    expect(concepts[1].alternatives).toEqual([{ lexemes: ['用不了'], factor: 0.9 }]);
  });

  it('only looks at articles matching a word heavy enough to reach the threshold', () => {
    const concepts = [
      { label: 'a', weight: 10, alternatives: [{ lexemes: ['a'], factor: 1 }] },
      { label: 'b', weight: 1, alternatives: [{ lexemes: ['b'], factor: 1 }] },
    ];
    expect(essentialConcepts(concepts, 0.35).map((c) => c.label)).toEqual(['a']);
    expect(candidateQuery(concepts, 0.35)).toBe("('a')");
  });

  it('looks for every way of saying an essential concept', () => {
    const concept = {
      label: '退货',
      weight: 2,
      alternatives: [
        { lexemes: ['退货'], factor: 1 },
        { lexemes: ['money', 'back'], factor: 0.9 },
      ],
    };
    expect(candidateQuery([concept], 0.35)).toBe("('退货') | ('money' & 'back')");
  });

  it('quotes lexemes safely for tsquery', () => {
    expect(tsquery(["it's", 'a\\b'])).toBe("'it''s' & 'a\\\\b'");
  });
});
