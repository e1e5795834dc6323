import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_STATUSES, type ConversationDetail, type ConversationStatus, type Store, type User } from '@kefu/contracts';
import { ActivityIndicator } from '../collision/ActivityIndicator';
import type { Watcher } from '../collision/activity-state';
import type { Directory } from '../desk/useDirectory';
import { conversationClock } from '../sla/countdown';
import { SlaStrip } from '../sla/SlaStrip';
import { NudgeStrip } from '../nudge/NudgeMarker';
import { useNudge, useSeedNudge } from '../nudge/NudgeProvider';
import { Avatar } from '../ui/Avatar';
import { PlatformBadge } from '../ui/badges';
import { ChoiceMenu, type ChoiceMenuHandle } from '../ui/ChoiceMenu';
import { AssigneeControl } from './AssigneeControl';

interface Props {
  detail: ConversationDetail;
  store: Store | undefined;
  me: User;
  directory: Directory;
  busy: boolean;
  /** The others who have this conversation open. */
  watchers: readonly Watcher[];
  onStatus(status: ConversationStatus): void;
  /** The status menu, for the S key. */
  statusMenu?: Ref<ChoiceMenuHandle>;
  onAssign(assigneeId: string | null): void;
}

export function ConversationHeader({ detail, store, me, directory, busy, watchers, onStatus, onAssign, statusMenu }: Props) {
  const { t } = useTranslation();
  useSeedNudge(detail);
  const nudge = useNudge(detail);
  return (
    <>
      <header className="conv-header">
        <Avatar name={detail.customer.name} seed={detail.customerId} size={38} />
        <div className="conv-header__who">
          <div className="conv-header__title">
            <h2 className="conv-header__name" data-testid="conversation-customer">
              {detail.customer.name}
            </h2>
            <ActivityIndicator watchers={watchers} />
          </div>
          <div className="conv-header__sub">
            {store && <PlatformBadge platform={store.platform} />}
            <span className="conv-header__store" data-testid="conversation-store" title={store?.name}>
              {store?.name ?? '…'}
            </span>
          </div>
        </div>
        <div className="conv-header__actions">
          <AssigneeControl conversation={detail} me={me} directory={directory} busy={busy} onAssign={onAssign} />
          <ChoiceMenu
            className={`status-control status-control--${detail.status}`}
            testId="status-select"
            label={t('conversation.statusLabel')}
            value={detail.status}
            options={CONVERSATION_STATUSES}
            disabled={busy}
            render={(s) => (
              <>
                <span className={`status-control__dot status-control__dot--${s}`} aria-hidden="true" />
                {t(`status.${s}`)}
              </>
            )}
            onChoose={onStatus}
            menuRef={statusMenu}
          />
        </div>
      </header>
      <SlaStrip clock={conversationClock(detail)} store={store} />
      {nudge && <NudgeStrip nudge={nudge} />}
    </>
  );
}
