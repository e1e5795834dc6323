import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { findPlaceholders } from '../kb/kb-text';
import { Icon } from '../ui/icons';

/** The variables of an inserted quick reply still to fill in; each button selects its placeholder in the box. */
export function ComposerHoles({ text, textarea }: { text: string; textarea: RefObject<HTMLTextAreaElement | null> }) {
  const { t } = useTranslation();
  const holes = findPlaceholders(text);
  if (holes.length === 0) return null;
  return (
    <div className="composer__holes" data-testid="kb-missing">
      <Icon name="alert" size={13} />
      <span>{t('kb.fillIn')}</span>
      {holes.map((h) => (
        <button
          key={h.name}
          type="button"
          className="composer__hole"
          // The box keeps the focus (and its selection) while the button is pressed.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const el = textarea.current;
            const at = findPlaceholders(el?.value ?? text).find((x) => x.name === h.name);
            if (at) {
              el?.focus();
              el?.setSelectionRange(at.start, at.end);
            }
          }}
        >
          {t(`kb.variables.${h.name}`)}
        </button>
      ))}
    </div>
  );
}
