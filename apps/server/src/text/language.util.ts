import type { Language } from '@kefu/contracts';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/** zh or en, from the text of a customer message: any run of Chinese characters makes it Chinese. */
export function detectLanguage(text: string): Language {
  const han = text.match(HAN)?.length ?? 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0) return latinWords > 0 ? 'en' : 'zh';
  // "iPhone 15 有货吗" is Chinese; a long English message quoting one Chinese word is English.
  return han * 2 >= latinWords ? 'zh' : 'en';
}
