import { describe, expect, it } from '@jest/globals';
import { buildConcepts, candidateQuery, correction, editDistance, EMPTY_SYNONYMS, essentialConcepts, findPhrases, type ResolvedToken, SEARCH_TUNING, type SynonymTable, tsquery } from './kb-query.js';
import { SoundTrie } from './kb-soundalike.js';
import { queryWords, readQuery, SEARCH_EMPHASIS } from './kb-tokenizer.js';

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
    const group = {
      terms: [
        { lexemes: ['退货'], df: 10, complete: true },
        { lexemes: ['退款'], df: 8, complete: true },
      ],
      broader: [],
    };
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
    const group = {
      terms: [
        { lexemes: ['用不了'], df: 2, complete: true },
        { lexemes: ['work'], df: 0, complete: false },
      ],
      broader: [],
    };
    const table: SynonymTable = { ...EMPTY_SYNONYMS, byLexemes: new Map([['用不了', [group]]]), byWords: new Map([['not working', [group]]]), longest: 2 };
    const words = queryWords('coupon not working');
    const concepts = buildConcepts(words, resolved({ coupon: { df: 3 }, not: { lexemes: [] }, working: { lexemes: ['work'], df: 4 } }), table, 50);
    expect(concepts.map((c) => c.label)).toEqual(['coupon', 'not working']);
    expect(concepts[1].alternatives).toEqual([{ lexemes: ['用不了'], factor: 0.9 }]);
  });

  it("finds the lexicon's Chinese phrases in the text whatever jieba made of them, with the concept's terms, shorter phrases inside and categories", () => {
    const skincare = { terms: [{ lexemes: ['护肤品'], df: 5, complete: true }], broader: [], lexicon: true, product: true };
    const faceCream = { terms: [{ lexemes: ['面霜'], df: 1, complete: true }, { lexemes: ['face', 'cream'], df: 2, complete: true }], broader: [skincare], lexicon: true, product: true };
    const shelfLife = { terms: [{ lexemes: ['保质期'], df: 4, complete: true }, { lexemes: ['shelf', 'life'], df: 1, complete: true }], broader: [], lexicon: true };
    const opened = { terms: [{ lexemes: ['开封'], df: 3, complete: true }], broader: [], lexicon: true };
    const table: SynonymTable = {
      ...EMPTY_SYNONYMS,
      phrases: new Map([
        ['面霜', [faceCream]],
        ['能用多久', [shelfLife]],
        ['开封', [opened]],
        ['开封后能用多久', [shelfLife]],
      ]),
      longestPhrase: 7,
    };
    const query = readQuery('这个面霜开封后能用多久');
    expect(findPhrases(query.text, table).map((p) => query.text.slice(p.start, p.end))).toEqual(['面霜', '开封后能用多久']);
    const concepts = buildConcepts(query, resolved({ 面霜: { df: 1 }, 开封: { df: 3 }, 用: { df: 9 }, 多久: { df: 6 } }), table, 50);
    expect(concepts.map((c) => c.label)).toEqual(['面霜', '开封后能用多久']);
    const [cream, life] = concepts;
    expect(cream.alternatives).toEqual([
      { lexemes: ['面霜'], factor: 1 },
      { lexemes: ['face', 'cream'], factor: 0.9 },
      { lexemes: ['护肤品'], factor: 0.9 * 0.75 },
    ]);
    expect(cream.aside).toBe(true);
    // The words it took in (factor 1), the concept's terms, the shorter phrase inside it (开封).
    expect(life.alternatives.map((a) => a.lexemes.join(' '))).toEqual(['开封 用 多久', '保质期', 'shelf life', '开封']);
    expect(life.aside).toBe(false);
    // A colloquial phrasing's own words are not the concept: 多久 is in every article on how long anything takes.
    const [, colloquial] = buildConcepts(query, resolved({ 面霜: { df: 1 }, 开封: { df: 3 }, 用: { df: 9 }, 多久: { df: 6 } }), { ...table, colloquial: new Set(['开封后能用多久']) }, 50);
    expect(colloquial.alternatives.map((a) => a.lexemes.join(' '))).toEqual(['保质期', 'shelf life', '开封']);
  });

  it('reads a phrase mistyped by a character sounding alike as the phrase, for less (兰牙 for 蓝牙)', () => {
    const bluetooth = { terms: [{ lexemes: ['蓝牙'], df: 3, complete: true }, { lexemes: ['bluetooth'], df: 1, complete: true }], broader: [], lexicon: true };
    const sounds = new SoundTrie<string>();
    sounds.add('蓝牙', '蓝牙');
    const table: SynonymTable = { ...EMPTY_SYNONYMS, phrases: new Map([['蓝牙', [bluetooth]]]), longestPhrase: 2, sounds };
    const query = readQuery('兰牙连不上');
    const [phrase] = findPhrases(query.text, table);
    expect({ text: query.text.slice(phrase.start, phrase.end), soundalike: phrase.soundalike }).toEqual({ text: '兰牙', soundalike: true });
    const [concept] = buildConcepts(query, resolved({}), table, 50);
    expect(concept.label).toBe('兰牙');
    expect(concept.alternatives.filter((a) => a.lexemes[0] === '蓝牙' || a.lexemes[0] === 'bluetooth')).toEqual([
      { lexemes: ['蓝牙'], factor: 0.9 * 0.8 },
      { lexemes: ['bluetooth'], factor: 0.9 * 0.8 },
    ]);
  });

  it('reads a phrase that starts inside the longest match and ends past it too (几天能到|到账)', () => {
    const howLong = { terms: [{ lexemes: ['配送时间'], df: 3, complete: true }], broader: [], lexicon: true };
    const refund = { terms: [{ lexemes: ['退款'], df: 3, complete: true }], broader: [], lexicon: true };
    const table: SynonymTable = { ...EMPTY_SYNONYMS, phrases: new Map([['几天能到', [howLong]], ['到账', [refund]], ['退款', [refund]]]), longestPhrase: 4 };
    const query = readQuery('退款几天能到账');
    expect(findPhrases(query.text, table).map((p) => query.text.slice(p.start, p.end))).toEqual(['退款', '几天能到', '到账']);
  });

  it('finds a phrase of three characters or more with an adverb put inside it (质量也太差), never a shorter one', () => {
    const quality = { terms: [{ lexemes: ['质量问题'], df: 3, complete: true }], broader: [], lexicon: true };
    const stock = { terms: [{ lexemes: ['有货'], df: 3, complete: true }], broader: [], lexicon: true };
    const table: SynonymTable = { ...EMPTY_SYNONYMS, phrases: new Map([['质量太差', [quality]], ['有货', [stock]]]), longestPhrase: 4, colloquial: new Set(['质量太差']) };
    const found = findPhrases('这质量也太差了吧', table);
    expect(found.map((p) => [p.start, p.end, p.said])).toEqual([[1, 6, '质量太差']]);
    expect(findPhrases('有也货', table)).toEqual([]);
    // Its own words are not the concept's when the phrase is a colloquial one.
    const [concept] = buildConcepts(readQuery('这质量也太差了吧'), resolved({ 质量: { df: 5 }, 太差: { df: 1 } }), table, 50);
    expect(concept).toMatchObject({ label: '质量也太差' });
    expect(concept.alternatives.map((a) => a.lexemes)).toEqual([['质量问题']]);
  });

  it('does not read a typo by sound across a word of general language (发美国 is not 发霉)', () => {
    const mould = { terms: [{ lexemes: ['发霉'], df: 3, complete: true }], broader: [], lexicon: true };
    const sounds = new SoundTrie<string>();
    sounds.add('发霉', '发霉');
    const table: SynonymTable = { ...EMPTY_SYNONYMS, phrases: new Map([['发霉', [mould]]]), longestPhrase: 2, sounds };
    const query = readQuery('发美国要多少运费');
    expect(findPhrases(query.text, table).some((p) => p.soundalike)).toBe(true);
    const concepts = buildConcepts(query, resolved({ 美国: { df: 1 }, 运费: { df: 4 } }), table, 50);
    expect(concepts.map((c) => c.label)).toContain('美国');
    expect(concepts.some((c) => c.alternatives.some((a) => a.lexemes[0] === '发霉'))).toBe(false);
  });

  it('reads a run jieba glued out of words as those words only when no article holds the run', () => {
    const labels = (df: number) => buildConcepts(readQuery('粮猫吐了'), resolved({ 粮猫: { df }, 粮: { df: 3 }, 猫: { df: 5 }, 吐: { df: 2 } }), EMPTY_SYNONYMS, 50).map((c) => c.label);
    expect(labels(0)).toEqual(expect.arrayContaining(['粮', '猫', '吐']));
    expect(labels(0)).not.toContain('粮猫');
    expect(labels(2)).toEqual(expect.arrayContaining(['粮猫', '吐']));
    expect(labels(2)).not.toContain('粮');
  });

  it('weighs a word no dictionary knows less than one of general language, and a measure as a detail', () => {
    // 兰牙耳鸡 (蓝牙耳机 mistyped) and 电话 are both in no article; only 电话 is a word of general language.
    const [typo] = buildConcepts(readQuery('兰牙耳鸡'), resolved({ 兰牙耳鸡: { df: 0 } }), EMPTY_SYNONYMS, 50);
    const [word] = buildConcepts(readQuery('电话'), resolved({ 电话: { df: 0 } }), EMPTY_SYNONYMS, 50);
    expect(typo.weight / (SEARCH_TUNING.unknownShare * SEARCH_TUNING.unlistedShare * SEARCH_TUNING.strangerShare)).toBeCloseTo(9, 6);
    expect(word.weight).toBeGreaterThan(typo.weight);
    const [, measure] = buildConcepts(readQuery('内存卡 128g'), resolved({ 内存卡: { df: 2 }, '128g': { df: 0 } }), EMPTY_SYNONYMS, 50);
    expect(measure).toMatchObject({ label: '128g', aside: true });
    expect(measure.weight).toBeCloseTo(8 * SEARCH_TUNING.unknownShare * SEARCH_TUNING.minorShare, 6);
  });

  it('counts the sentence before a question fully only when the question says little of its own', () => {
    const emphasis = (text: string) => Object.fromEntries(readQuery(text).words.map((w) => [w.text, w.emphasis]));
    // 你们一般几点截单 says what it asks: 周末 and 送人 are the story.
    expect(emphasis('我昨天下的单，想周末前收到送人，你们一般几点截单？')).toMatchObject({ 周末: SEARCH_EMPHASIS.story, 截单: 1 });
    // 你们怎么处理 does not: 扣子 is what it is about.
    expect(emphasis('今天发现扣子掉了，你们怎么处理？')).toMatchObject({ 扣子: 1, 处理: 1 });
  });

  it('weighs the words of the story around a question less than those of the question', () => {
    const query = readQuery('我上周买的大衣，今天穿出门发现扣子掉了一颗，线头也很多，你们怎么处理？');
    const emphasis = Object.fromEntries(query.words.map((w) => [w.text, w.emphasis]));
    // 线头 is in the sentence just before the question: it says what the question is about.
    expect(emphasis).toMatchObject({ 大衣: SEARCH_EMPHASIS.story, 扣子: SEARCH_EMPHASIS.story, 线头: 1, 处理: 1 });
    const concepts = buildConcepts(query, resolved({ 大衣: { df: 2 }, 扣子: { df: 2 }, 线头: { df: 2 }, 处理: { df: 2 } }), EMPTY_SYNONYMS, 50);
    const alone = buildConcepts(readQuery('扣子'), resolved({ 扣子: { df: 2 } }), EMPTY_SYNONYMS, 50);
    expect(concepts.find((c) => c.label === '扣子')!.weight).toBeCloseTo(alone[0].weight * SEARCH_EMPHASIS.story, 6);
    // A message that asks nothing is all question; an English question word counts only where a sentence starts.
    expect(readQuery('羊绒衫袖口开线了').words.every((w) => w.emphasis === 1)).toBe(true);
    expect(Object.fromEntries(readQuery('I bought it last week, the colour is lovely, but it is small, could I get a bigger one').words.map((w) => [w.text, w.emphasis]))).toMatchObject({
      bought: SEARCH_EMPHASIS.story,
      lovely: SEARCH_EMPHASIS.story,
      small: 1,
      bigger: 1,
    });
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
