import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import { Modal } from '../ui/Modal';

interface Props {
  /** Who the conversation is assigned to now. */
  assigneeName: string;
  /** The reply that would be sent. */
  body: string;
  onConfirm(): void;
  onCancel(): void;
}

const PREVIEW_MAX = 280;

/** The API refused a reply because another agent has the chat: take it over and send, or keep the draft. */
export function TakeoverDialog({ assigneeName, body, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const preview = body.length > PREVIEW_MAX ? `${body.slice(0, PREVIEW_MAX - 1)}…` : body;
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} className="modal--small" testId="takeover-dialog" onCancel={onCancel}>
      <div className="modal__body">
        <div className="modal__icon modal__icon--amber" aria-hidden="true">
          <Icon name="userPlus" size={18} />
        </div>
        <div className="modal__content">
          <h2 className="modal__title" id={`${id}-title`}>
            {t('takeover.title')}
          </h2>
          <p className="modal__text" id={`${id}-text`}>
            {t('takeover.text', { name: assigneeName })}
          </p>
          <blockquote className="modal__quote" aria-label={t('takeover.yourReply')}>
            {preview}
          </blockquote>
          <p className="modal__hint">{t('takeover.hint', { name: assigneeName })}</p>
        </div>
      </div>
      <div className="modal__footer">
        <button type="button" className="button button--ghost" data-testid="takeover-cancel" onClick={onCancel}>
          {t('takeover.cancel')}
        </button>
        <button type="button" className="button button--primary" data-testid="takeover-confirm" data-autofocus onClick={onConfirm}>
          <Icon name="send" size={14} />
          {t('takeover.confirm')}
        </button>
      </div>
    </Modal>
  );
}
