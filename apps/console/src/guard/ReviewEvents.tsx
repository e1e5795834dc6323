import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { GuardEvent } from '@kefu/contracts';
import { apiErrorOf } from '../data/errors';
import { useNowMinute } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import { ListState } from '../ui/ListState';
import { guardApi } from './guard-api';
import { reasons } from './guard-spans';
import type { ReviewFilters } from './ReviewScreen';
import type { ReviewNames } from './useReviewNames';

const PAGE = 30;

/** The blocked attempts and overrides of the period and filters, newest first: what matched, why, who, when. */
export function ReviewEvents({ filters, names }: { filters: ReviewFilters; names: ReviewNames }) {
  const { t } = useTranslation();
  const query = { storeId: filters.storeId || undefined, agentId: filters.agentId || undefined, ruleId: filters.ruleId || undefined, kind: filters.kind || undefined, from: filters.from, limit: PAGE };
  const events = useInfiniteQuery({
    queryKey: ['guardEvents', query],
    queryFn: ({ pageParam, signal }) => guardApi.events({ ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const total = events.data?.pages[0]?.total ?? 0;

  return (
    <section className="board-panel review-events" data-testid="review-events">
      <header className="board-panel__header">
        <h2 className="board-panel__title">{t('guard.review.events.title')}</h2>
        {events.data && <span className="board-count">{t('guard.review.events.count', { count: total })}</span>}
      </header>
      <div className="board-panel__body">
        <ul className="review-event-list">
          {items.map((e) => (
            <EventItem key={e.id} event={e} names={names} />
          ))}
        </ul>
        <ListState
          error={apiErrorOf(events.error)}
          loading={events.isPending}
          empty={!!events.data && items.length === 0}
          errorText={(message) => t('guard.review.loadError', { message })}
          onRetry={() => void events.refetch()}
          retryLabel={t('guard.review.retry')}
          icon="shield"
          emptyTitle={t('guard.review.events.empty')}
          emptyHint={t('guard.review.events.emptyHint')}
        />
        {events.hasNextPage && (
          <button type="button" className="button button--ghost button--small review-more" disabled={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
            {t('guard.review.events.more')}
          </button>
        )}
      </div>
    </section>
  );
}

function EventItem({ event: e, names }: { event: GuardEvent; names: ReviewNames }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  return (
    <li className="review-event" data-testid="review-event" data-kind={e.kind} data-conversation-id={e.conversationId}>
      <div className="review-event__head">
        <span className={`guard-tag guard-tag--${e.kind === 'blocked' ? 'block' : 'warn'}`}>{t(`guard.review.kinds.${e.kind}`)}</span>
        <span className="review-event__who">{names.agentName(e.agentId, e.agentName)}</span>
        <span className="review-event__meta">
          {names.storeName(e.storeId)} · {formatDateTimeShort(e.at, now, i18n.language)}
        </span>
        <Link to="/c/$conversationId" params={{ conversationId: e.conversationId }} className="review-event__open" data-testid="review-event-open">
          {t('guard.review.events.open')}
          <Icon name="arrowRight" size={12} />
        </Link>
      </div>
      <ul className="review-event__rules">
        {reasons(e.violations, i18n.language).map((r) => (
          <li key={r.ruleId}>
            {r.matches.map((m) => (
              <mark key={m} className={`guard-mark guard-mark--${r.action}`} data-testid="review-event-match">
                {m}
              </mark>
            ))}{' '}
            <span className="review-event__reason">{r.reason}</span>
          </li>
        ))}
      </ul>
      {e.reason && (
        <p className="review-event__why" data-testid="review-event-reason">
          <span>{t('guard.review.events.reason')}:</span> {e.reason}
        </p>
      )}
    </li>
  );
}
