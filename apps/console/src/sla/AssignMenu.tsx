import { useId, useState, type FormEvent } from 'react';
import { errorText } from '../api/error-text';
import { useTranslation } from 'react-i18next';
import { useConversationWrites } from '../conversation/useConversation';
import { PresenceDot } from '../presence/PresenceDot';
import { useAgentPresence } from '../presence/usePresence';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/icons';
import { Modal } from '../ui/Modal';
import { byAvailability, ReassignOption } from './ReassignMenu';

interface Props {
  conversationId: string;
  storeId: string;
  customerName: string;
  assigneeId: string | null;
  onClose(): void;
  /** After the assignment is stored (the caller stays where it is: the board, the conversation). */
  onAssigned?(assigneeId: string | null): void;
}

/**
 * Assigns one chat (supervisors and admins): the agents who serve its store, online and least loaded first, each with
 * presence and open load, or back to the store queue. ↓/↑ pick, Enter assigns, Esc closes.
 */
export function AssignMenu({ conversationId, storeId, customerName, assigneeId, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const presence = useAgentPresence(true);
  const writes = useConversationWrites();
  const [target, setTarget] = useState<string | null>(assigneeId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = (presence.agents ?? []).filter((a) => a.storeIds.length === 0 || a.storeIds.includes(storeId)).sort(byAvailability);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (target === assigneeId) return onClose();
    setBusy(true);
    setError(null);
    try {
      await writes.assign(conversationId, target);
      onAssigned?.(target);
      onClose();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy={`${id}-title`} className="modal--reassign" testId="assign-menu" onCancel={() => !busy && onClose()}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="modal__head">
          <h2 className="modal__title" id={`${id}-title`}>
            {t('assign.title', { name: customerName })}
          </h2>
        </div>
        <div className="reassign__list" role="radiogroup" aria-labelledby={`${id}-title`}>
          <ReassignOption
            name={`${id}-target`}
            userId=""
            checked={target === null}
            onSelect={() => setTarget(null)}
            icon={
              <span className="reassign__queue-icon" aria-hidden="true">
                <Icon name="inbox" size={14} />
              </span>
            }
            title={t('reassign.queue')}
            hint={t('assign.queueHint')}
          />
          {presence.agents === null && !presence.error && (
            <div className="reassign__state" role="status">
              <span className="spinner" aria-hidden="true" />
            </div>
          )}
          {presence.error && <div className="reassign__state reassign__state--error">{t('reassign.loadError', { message: presence.error.message })}</div>}
          {candidates.map((a) => {
            const full = a.openConversations >= a.maxConcurrent;
            return (
              <ReassignOption
                key={a.id}
                name={`${id}-target`}
                userId={a.id}
                checked={target === a.id}
                onSelect={() => setTarget(a.id)}
                icon={
                  <span className="reassign__avatar">
                    <Avatar name={a.name} seed={a.id} size={24} />
                    <PresenceDot presence={a.presence} ring />
                  </span>
                }
                title={a.id === assigneeId ? `${a.name} · ${t('assign.current')}` : a.name}
                hint={t(`presence.${a.presence}`)}
                aside={
                  <span className={`reassign__load${full ? ' is-full' : ''}`} title={t('sla.agents.loadTitle', { open: a.openConversations, max: a.maxConcurrent })}>
                    {t('reassign.load', { open: a.openConversations, max: a.maxConcurrent })}
                  </span>
                }
              />
            );
          })}
        </div>
        {error && (
          <div className="modal__error" role="alert">
            <Icon name="alert" size={14} />
            {error}
          </div>
        )}
        <div className="modal__footer">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('reassign.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="assign-confirm" disabled={busy}>
            {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="swap" size={14} />}
            {t('assign.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
