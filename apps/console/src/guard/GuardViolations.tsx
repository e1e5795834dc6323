import { useTranslation } from 'react-i18next';
import type { GuardViolation } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { reasons, segments } from './guard-spans';

/** Under the reply box: the draft with each violation highlighted, and why, in the agent's language. */
export function GuardViolations({ text, violations }: { text: string; violations: readonly GuardViolation[] }) {
  const { t, i18n } = useTranslation();
  if (!violations.length) return null;
  const blocked = violations.some((v) => v.action === 'block');
  return (
    <div className={`guard-panel${blocked ? ' guard-panel--block' : ''}`} data-testid="guard-violations" role="status">
      <div className="guard-panel__head">
        <Icon name="shield" size={13} />
        <span>{blocked ? t('guard.blockedHint') : t('guard.warnHint')}</span>
      </div>
      <p className="guard-panel__text" data-testid="guard-preview">
        {segments(text, violations).map((s, i) =>
          s.action ? (
            <mark key={i} className={`guard-mark guard-mark--${s.action}`} data-testid="guard-mark" data-action={s.action}>
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </p>
      <ul className="guard-panel__reasons">
        {reasons(violations, i18n.language).map((r) => (
          <li key={r.ruleId} data-testid="guard-reason" data-action={r.action}>
            <span className={`guard-tag guard-tag--${r.action}`}>{r.action === 'block' ? t('guard.block') : t('guard.warn')}</span> {r.reason}
            <span className="guard-panel__matches"> ({r.matches.join(t('guard.matchSeparator'))})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
