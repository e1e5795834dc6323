import { useMemo } from 'react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Statement, Store } from '@kefu/contracts';
import { periodTimezone } from '../analytics/period';
import { saveFile } from '../analytics/download';
import { useStores } from '../desk/useStores';
import { useShortcuts } from '../keyboard/shortcuts';
import { formatDateTime } from '../time/format';
import { serverNow } from '../time/server-clock';
import { PlatformBadge } from '../ui/badges';
import { Icon } from '../ui/icons';
import { ListState } from '../ui/ListState';
import { useAgencyName } from './PortalLayout';
import { commissionBase, moneyLabel, monthLabel, monthOf, rateLabel, shiftMonth, statementCsv, statementFileName, type StatementCsvLabels } from './statement-format';
import { useStatements } from './usePortal';

const MONTHS_TO_CHOOSE = 24;

/** #/portal/statement?month=YYYY-MM — the agency's fees for the month, store by store, with the orders they count; printable. */
export function StatementScreen() {
  const { t, i18n } = useTranslation();
  const agency = useAgencyName();
  const { stores, storeById } = useStores();
  const search = useSearch({ from: '/portal/statement' });
  const navigate = useNavigate({ from: '/portal/statement' });
  const thisMonth = monthOf(serverNow(), periodTimezone(stores, ''));
  const month = search.month ?? thisMonth;
  const { statements, loading, error, reload } = useStatements(month);
  const go = (m: string) => void navigate({ search: { month: m === thisMonth ? undefined : m } });
  const atLatest = month >= thisMonth;
  // The last two years to choose from (and the month in the address, if older).
  const months = useMemo(() => {
    const recent = Array.from({ length: MONTHS_TO_CHOOSE }, (_, i) => shiftMonth(thisMonth, -i));
    return recent.includes(month) ? recent : [...recent, month];
  }, [thisMonth, month]);
  // [ and ] step through the months.
  useShortcuts({ '[': () => go(shiftMonth(month, -1)), ']': () => !atLatest && go(shiftMonth(month, 1)) });

  return (
    <main className="board portal-screen statement-screen" data-testid="portal-statement" aria-labelledby="statement-title">
      <header className="board__header">
        <div className="board__heading">
          <h1 className="board__title" id="statement-title">
            {t('portal.statement.title')} · <span data-testid="statement-month">{monthLabel(month, i18n.language)}</span>
          </h1>
          <p className="board__subtitle">{t('portal.statement.subtitle', { agency })}</p>
        </div>
        <div className="board__tools no-print">
          <div className="month-step" role="group" aria-label={t('portal.statement.month')}>
            <button type="button" className="icon-button icon-button--bordered" onClick={() => go(shiftMonth(month, -1))} aria-label={t('portal.statement.previous')} title={`${t('portal.statement.previous')} ([)`} data-testid="statement-previous">
              <Icon name="arrowLeft" size={15} />
            </button>
            <select className="select month-step__select" value={month} aria-label={t('portal.statement.month')} onChange={(e) => go(e.target.value)} data-testid="statement-month-select">
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(m, i18n.language)}
                </option>
              ))}
            </select>
            <button type="button" className="icon-button icon-button--bordered" disabled={atLatest} onClick={() => go(shiftMonth(month, 1))} aria-label={t('portal.statement.next')} title={`${t('portal.statement.next')} (])`} data-testid="statement-next">
              <Icon name="arrowRight" size={15} />
            </button>
          </div>
          <button type="button" className="button button--primary" disabled={!statements?.length} onClick={() => window.print()} data-testid="statement-print">
            <Icon name="printer" size={14} />
            {t('portal.statement.print')}
          </button>
        </div>
      </header>

      <ListState
        error={error}
        loading={loading}
        empty={statements?.length === 0}
        errorText={(message) => t('portal.loadError', { message })}
        onRetry={reload}
        retryLabel={t('portal.retry')}
        icon="fileText"
        emptyTitle={t('portal.statement.empty', { month: monthLabel(month, i18n.language) })}
        emptyHint={t('portal.statement.emptyHint')}
      />
      {statements?.map((s) => <StatementCard key={s.storeId} statement={s} store={storeById.get(s.storeId)} />)}
    </main>
  );
}

