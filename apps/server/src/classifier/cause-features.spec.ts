import { describe, expect, it } from '@jest/globals';
import { causeFeatures, normalizeText } from './cause-features.js';

const words = (text: string) => [...causeFeatures(text).keys()].filter((k) => k.startsWith('w:') || k.startsWith('neg:'));

describe('cause features', () => {
  it('reads traditional Chinese as simplified and full-width as half-width', () => {
    expect(normalizeText('這個東西壞掉了，退貨運費誰出？')).toBe('这个东西坏掉了,退货运费谁出?');
    expect(words('這個東西壞掉了')).toEqual(words('这个东西坏掉了'));
  });

  it('drops order and tracking numbers, keeps amounts as a placeholder', () => {
    const f = words('订单号 202611270012345 降价了 ¥39.9');
    expect(f.some((w) => /\d{5,}/.test(w))).toBe(false);
    expect(f).toContain('w:金额');
  });

  it('marks what a negation turns around, in Chinese and English contractions', () => {
    expect(words('盒子没问题')).toContain('neg:问题');
    expect(words("it won't switch on")).toEqual(expect.arrayContaining(['w:wont', 'neg:switch']));
  });

  it('weighs what follows "but" above what precedes it', () => {
    const f = causeFeatures('快递很快,但是东西是坏的');
    expect(f.get('w:坏')).toBeGreaterThan(f.get('w:快递')!);
  });

  it('keeps emoji as features', () => {
    expect(causeFeatures('客服不理人😡').has('e:😡')).toBe(true);
  });
});
