import { useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import { useTranslation } from 'react-i18next';
import type { ConversationStatus, Store, User } from '@kefu/contracts';
import { useWatchers } from '../collision/ActivityProvider';
import { useConversationActivity } from '../collision/useConversationActivity';
import type { Directory } from '../desk/useDirectory';
import { KbSuggestions } from '../kb/KbSuggestions';
import { ShortcutList } from '../keyboard/ShortcutList';
import { useShortcuts } from '../keyboard/shortcuts';
import type { ChoiceMenuHandle } from '../ui/ChoiceMenu';
import { Icon } from '../ui/icons';
import { ConversationHeader } from './ConversationHeader';
import { DetailsPanel } from './DetailsPanel';
import { ReplyBox, type ComposerHandle } from './ReplyBox';
import { Thread } from './Thread';
import { useConversation } from './useConversation';

interface Props {
  conversationId: string | null;
  /** A ticket of the conversation to show in the side panel (a link from the ticket list or the board). */
  focusTicketId?: string | null;
  me: User;
  storeById: Map<string, Store>;
  directory: Directory;
  onSeen(conversationId: string, lastMessageAt: string): void;
  /** Put the focus in the reply box as soon as the conversation is shown (R on its row, the next after resolving). */
  focusReply?: boolean;
  onReplyFocused?(): void;
}

export function ConversationPane({ conversationId, ...rest }: Props) {
  const { t } = useTranslation();
  if (!conversationId) {
    return (
      <main className="pane pane--empty">
        <div className="pane-empty">
          <div className="pane-empty__icon">
            <Icon name="chat" size={26} strokeWidth={1.6} />
          </div>
          <h2>{t('conversation.empty')}</h2>
          <p>{t('conversation.emptyHint')}</p>
          <ShortcutList />
        </div>
      </main>
    );
  }
  return <ConversationView key={conversationId} conversationId={conversationId} {...rest} />;
}

function ConversationView({ conversationId, focusTicketId = null, me, storeById, directory, onSeen, focusReply = false, onReplyFocused }: Props & { conversationId: string }) {
  const { t } = useTranslation();
  const { detail, error, loading, reload, send, setStatus, assign } = useConversation(conversationId);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const activity = useConversationActivity(conversationId, detail !== null);
  const watchers = useWatchers(conversationId);
  const composer = useRef<ComposerHandle>(null);
  const customerName = detail?.customer.name;
  const orderRef = detail?.orderRef;
  const storeName = detail ? storeById.get(detail.storeId)?.name : undefined;
  const kbValues = useMemo(() => ({ customerName, orderRef, storeName }), [customerName, orderRef, storeName]);

  // R writes a reply (the inbox passes R on to here when its cursor is on this conversation); S opens the status menu from
  // wherever the focus is.
  const statusMenu = useRef<ChoiceMenuHandle>(null);
  useShortcuts({ r: () => composer.current?.focus(), s: () => statusMenu.current?.open() }, detail !== null);
  const shown = detail !== null;
  useEffect(() => {
    if (!shown || !focusReply) return;
    composer.current?.focus();
    onReplyFocused?.();
  }, [shown, focusReply, onReplyFocused]);

  // Opening a conversation, and every activity while it is open, marks it seen for this user.
  const seenId = detail?.id;
  const seenAt = detail?.lastMessageAt;
  useEffect(() => {
    if (seenId && seenAt) onSeen(seenId, seenAt);
  }, [seenId, seenAt, onSeen]);

  useEffect(() => {
    if (!actionError) return;
    const timer = setTimeout(() => setActionError(null), 8_000);
    return () => clearTimeout(timer);
  }, [actionError]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (err) {
      const message = errorText(err, t);
      setActionError(t('conversation.actionError', { message }));
    } finally {
      setBusy(false);
    }
  };

  if (!detail) {
    return (
      <main className="pane" data-testid="conversation-view" data-conversation-id={conversationId} aria-busy={loading}>
        <div className="pane-state">
          {error ? (
            <>
              <Icon name="alert" size={22} />
              <p>{error.statusCode === 404 || error.statusCode === 400 ? t('conversation.notFound') : t('conversation.loadError', { message: errorText(error, t) })}</p>
              {error.statusCode !== 404 && (
                <button type="button" className="button button--ghost" onClick={reload}>
                  {t('conversation.retry')}
                </button>
              )}
            </>
          ) : (
            <>
              <span className="spinner" aria-hidden="true" />
              <p>{t('conversation.loading')}</p>
            </>
          )}
        </div>
      </main>
    );
  }

  const store = storeById.get(detail.storeId);
  const nameOf = (userId: string) => directory.userById.get(userId)?.name ?? t('conversation.assignedToOther');
  const otherAssignee = detail.assigneeId && detail.assigneeId !== me.id ? detail.assigneeId : null;
  // Only agents need to take a chat over to answer it; supervisors and admins may reply anywhere.
  const takeoverFrom = me.role === 'agent' && otherAssignee ? nameOf(otherAssignee) : null;
  return (
    <main className="pane" data-testid="conversation-view" data-conversation-id={conversationId} data-status={detail.status}>
      {/* The side panel comes right after the header in the tab order (it sits beside the chat on screen): the ticket
          card and the status menu are a few Shift+Tabs apart, not the whole thread and composer. */}
      <div className="conversation__head">
        <ConversationHeader
          detail={detail}
          store={store}
          me={me}
          directory={directory}
          busy={busy}
          watchers={watchers}
          onStatus={(status: ConversationStatus) => void run(() => setStatus(status))}
          onAssign={(assigneeId) => void run(() => assign(assigneeId))}
          statusMenu={statusMenu}
        />
        {actionError && (
          <div className="banner banner--error" role="alert" data-testid="action-error">
            <Icon name="alert" size={14} />
            <span>{actionError}</span>
            <button type="button" className="icon-button" onClick={() => setActionError(null)} aria-label={t('common.dismiss')}>
              <Icon name="x" size={14} />
            </button>
          </div>
        )}
      </div>
      <DetailsPanel detail={detail} store={store} me={me} userById={directory.userById} focusTicketId={focusTicketId} />
      <div className="conversation">
        <Thread detail={detail} me={me} userById={directory.userById} />
        <KbSuggestions conversationId={conversationId} storeId={detail.storeId} lang={detail.language} values={kbValues} composer={composer} />
        <ReplyBox
          conversationId={conversationId}
          customerName={detail.customer.name}
          onSend={send}
          storeId={detail.storeId}
          lang={detail.language}
          kbValues={kbValues}
          composerRef={composer}
          takeoverFrom={takeoverFrom}
          assigneeNameFor={(assigneeId) => {
            const id = assigneeId ?? otherAssignee;
            return id ? nameOf(id) : t('conversation.assignedToOther');
          }}
          onConflict={reload}
          onTyping={activity.typed}
          onIdle={activity.idle}
        />
      </div>
    </main>
  );
}
