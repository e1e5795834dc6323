import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_STATUSES, type Conversation, type ConversationStatus, type Store } from '@kefu/contracts';
import { Thread } from '../conversation/Thread';
import { useConversation } from '../conversation/useConversation';
import { useMe } from '../desk/me';
import { useStores } from '../desk/useStores';
import { useInbox } from '../inbox/useInbox';
import { useListShortcuts } from '../keyboard/shortcuts';
import { TicketStatusPill, TicketTypeLabel } from '../tickets/TicketBits';
import { useNowMinute } from '../time/clock';
import { formatDateTime, formatRelative } from '../time/format';
import { Avatar } from '../ui/Avatar';
import { PlatformBadge, StatusPill } from '../ui/badges';
import { Icon } from '../ui/icons';
import { ListState } from '../ui/ListState';
import { StoreSelect } from '../ui/StoreSelect';
import { readableThread } from './conversation-view';
import type { ConversationsSearch } from './portal-search';

const SEARCH_ID = 'portal-conversations-search';
const NO_USERS = new Map();

/** #/portal/conversations[/<id>] — the brand's conversations as the server shows them to a client (buyers masked): a list and one thread, read only. */
export function PortalConversations() {
  const { t } = useTranslation();
  const me = useMe();
  const { stores, storesLoaded, storeById } = useStores();
  const params = useParams({ strict: false });
  const openId = params.conversationId ?? null;
  const search = useSearch({ strict: false }) as ConversationsSearch;
  const navigate = useNavigate();
  const storeId = search.store && storesLoaded && !storeById.has(search.store) ? '' : (search.store ?? '');
  const [q, setQ] = useState(search.q ?? '');
  const filter = useMemo(() => ({ storeId: storeId || undefined, status: search.status, q: search.q || undefined }), [storeId, search.status, search.q]);
  const list = useInbox(filter, me.id);
  const filtered = !!(storeId || search.status || search.q);
  const listRef = useRef<HTMLDivElement>(null);
  useListShortcuts(listRef, '[data-portal-row]', () => document.getElementById(SEARCH_ID));

  const setSearch = (patch: Partial<ConversationsSearch>) => {
    const next = { ...search, ...patch };
    if (openId) void navigate({ to: '/portal/conversations/$conversationId', params: { conversationId: openId }, search: next, replace: true });
    else void navigate({ to: '/portal/conversations', search: next, replace: true });
  };

  return (
    <div className="portal-conversations" data-testid="portal-conversations">
      <section className="inbox" aria-labelledby="portal-conversations-title">
        <header className="inbox__header">
          <div className="inbox__title-row">
            <h1 className="inbox__title" id="portal-conversations-title">
              {t('portal.conversations.title')}
            </h1>
            {!list.loading && <span className="inbox__count">{t('portal.conversations.count', { count: list.total })}</span>}
          </div>
          <form
            className="search"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch({ q: q.trim() || undefined });
            }}
          >
            <Icon name="search" size={15} />
            <input id={SEARCH_ID} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('portal.conversations.search')} aria-label={t('portal.conversations.search')} data-testid="portal-conversations-search" />
          </form>
          <div className="inbox__filters">
            <StoreSelect stores={stores} value={storeId} onChange={(id) => setSearch({ store: id || undefined })} allLabel={t('portal.allStores')} label={t('portal.store')} testId="portal-conversations-store" />
            <select className="select" value={search.status ?? ''} aria-label={t('portal.conversations.status')} onChange={(e) => setSearch({ status: (e.target.value || undefined) as ConversationStatus | undefined })} data-testid="portal-conversations-status">
              <option value="">{t('portal.conversations.allStatuses')}</option>
              {CONVERSATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <p className="portal-conversations__masked">
            <Icon name="lock" size={12} /> {t('portal.conversations.masked')}
          </p>
        </header>
        <div className="inbox__list" ref={listRef} data-testid="portal-conversation-list">
          <ListState
            error={list.error}
            loading={list.loading}
            empty={list.items.length === 0}
            errorText={(message) => t('portal.loadError', { message })}
            onRetry={list.reload}
            retryLabel={t('portal.retry')}
            icon="chat"
            emptyTitle={filtered ? t('portal.conversations.emptyFiltered') : t('portal.conversations.empty')}
          />
          {!list.loading && list.items.map((c) => <Row key={c.id} conversation={c} store={storeById.get(c.storeId)} active={c.id === openId} search={search} />)}
          {!list.loading && list.hasMore && (
            <button type="button" className="load-more" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
              {t('portal.conversations.loadMore')}
            </button>
          )}
        </div>
      </section>
      {openId ? (
        <ConversationReader key={openId} conversationId={openId} storeById={storeById} />
      ) : (
        <main className="pane pane--empty">
          <div className="pane-empty">
            <div className="pane-empty__icon">
              <Icon name="chat" size={26} strokeWidth={1.6} />
            </div>
            <h2>{t('portal.conversations.pick')}</h2>
            <p>{t('portal.conversations.readOnly')}</p>
          </div>
        </main>
      )}
    </div>
  );
}

