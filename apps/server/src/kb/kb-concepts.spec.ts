import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { LEXICON_DIR, lexiconFiles, loadLexicon, parseLexicon, shippedLexicon } from './kb-concepts.js';

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

  it('reads every lexicon file of a folder as one, lexicon.txt first, and names a concept two files define', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-lexicon-'));
    try {
      writeFileSync(join(dir, 'lexicon.txt'), 'skincare (product) : 护肤品 | skincare\n');
      writeFileSync(join(dir, 'lexicon-b.txt'), 'eye_cream > skincare : 眼霜 | eye cream\n');
      writeFileSync(join(dir, 'lexicon-a.txt'), 'mask > skincare : 面膜 | mask\n');
      writeFileSync(join(dir, 'notes.md'), 'not a lexicon');
      expect(lexiconFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual(['lexicon.txt', 'lexicon-a.txt', 'lexicon-b.txt']);
      // A broader concept of another file: the category and "goods" carry over.
      expect(loadLexicon(dir).map((c) => [c.id, c.broader, c.product])).toEqual([
        ['skincare', [], true],
        ['mask', ['skincare'], true],
        ['eye_cream', ['skincare'], true],
      ]);
      writeFileSync(join(dir, 'lexicon-c.txt'), 'mask : 面膜贴 | sheet mask\n');
      expect(() => loadLexicon(dir)).toThrow('mask is defined twice (lexicon-a.txt, lexicon-c.txt)');
      writeFileSync(join(dir, 'lexicon-c.txt'), 'sheet_mask : 面膜贴\nnot a line\n');
      expect(() => loadLexicon(dir)).toThrow('lexicon-c.txt line 2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships the concepts of every lexicon file of its folder, lexicon-categories.txt among them', () => {
    const shipped = new Map(shippedLexicon().map((c) => [c.id, c]));
    const files = lexiconFiles(LEXICON_DIR);
    expect(files.map((f) => f.slice(LEXICON_DIR.length).replace(/^\//, ''))).toEqual(expect.arrayContaining(['lexicon.txt', 'lexicon-categories.txt']));
    for (const file of files) {
      const ids = readFileSync(file, 'utf8').split('\n').map((l) => /^([a-z0-9_]+)[\s(>:]/.exec(l.trim())?.[1]).filter(Boolean);
      expect(ids.length).toBeGreaterThan(100);
      for (const id of ids) expect(shipped.has(id!)).toBe(true);
    }
    // A product of another line reaches its category, and a category of lexicon.txt, across the files.
    expect(shipped.get('diapers')).toMatchObject({ broader: ['baby_products'], product: true });
    expect(shipped.get('running_shoes')?.broader).toEqual(['shoes', 'sports']);
  });

  it('ships hundreds of concepts, most in both languages', () => {
    const lexicon = shippedLexicon();
    expect(lexicon.length).toBeGreaterThanOrEqual(250);
    const both = lexicon.filter((c) => c.terms.some((t) => /\p{Script=Han}/u.test(t.text)) && c.terms.some((t) => /^[a-z]/.test(t.text)));
    expect(both.length / lexicon.length).toBeGreaterThan(0.9);
  });
});

