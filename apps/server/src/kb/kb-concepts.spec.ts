import { describe, expect, it } from '@jest/globals';
import { parseLexicon, shippedLexicon } from './kb-concepts.js';

describe('kb concept lexicon', () => {
  it('reads concepts with Chinese and English terms, colloquial phrasings, categories, goods and details', () => {
    const [goods, cream, often, city] = parseLexicon(
      ['# comment', 'skincare (product) : 护肤品 | skincare, skin care', 'face_cream > skincare : 面霜 ~擦脸的 | Face Cream', '', 'shelf_life : 保质期 ~能用多久', 'city (detail) : 北京 | beijing'].join('\n'),
    );
    expect(goods).toEqual({ id: 'skincare', broader: [], minor: false, product: true, terms: [{ text: '护肤品', queryOnly: false }, { text: 'skincare', queryOnly: false }, { text: 'skin care', queryOnly: false }] });
    expect(cream).toMatchObject({ id: 'face_cream', broader: ['skincare'], product: true, terms: [{ text: '面霜', queryOnly: false }, { text: '擦脸的', queryOnly: true }, { text: 'face cream', queryOnly: false }] });
    expect(often).toMatchObject({ id: 'shelf_life', product: false, minor: false });
    expect(city).toMatchObject({ minor: true, product: false });
  });

  it('names the line that does not read, an unknown category and a concept defined twice', () => {
    expect(() => parseLexicon('a : x\nnot a line')).toThrow('line 2');
    expect(() => parseLexicon('a > b : x')).toThrow('unknown broader concept b');
    expect(() => parseLexicon('a : x\na : y')).toThrow('a is defined twice');
  });

  it('ships hundreds of concepts, most in both languages', () => {
    const lexicon = shippedLexicon();
    expect(lexicon.length).toBeGreaterThanOrEqual(250);
    const both = lexicon.filter((c) => c.terms.some((t) => /\p{Script=Han}/u.test(t.text)) && c.terms.some((t) => /^[a-z]/.test(t.text)));
    expect(both.length / lexicon.length).toBeGreaterThan(0.9);
  });
});
