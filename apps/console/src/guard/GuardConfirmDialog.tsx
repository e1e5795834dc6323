import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuardViolation } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { Modal } from '../ui/Modal';
import { reasons } from './guard-spans';

interface Props {
  /** `blocked`: the reply cannot be sent; `confirm`: only warn rules, send anyway with a reason. */
  code: 'blocked' | 'confirm';
  violations: readonly GuardViolation[];
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** The guard refused a reply: block rules are shown as they are; warn rules may be overridden with a reason (recorded for review). */
export function GuardConfirmDialog({ code, violations, onConfirm, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const blocked = code === 'blocked';
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} className="modal--small" testId="guard-dialog" onCancel={onCancel}>
      <div className="modal__body">
        <div className={`modal__icon ${blocked ? 'modal__icon--red' : 'modal__icon--amber'}`} aria-hidden="true">
          <Icon name="shield" size={18} />
        </div>
        <div className="modal__content">
          <h2 className="modal__title" id={`${id}-title`}>
            {blocked ? t('guard.blockedTitle') : t('guard.confirmTitle')}
          </h2>
          <p className="modal__text" id={`${id}-text`}>
            {blocked ? t('guard.blockedText') : t('guard.confirmText')}
          </p>
          <ul className="guard-panel__reasons">
            {reasons(violations, i18n.language).map((r) => (
              <li key={r.ruleId} data-testid="guard-dialog-reason">
                <span className={`guard-tag guard-tag--${r.action}`}>{r.action === 'block' ? t('guard.block') : t('guard.warn')}</span> {r.reason} ({r.matches.join(t('guard.matchSeparator'))})
              </li>
            ))}
          </ul>
          {!blocked && (
            <label className="field">
              <span className="field__label">{t('guard.reasonLabel')}</span>
              <input className="input" data-testid="guard-reason-input" data-autofocus value={reason} maxLength={500} placeholder={t('guard.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
        </div>
      </div>
      <div className="modal__footer">
        <button type="button" className="button button--ghost" data-testid="guard-cancel" data-autofocus={blocked ? true : undefined} onClick={onCancel}>
          {blocked ? t('guard.edit') : t('guard.cancel')}
        </button>
        {!blocked && (
          <button type="button" className="button button--primary" data-testid="guard-send-anyway" disabled={!reason.trim()} onClick={() => onConfirm(reason.trim())}>
            <Icon name="send" size={14} />
            {t('guard.sendAnyway')}
          </button>
        )}
      </div>
    </Modal>
  );
}
