import { describe, expect, it } from '@jest/globals';
import { fillerMask, SoundTrie, syllablesOf } from './kb-soundalike.js';

const trie = (...terms: string[]) => {
  const t = new SoundTrie<string>();
  for (const term of terms) t.add(term, term);
  return t;
};
const matches = (t: SoundTrie<string>, text: string) => {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const m = t.matchAt(text, i, fillerMask(text));
    if (m) found.push(`${text.slice(i, i + m.length)}→${m.text}`);
  }
  return found;
};

describe('kb soundalike', () => {
  it('reads terms by their syllables in context, zh/ch/sh and -ng folded', () => {
    expect(syllablesOf('银行')).toEqual(['yin', 'han']);
    expect(syllablesOf('充电宝')).toEqual(['con', 'dian', 'bao']);
    expect(syllablesOf('usb')).toBeNull();
  });

  it('finds the term a typo sounds like when it keeps one of its characters', () => {
    const t = trie('蓝牙', '充电宝', '发票', '七天无理由', '客服');
    expect(matches(t, '兰牙耳机怎么连')).toEqual(['兰牙→蓝牙']);
    expect(matches(t, '冲电宝能上飞机吗')).toEqual(['冲电宝→充电宝']);
    expect(matches(t, '发漂怎么开')).toEqual(['发漂→发票']);
    // A polyphone is read every way (重 as chong).
    expect(matches(t, '重电宝')).toEqual(['重电宝→充电宝']);
    // A filler character may be the typo in a longer term.
    expect(matches(t, '七天无理有退货')).toEqual(['七天无理有→七天无理由']);
    // Written as the term is no typo; sounding alike and sharing nothing is no typo.
    expect(matches(t, '蓝牙发票')).toEqual([]);
    expect(matches(t, '刻福')).toEqual([]);
  });

  it('does not read filler as a typo: a shared filler character, or a mistyped filler word', () => {
    const t = trie('少了', '服饰', '补发', '不适');
    // 烧了 shares only 了; 服什 is 服 and 什么; 不发 would be 补发 by a filler character in a two-character term; 不是 likewise.
    expect(matches(t, '发烧了怎么办')).toEqual([]);
    expect(matches(t, '客服什么时候在')).toEqual([]);
    expect(matches(t, '怎么还不发货')).toEqual([]);
    expect(matches(t, '是不是质量问题')).toEqual([]);
  });

  it('reads a typo of a term whose mistyped character is filler on its own, when what was typed is not (配队 for 配对)', () => {
    const t = trie('配对', '降噪');
    expect(matches(t, '耳机怎么配队')).toEqual(['配队→配对']);
    // Typed filler stays no typo in a two-character term (将 is filler).
    expect(matches(t, '将噪怎么开')).toEqual([]);
  });
});
