import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './en';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
const LANGUAGE_KEY = 'kefu.language';

/** Any Chinese browser language gets the Chinese console; everything else English. */
const toUiLanguage = (lng: string | undefined): UiLanguage => (lng?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

/** Each language's strings are their own chunk: only the one in use is loaded (the other when switching to it). */
const MESSAGES: Record<UiLanguage, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh').then((m) => m.zh),
  en: () => import('./en').then((m) => m.en),
};

export async function loadLanguage(lng: UiLanguage): Promise<void> {
  if (!i18n.hasResourceBundle(lng, 'translation')) i18n.addResourceBundle(lng, 'translation', await MESSAGES[lng]());
}

/** Switches the console's language, loading its strings first. */
export async function switchLanguage(lng: UiLanguage): Promise<void> {
  await loadLanguage(lng);
  await i18n.changeLanguage(lng);
}

/** Ready once the language in use has its strings: the console renders after this. */
export const i18nReady: Promise<unknown> = i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: {},
    partialBundledLanguages: true,
    supportedLngs: [...LANGUAGES],
    // Every language has every string (typed): nothing falls back.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: toUiLanguage,
    },
    react: { useSuspense: false },
  })
  .then(() => loadLanguage(currentLanguage()))
  .then(() => i18n.changeLanguage(currentLanguage()));

const syncDocumentLanguage = (lng: string) => {
  document.documentElement.lang = toUiLanguage(lng);
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export const currentLanguage = (): UiLanguage => toUiLanguage(i18n.resolvedLanguage ?? i18n.language);

export default i18n;
