import { useTranslation } from 'react-i18next';
import type { ResponseRateItem, Store } from '@kefu/contracts';
import type { ApiRequestError } from '../api/client';
import { PlatformBadge } from '../ui/badges';
import { BoardPanel, PanelState } from './BoardPanel';
import { dayStartLabel, responseRateLabel, ruleLabel } from './format';
import { formatResponseRate, RESPONSE_RATE_BANDS, rateTone, sortByRate } from './platform-response';
import { ResponseRateBar } from './ResponseRateBar';

interface Props {
  items: ResponseRateItem[] | null;
  /** When "today" began (ISO), at midnight in `timezone`. */
  from: string;
  timezone: string;
  loading: boolean;
  error: ApiRequestError | null;
  onRetry(): void;
  storeById: Map<string, Store>;
}

/** Each store's platform response rate today against its rule, with what is decided and what still runs. */
export function ResponseToday({ items, from, timezone, loading, error, onRetry, storeById }: Props) {
  const { t, i18n } = useTranslation();
  const rows = sortByRate(items ?? [], (i) => storeById.get(i.storeId ?? '')?.name ?? i.storeId ?? '');
  return (
    <BoardPanel
      id="sla-platform-title"
      title={t('sla.platform.title')}
      hint={t('sla.platform.hint', { time: dayStartLabel(from, timezone, i18n.language) })}
      className="board-panel--platform"
    >
      <PanelState loading={loading && items === null} error={error} empty={items !== null && rows.length === 0} icon="store" title={t('sla.platform.empty')} onRetry={onRetry} />
      {items !== null && (
        <div
          className="rate-list"
          data-testid="response-rates"
          title={t('sla.platform.bandsTitle', { green: formatResponseRate(RESPONSE_RATE_BANDS.green), amber: formatResponseRate(RESPONSE_RATE_BANDS.amber) })}
        >
          {rows.map((item) => (
            <StoreRate key={item.storeId} item={item} store={storeById.get(item.storeId ?? '')} />
          ))}
        </div>
      )}
    </BoardPanel>
  );
}

function StoreRate({ item, store }: { item: ResponseRateItem; store: Store | undefined }) {
  const { t } = useTranslation();
  const tone = rateTone(item.rate);
  return (
    <div className={`rate-row${tone ? ` rate-row--${tone}` : ''}`} data-testid="response-rate-store" data-store-id={item.storeId} data-tone={tone ?? 'none'}>
      <div className="rate-row__store">
        <div className="rate-row__who">
          <span className="rate-row__name" title={store?.name}>
            {store?.name ?? '…'}
          </span>
          {store && <PlatformBadge platform={store.platform} />}
        </div>
        {store && (
          <span className="rate-row__rule" data-testid="response-rule" title={t('sla.platform.ruleTitle', { seconds: store.responseRule.seconds })}>
            {ruleLabel(store.responseRule, t)}
          </span>
        )}
      </div>
      <ResponseRateBar rate={item.rate} />
      <div className={`rate-row__value${item.rate === null ? ' is-none' : ''}`} data-testid="response-rate-value" aria-label={t('sla.platform.rate')}>
        {responseRateLabel(item.rate, t)}
      </div>
      <div className="rate-row__counts">
        <span data-testid="response-rate-met">{item.eligible > 0 ? t('sla.platform.met', { met: item.met, eligible: item.eligible }) : t('sla.platform.noneDecided')}</span>
        <span className={`rate-row__pending${item.pending > 0 ? ' is-running' : ''}`} data-testid="response-rate-pending" data-count={item.pending}>
          {t('sla.platform.pending', { count: item.pending })}
        </span>
      </div>
    </div>
  );
}
