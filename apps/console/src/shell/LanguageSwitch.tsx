import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage } from '../i18n';

/** One button: a click switches between 中文 and English (remembered by the language detector's cache). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const next = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      data-lang={lang}
      title={t('language.switchTo')}
      aria-label={`${t('language.switchTo')}: ${next === 'en' ? t('language.en') : t('language.zh')}`}
      onClick={() => void switchLanguage(next)}
    >
      <span className={lang === 'zh-CN' ? 'is-active' : ''}>中文</span>
      <span className={lang === 'en' ? 'is-active' : ''}>EN</span>
    </button>
  );
}
