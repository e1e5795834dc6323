import { useId, useState, type ReactNode } from 'react';
import { errorText } from '../api/error-text';
import { useTranslation } from 'react-i18next';
import type { AgentWithLoad, Presence } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { deskApi } from '../api/desk-api';
import { PresenceDot } from '../presence/PresenceDot';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/icons';
import { Modal } from '../ui/Modal';

export interface ReassignSource {
  id: string;
  name: string;
  openConversations: number;
  storeIds: string[] | null;
}

export interface ReassignOutcome {
  from: string;
  /** null = back to the queue. */
  to: string | null;
  moved: number;
}

interface Props {
  source: ReassignSource;
  /** The agents of the scope with presence and load; null while loading. */
  agents: AgentWithLoad[] | null;
  agentsError: ApiRequestError | null;
  onDone(outcome: ReassignOutcome): void;
  onClose(): void;
}

const PRESENCE_ORDER: Record<Presence, number> = { online: 0, away: 1, offline: 2 };

/** Online first, then the least loaded. */
export const byAvailability = (a: AgentWithLoad, b: AgentWithLoad) =>
  PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] ||
  a.openConversations / a.maxConcurrent - b.openConversations / b.maxConcurrent ||
  a.name.localeCompare(b.name, 'zh-CN');

/** Agents who could take the source agent's chats: sharing at least one of their stores. */
function candidatesFor(source: ReassignSource, agents: AgentWithLoad[]): AgentWithLoad[] {
  const stores = source.storeIds;
  return agents.filter((a) => a.id !== source.id && (!stores || stores.length === 0 || a.storeIds.some((s) => stores.includes(s)))).sort(byAvailability);
}

/** "Reassign all…": every open chat of one agent to another agent, or back to the store queues. */
export function ReassignMenu({ source, agents, agentsError, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  // undefined = nothing chosen yet; null = the queue.
  const [target, setTarget] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = agents ? candidatesFor(source, agents) : [];
  const targetName = target ? (agents?.find((a) => a.id === target)?.name ?? '') : null;

  const confirm = async () => {
    if (target === undefined || busy) return;
    setBusy(true);
    setError(null);
    try {
      const { moved } = await deskApi.reassignAll(source.id, target);
      onDone({ from: source.name, to: targetName, moved: moved.length });
    } catch (err) {
      const message = errorText(err, t);
      setError(t('reassign.error', { message }));
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} className="modal--reassign" testId="reassign-menu" onCancel={() => !busy && onClose()}>
      <div className="modal__head">
        <h2 className="modal__title" id={`${id}-title`}>
          {t('reassign.title', { name: source.name })}
        </h2>
        <p className="modal__text" id={`${id}-text`}>
          {t('reassign.text', { count: source.openConversations, name: source.name })}
        </p>
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
          hint={t('reassign.queueHint')}
        />
        {agents === null && !agentsError && (
          <div className="reassign__state" role="status">
            <span className="spinner" aria-hidden="true" />
          </div>
        )}
        {agentsError && <div className="reassign__state reassign__state--error">{t('reassign.loadError', { message: agentsError.message })}</div>}
        {agents !== null && candidates.length === 0 && <div className="reassign__state">{t('reassign.noAgents')}</div>}
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
              title={a.name}
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
        <button type="button" className="button button--primary" data-testid="reassign-confirm" disabled={target === undefined || busy} onClick={() => void confirm()}>
          {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="swap" size={14} />}
          {target === null ? t('reassign.confirmQueue') : targetName ? t('reassign.confirmTo', { name: targetName }) : t('reassign.confirm')}
        </button>
      </div>
    </Modal>
  );
}

export function ReassignOption(props: {
  name: string;
  userId: string;
  checked: boolean;
  onSelect(): void;
  icon: ReactNode;
  title: string;
  hint: string;
  aside?: ReactNode;
}) {
  return (
    <label className={`reassign__option${props.checked ? ' is-checked' : ''}`} data-testid="reassign-option" data-user-id={props.userId}>
      <input type="radio" className="reassign__radio" name={props.name} checked={props.checked} onChange={props.onSelect} data-autofocus={props.userId === '' ? true : undefined} />
      {props.icon}
      <span className="reassign__who">
        <span className="reassign__name">{props.title}</span>
        <span className="reassign__hint">{props.hint}</span>
      </span>
      {props.aside}
    </label>
  );
}
