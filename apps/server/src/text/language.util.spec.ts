import { describe, expect, it } from '@jest/globals';
import { detectLanguage } from './language.util.js';

describe('detectLanguage', () => {
  it('recognises Chinese, also mixed with product names and numbers', () => {
    expect(detectLanguage('快递三天了还没到,我要退货')).toBe('zh');
    expect(detectLanguage('iPhone 15 Pro 有货吗?')).toBe('zh');
    expect(detectLanguage('110码')).toBe('zh');
  });

  it('recognises English, also quoting a Chinese word', () => {
    expect(detectLanguage('Hi, when will my order ship?')).toBe('en');
    expect(detectLanguage('Can I return the 小月亮 jacket if the size runs small for my daughter?')).toBe('en');
  });

  it('falls back to Chinese for text without words (emoji, numbers)', () => {
    expect(detectLanguage('👍')).toBe('zh');
    expect(detectLanguage('12345')).toBe('zh');
  });
});