function Row({ conversation: c, store, active, search }: { conversation: Conversation; store: Store | undefined; active: boolean; search: ConversationsSearch }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  const name = c.customer?.name || t('message.customer');
  return (
    <Link
      to="/portal/conversations/$conversationId"
      params={{ conversationId: c.id }}
      search={search}
      className={`row row--none${active ? ' is-active' : ''}${c.status === 'resolved' ? ' is-resolved' : ''}`}
      aria-current={active ? 'true' : undefined}
      data-testid="portal-conversation-row"
      data-conversation-id={c.id}
      data-portal-row=""
    >
      <Avatar name={name} seed={c.customerId} size={34} />
      <div className="row__main">
        <div className="row__top">
          <span className="row__name" data-testid="portal-conversation-name">
            {name}
          </span>
          <time className="row__time" dateTime={c.lastMessageAt} title={formatDateTime(c.lastMessageAt, i18n.language)}>
            {formatRelative(c.lastMessageAt, now, t, i18n.language)}
          </time>
        </div>
        <div className="row__preview">{c.lastMessagePreview}</div>
        <div className="row__meta">
          {store && <PlatformBadge platform={store.platform} />}
          <span className="row__store">{store?.name ?? '…'}</span>
          <span className="row__meta-end">
            <StatusPill status={c.status} />
          </span>
        </div>
      </div>
    </Link>
  );
}

/** One conversation's messages as the server sends them to the brand; no reply box, no actions. */
function ConversationReader({ conversationId, storeById }: { conversationId: string; storeById: Map<string, Store> }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { detail, error, loading, reload } = useConversation(conversationId);
  const readable = useMemo(() => (detail ? readableThread(detail) : null), [detail]);
  if (!readable) {
    return (
      <main className="pane" data-testid="portal-conversation" aria-busy={loading}>
        <div className="pane-state">
          {error ? (
            <div className="board__forbidden" role="alert">
              <Icon name="alert" size={22} />
              <p>{error.statusCode === 404 ? t('portal.conversations.notFound') : t('portal.loadError', { message: error.message })}</p>
              {error.statusCode !== 404 && (
                <button type="button" className="button button--ghost" onClick={reload}>
                  {t('portal.retry')}
                </button>
              )}
            </div>
          ) : (
            <span className="spinner" aria-hidden="true" />
          )}
        </div>
      </main>
    );
  }
  const store = storeById.get(readable.storeId);
  return (
    <main className="pane portal-pane" data-testid="portal-conversation" data-conversation-id={conversationId}>
      <div className="conversation">
        <header className="conv-header">
          <Avatar name={readable.customer.name} seed={readable.customerId} size={38} />
          <div className="conv-header__who">
            <div className="conv-header__title">
              <h2 className="conv-header__name" data-testid="portal-conversation-customer">
                {readable.customer.name}
              </h2>
              <StatusPill status={readable.status} />
            </div>
            <div className="conv-header__sub">
              {store && <PlatformBadge platform={store.platform} />}
              <span className="conv-header__store">{store?.name ?? '…'}</span>
              <span className="an-muted">· {t('portal.conversations.started', { time: formatDateTime(readable.createdAt, i18n.language) })}</span>
              {readable.orderRef && <span className="an-muted mono">· {t('portal.conversations.order', { order: readable.orderRef })}</span>}
            </div>
          </div>
          <span className="portal-pane__readonly" title={t('portal.conversations.readOnly')}>
            <Icon name="eye" size={13} /> {t('portal.readOnly')}
          </span>
        </header>
        {readable.tickets.length > 0 && (
          <div className="portal-pane__tickets" aria-label={t('portal.conversations.tickets')}>
            <span className="an-subtitle">{t('portal.conversations.tickets')}</span>
            {readable.tickets.map((tk) => (
              <span key={tk.id} className="portal-pane__ticket" data-testid="portal-conversation-ticket">
                <span className="mono">{tk.number}</span>
                <TicketTypeLabel type={tk.type} />
                <TicketStatusPill status={tk.status} />
              </span>
            ))}
          </div>
        )}
        <Thread detail={readable} me={me} userById={NO_USERS} />
        <footer className="portal-pane__footer">
          <Icon name="lock" size={13} /> {t('portal.conversations.readOnly')}
        </footer>
      </div>
    </main>
  );
}
