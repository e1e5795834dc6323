import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
const LANGUAGE_KEY = 'kefu.language';

/** Any Chinese browser language gets the Chinese console; everything else English. */
const toUiLanguage = (lng: string | undefined): UiLanguage => (lng?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: toUiLanguage,
    },
    react: { useSuspense: false },
  });

const syncDocumentLanguage = (lng: string) => {
  document.documentElement.lang = toUiLanguage(lng);
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export const currentLanguage = (): UiLanguage => toUiLanguage(i18n.resolvedLanguage ?? i18n.language);

export default i18n;
