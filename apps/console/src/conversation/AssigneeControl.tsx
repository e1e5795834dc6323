import { useTranslation } from 'react-i18next';
import type { Conversation, User } from '@kefu/contracts';
import { canServe, type Directory } from '../desk/useDirectory';
import { Icon } from '../ui/icons';

interface Props {
  conversation: Conversation;
  me: User;
  directory: Directory;
  busy: boolean;
  onAssign(assigneeId: string | null): void;
}

/** Supervisors and admins pick anyone who serves the store; an agent takes an unassigned chat. */
export function AssigneeControl({ conversation, me, directory, busy, onAssign }: Props) {
  const { t } = useTranslation();
  const { assigneeId } = conversation;

  if (directory.canAssignOthers) {
    const eligible = directory.users.filter((u) => canServe(u, conversation.storeId) || u.id === assigneeId);
    return (
      <label className="field-inline" title={t('conversation.assignee')}>
        <Icon name="user" size={14} />
        <select
          className="select select--bare"
          data-testid="assignee-select"
          aria-label={t('conversation.assignTo')}
          value={assigneeId ?? ''}
          disabled={busy}
          onChange={(e) => onAssign(e.target.value || null)}
        >
          <option value="">{t('conversation.unassigned')}</option>
          {eligible.map((u) => (
            <option key={u.id} value={u.id}>
              {u.id === me.id ? `${u.name} (${t('conversation.assignedToMe')})` : u.name}
            </option>
          ))}
        </select>
      </label>
    );
  }

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
