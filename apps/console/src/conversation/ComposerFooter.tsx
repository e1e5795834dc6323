import { useTranslation } from 'react-i18next';
import { Kbd } from '../ui/badges';
import { Icon } from '../ui/icons';

interface Props {
  isNote: boolean;
  /** Why the last send failed (in place of the key hints). */
  error: string | null;
  canSend: boolean;
  sending: boolean;
  onSend(): void;
}

/** Under the box: the send error or the keys, and the send (or add note) button. */
export function ComposerFooter({ isNote, error, canSend, sending, onSend }: Props) {
  const { t } = useTranslation();
  return (
    <div className="composer__footer">
      {error ? (
        <div className="composer__error" role="alert" data-testid="reply-error">
          <Icon name="alert" size={14} />
          {error}
        </div>
      ) : (
        <div className="composer__hints" aria-hidden="true">
          <Kbd>Enter</Kbd> {t('reply.hintSend')}
          <span className="dot-sep" />
          <Kbd>Shift</Kbd>
          <Kbd>Enter</Kbd> {t('reply.hintNewline')}
          <span className="dot-sep" />
          <Kbd>Ctrl</Kbd>
          <Kbd>/</Kbd> {t('reply.hintToggle')}
        </div>
      )}
      <button type="button" className={`button ${isNote ? 'button--note' : 'button--primary'}`} data-testid="reply-send" disabled={!canSend} onClick={onSend}>
        {sending ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name={isNote ? 'note' : 'send'} size={14} />}
        {isNote ? t('reply.addNote') : t('reply.send')}
      </button>
    </div>
  );
}
