import { useTranslation } from 'react-i18next';
import type { GuardWarning } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { reasonsByField } from './guard-spans';

/**
 * Beside a quick reply or an article just saved: the guard rules its texts break where agents will use
 * them, per field, in the reader's language. Saved all the same; the reply box checks it again when inserted.
 */
export function SaveWarnings({ warnings, fieldLabel, onDismiss }: { warnings: readonly GuardWarning[]; fieldLabel(field: string): string; onDismiss(): void }) {
  const { t, i18n } = useTranslation();
  if (!warnings.length) return null;
  const blocked = warnings.some((w) => w.action === 'block');
  return (
    <div className={`guard-panel guard-saved${blocked ? ' guard-panel--block' : ''}`} role="alert" data-testid="guard-save-warnings">
      <div className="guard-panel__head">
        <Icon name="shield" size={13} />
        <span>{blocked ? t('guard.saved.titleBlock') : t('guard.saved.title')}</span>
        <button type="button" className="link-button guard-saved__dismiss" onClick={onDismiss}>
          {t('guard.saved.dismiss')}
        </button>
      </div>
      <ul className="guard-panel__reasons">
        {reasonsByField(warnings, i18n.language).flatMap(({ field, reasons }) =>
          reasons.map((r) => (
            <li key={`${field}:${r.ruleId}`} data-testid="guard-save-warning" data-action={r.action} data-field={field}>
              <span className="guard-saved__field">{t('guard.saved.field', { field: fieldLabel(field) })}</span>{' '}
              <span className={`guard-tag guard-tag--${r.action}`}>{r.action === 'block' ? t('guard.block') : t('guard.warn')}</span> {r.reason}
              <span className="guard-panel__matches"> ({r.matches.join(t('guard.matchSeparator'))})</span>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