function StatementCard({ statement: s, store }: { statement: Statement; store: Store | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (n: number) => moneyLabel(n, lang);
  const storeName = store?.name ?? s.storeId.slice(0, 8);
  const labels = useMemo<StatementCsvLabels>(
    () => ({
      ...t('portal.statement.csvLabels', { returnObjects: true }),
      statusValue: { draft: t('portal.statement.status.draft'), final: t('portal.statement.status.final') },
      baseFee: t('portal.statement.baseFee'),
      attributedSales: t('portal.statement.attributedSales'),
      refundsDeducted: t('portal.statement.refundsDeducted'),
      commissionRate: t('portal.statement.commissionRate'),
      commission: t('portal.statement.commission', { rate: rateLabel(s.commissionRate) }),
      promotionFees: t('portal.statement.promotionFees'),
      total: t('portal.statement.total'),
    }),
    [t, s.commissionRate],
  );
  const download = () => saveFile({ blob: new Blob([statementCsv(s, storeName, labels)], { type: 'text/csv;charset=utf-8' }), filename: statementFileName(storeName, s.month) }, 'statement.csv');

  return (
    <section className="an-card statement" aria-labelledby={`statement-${s.storeId}`} data-testid="statement" data-store-id={s.storeId} data-status={s.status}>
      <header className="an-card__header statement__header">
        <h2 className="an-card__title statement__store" id={`statement-${s.storeId}`}>
          {store && <PlatformBadge platform={store.platform} />}
          {storeName}
        </h2>
        <span className={`statement__status statement__status--${s.status}`} data-testid="statement-status">
          {t(`portal.statement.status.${s.status}`)}
        </span>
        <span className="an-card__hint">{s.status === 'draft' ? t('portal.statement.draftHint', { date: formatDateTime(s.finalAfter, lang) }) : t('portal.statement.finalHint')}</span>
        <div className="an-card__tools no-print">
          <button type="button" className="button button--small" onClick={download} data-testid="statement-csv">
            <Icon name="download" size={13} />
            {t('portal.statement.csv')}
          </button>
        </div>
      </header>
      <div className="an-card__body statement__body">
        <table className="fees" aria-label={t('portal.statement.fees')}>
          <tbody>
            <FeeRow label={t('portal.statement.baseFee')} value={money(s.baseFee)} testId="fee-base" />
            <FeeRow label={t('portal.statement.attributedSales')} hint={t('portal.statement.attributedHint')} value={money(s.attributedSales)} muted testId="fee-sales" />
            <FeeRow label={t('portal.statement.refundsDeducted')} value={s.refundsDeducted > 0 ? `−${money(s.refundsDeducted)}` : money(0)} muted testId="fee-refunds" />
            <FeeRow label={t('portal.statement.commissionBase')} value={money(commissionBase(s))} muted />
            <FeeRow label={t('portal.statement.commission', { rate: rateLabel(s.commissionRate) })} value={money(s.commission)} testId="fee-commission" />
            <FeeRow label={t('portal.statement.promotionFees')} value={money(s.promotionFees)} testId="fee-promotion" />
          </tbody>
          <tfoot>
            <tr className="fees__total">
              <th scope="row">{t('portal.statement.total')}</th>
              <td className="num" data-testid="fee-total">
                {money(s.total)}
              </td>
            </tr>
          </tfoot>
        </table>

        <div className="statement__orders">
          <h3 className="an-subtitle">
            {t('portal.statement.orders')} · {t('portal.statement.ordersCount', { count: s.orders.length })}
          </h3>
          {s.orders.length === 0 ? (
            <p className="an-muted">{t('portal.statement.noOrders')}</p>
          ) : (
            <table className="an-table an-table--compact statement__order-table">
              <thead>
                <tr>
                  <th scope="col">{t('portal.statement.columns.order')}</th>
                  <th scope="col">{t('portal.statement.columns.paidAt')}</th>
                  <th scope="col" className="num">
                    {t('portal.statement.columns.paid')}
                  </th>
                  <th scope="col" className="num">
                    {t('portal.statement.columns.refunded')}
                  </th>
                  <th scope="col" className="no-print">
                    {t('portal.statement.columns.conversation')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.orders.map((o) => (
                  <tr key={o.orderRef} data-testid="statement-order">
                    <td className="mono">{o.orderRef}</td>
                    <td>{formatDateTime(o.paidAt, lang)}</td>
                    <td className="num">{money(o.totalPaid)}</td>
                    <td className={`num${o.refunded > 0 ? ' is-bad' : ''}`}>{o.refunded > 0 ? `−${money(o.refunded)}` : '—'}</td>
                    <td className="no-print">
                      <Link to="/portal/conversations/$conversationId" params={{ conversationId: o.conversationId }} className="link-button">
                        {t('portal.statement.openConversation')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}

function FeeRow({ label, hint, value, muted, testId }: { label: string; hint?: string; value: string; muted?: boolean; testId?: string }) {
  return (
    <tr className={muted ? 'fees__detail' : undefined}>
      <th scope="row">
        {label}
        {hint && <span className="fees__hint">{hint}</span>}
      </th>
      <td className="num" data-testid={testId}>
        {value}
      </td>
    </tr>
  );
}
