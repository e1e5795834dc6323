import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssignMenu } from '../sla/AssignMenu';
import type { Conversation, User } from '@kefu/contracts';
import type { Directory } from '../desk/useDirectory';
import { Icon } from '../ui/icons';

interface Props {
  conversation: Conversation;
  me: User;
  directory: Directory;
  busy: boolean;
  onAssign(assigneeId: string | null): void;
}

/** Supervisors and admins pick anyone who serves the store (with presence and load); an agent takes an unassigned chat. */
export function AssigneeControl({ conversation, me, directory, busy, onAssign }: Props) {
  const { t } = useTranslation();
  const { assigneeId } = conversation;

  if (directory.canAssignOthers) return <LeadAssign conversation={conversation} me={me} directory={directory} busy={busy} onAssign={onAssign} />;

  if (!assigneeId) {
    return (
      <div className="assignee">
        <span className="assignee__label assignee__label--none" title={t('conversation.assignee')}>
          <Icon name="userOff" size={14} />
          {t('conversation.unassigned')}
        </span>
        <button type="button" className="button button--small" data-testid="take" title={t('conversation.takeHint')} disabled={busy} onClick={() => onAssign(me.id)}>
          <Icon name="userPlus" size={14} />
          {t('conversation.take')}
        </button>
      </div>
    );
  }

  const name = assigneeId === me.id ? t('conversation.assignedToMe') : (directory.userById.get(assigneeId)?.name ?? t('conversation.assignedToOther'));
  return (
    <div className="assignee" data-testid="assignee">
      <span className={`assignee__label${assigneeId === me.id ? ' assignee__label--me' : ''}`} title={t('conversation.assignee')}>
        <Icon name="user" size={14} />
        {name}
      </span>
    </div>
  );
}

/** The assignee as a button; it opens the assign menu (agents of the store with presence and open load). */
function LeadAssign({ conversation, me, directory, busy }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { assigneeId } = conversation;
  const name = assigneeId ? (assigneeId === me.id ? `${me.name} (${t('conversation.assignedToMe')})` : (directory.userById.get(assigneeId)?.name ?? t('conversation.assignedToOther'))) : t('conversation.unassigned');
  return (
    <>
      <button ref={button} type="button" className="button button--small assignee__button" data-testid="assignee-select" data-assignee-id={assigneeId ?? ''} aria-label={`${t('conversation.assignTo')}: ${name}`} disabled={busy} onClick={() => setOpen(true)}>
        <Icon name="user" size={14} />
        <span className="assignee__name">{name}</span>
      </button>
      {open && (
        <AssignMenu
          conversationId={conversation.id}
          storeId={conversation.storeId}
          customerName={conversation.customer?.name ?? ''}
          assigneeId={assigneeId}
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      )}
    </>
  );
}
