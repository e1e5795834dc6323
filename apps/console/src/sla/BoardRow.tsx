import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaBoardTimer, Store } from '@kefu/contracts';
import { conversationHref } from '../routing/links';
import { Avatar } from '../ui/Avatar';
import { PlatformBadge } from '../ui/badges';
import { Icon } from '../ui/icons';
import { rowConversationId } from './board-state';

interface Props {
  timer: SlaBoardTimer;
  store: Store | undefined;
  testId: string;
  className: string;
  data?: Record<`data-${string}`, string>;
  clock: ReactNode;
  aside: ReactNode;
  /** A control beside the row (not inside its link): the board's "Assign…". */
  action?: ReactNode;
}

/** One row of a board list: a link to the conversation (focusable; Enter opens it). */
export function BoardRow({ timer, store, testId, className, data, clock, aside, action }: Props) {
  const { t } = useTranslation();
  const name = timer.customerName || t('sla.customer');
  // A ticket's resolution clock opens the ticket in the conversation it came from.
  const conversationId = rowConversationId(timer);
  const ticket = timer.kind === 'resolution';
  const body = (
    <>
      <div className="board-row__clock">{clock}</div>
      <div className="board-row__main">
        <div className="board-row__who">
          {ticket && (
            <span className="board-row__ticket" data-testid="sla-ticket-number">
              <Icon name="ticket" size={12} strokeWidth={2} />
              {timer.ticketNumber ?? t('sla.ticket')}
            </span>
          )}
          <span className="board-row__name">{name}</span>
          {store && <PlatformBadge platform={store.platform} />}
          <span className="board-row__store">{store?.name ?? '…'}</span>
        </div>
        <div className="board-row__preview">{ticket ? t('sla.resolutionPreview') : timer.lastMessagePreview || t('sla.none')}</div>
      </div>
      <div className="board-row__aside">{aside}</div>
    </>
  );
  const common = {
    className: `board-row ${className}${ticket ? ' board-row--ticket' : ''}`,
    'data-testid': testId,
    'data-conversation-id': conversationId ?? '',
    'data-kind': timer.kind,
    'data-board-row': '',
    ...data,
  };
  const row = !conversationId ? (
    <div {...common}>{body}</div>
  ) : (
    <a {...common} href={conversationHref(conversationId, ticket ? timer.ticketId : null)}>
      {body}
    </a>
  );
  if (!action) return row;
  return (
    <div className="board-row-wrap">
      {row}
      <div className="board-row__action">{action}</div>
    </div>
  );
}

/** An agent with a small avatar (or "Unassigned"). */
export function AgentName({ id, names }: { id: string | null; names: Map<string, string> }) {
  const { t } = useTranslation();
  if (!id)
    return (
      <span className="board-agent board-agent--none">
        <Icon name="userOff" size={14} />
        <span className="board-agent__name">{t('sla.unassigned')}</span>
      </span>
    );
  const name = names.get(id) ?? t('sla.unknownAgent');
  return (
    <span className="board-agent">
      <Avatar name={name} seed={id} size={20} />
      <span className="board-agent__name">{name}</span>
    </span>
  );
}

/** "Assign…" beside a board row: reassigns its chat without leaving the board. */
export function AssignButton({ timer, onAssign }: { timer: SlaBoardTimer; onAssign?(timer: SlaBoardTimer): void }) {
  const { t } = useTranslation();
  if (!onAssign || !timer.conversationId || timer.kind === 'resolution') return null;
  return (
    <button type="button" className="icon-button icon-button--bordered board-row__assign" data-testid="board-assign" title={t('assign.button')} aria-label={t('assign.button')} onClick={() => onAssign(timer)}>
      <Icon name="swap" size={14} />
    </button>
  );
}
