import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Statement, Store } from '@kefu/contracts';
import { saveFile } from '../analytics/download';
import { formatDateTime } from '../time/format';
import { PlatformBadge } from '../ui/badges';
import { Icon } from '../ui/icons';
import { commissionBase, moneyLabel, rateLabel, statementCsv, statementFileName, type StatementCsvLabels } from './statement-format';

interface Props {
  statement: Statement;
  store: Store | undefined;
  /** The link to the conversation an order is counted for (each side its own screen); none: no such column. */
  conversationLink?: (conversationId: string) => ReactNode;
}

/** One store's month: the fees down to the total, each attributed order, and the CSV of it (in the reader's language). */
export function StatementCard({ statement: s, store, conversationLink }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (n: number) => moneyLabel(n, lang);
  const storeName = store?.name ?? s.storeId.slice(0, 8);
  const labels = useMemo<StatementCsvLabels>(
    () => ({
      ...t('billing.statement.csvLabels', { returnObjects: true }),
      statusValue: { draft: t('billing.statement.status.draft'), final: t('billing.statement.status.final') },
      baseFee: t('billing.statement.baseFee'),
      attributedSales: t('billing.statement.attributedSales'),
      refundsDeducted: t('billing.statement.refundsDeducted'),
      commissionRate: t('billing.statement.commissionRate'),
      commission: t('billing.statement.commission', { rate: rateLabel(s.commissionRate) }),
      promotionFees: t('billing.statement.promotionFees'),
      total: t('billing.statement.total'),
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
          {t(`billing.statement.status.${s.status}`)}
        </span>
        <span className="an-card__hint">{s.status === 'draft' ? t('billing.statement.draftHint', { date: formatDateTime(s.finalAfter, lang) }) : t('billing.statement.finalHint')}</span>
        <div className="an-card__tools no-print">
          <button type="button" className="button button--small" onClick={download} aria-label={`${t('billing.statement.csv')} · ${storeName}`} data-testid="statement-csv">
            <Icon name="download" size={13} />
            {t('billing.statement.csv')}
          </button>
        </div>
      </header>
      <div className="an-card__body statement__body">
        <table className="fees" aria-label={t('billing.statement.fees')}>
          <tbody>
            <FeeRow label={t('billing.statement.baseFee')} value={money(s.baseFee)} testId="fee-base" />
            <FeeRow label={t('billing.statement.attributedSales')} hint={t('billing.statement.attributedHint')} value={money(s.attributedSales)} muted testId="fee-sales" />
            <FeeRow label={t('billing.statement.refundsDeducted')} value={s.refundsDeducted > 0 ? `−${money(s.refundsDeducted)}` : money(0)} muted testId="fee-refunds" />
            <FeeRow label={t('billing.statement.commissionBase')} value={money(commissionBase(s))} muted />
            <FeeRow label={t('billing.statement.commission', { rate: rateLabel(s.commissionRate) })} value={money(s.commission)} testId="fee-commission" />
            <FeeRow label={t('billing.statement.promotionFees')} value={money(s.promotionFees)} testId="fee-promotion" />
          </tbody>
          <tfoot>
            <tr className="fees__total">
              <th scope="row">{t('billing.statement.total')}</th>
              <td className="num" data-testid="fee-total">
                {money(s.total)}
              </td>
            </tr>
          </tfoot>
        </table>

        <div className="statement__orders">
          <h3 className="an-subtitle">
            {t('billing.statement.orders')} · {t('billing.statement.ordersCount', { count: s.orders.length })}
          </h3>
          {s.orders.length === 0 ? (
            <p className="an-muted">{t('billing.statement.noOrders')}</p>
          ) : (
            <table className="an-table an-table--compact statement__order-table">
              <thead>
                <tr>
                  <th scope="col">{t('billing.statement.columns.order')}</th>
                  <th scope="col">{t('billing.statement.columns.paidAt')}</th>
                  <th scope="col" className="num">
                    {t('billing.statement.columns.paid')}
                  </th>
                  <th scope="col" className="num">
                    {t('billing.statement.columns.refunded')}
                  </th>
                  {conversationLink && (
                    <th scope="col" className="no-print">
                      {t('billing.statement.columns.conversation')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {s.orders.map((o) => (
                  <tr key={o.orderRef} data-testid="statement-order" data-order-ref={o.orderRef}>
                    <td className="mono">{o.orderRef}</td>
                    <td>{formatDateTime(o.paidAt, lang)}</td>
                    <td className="num">{money(o.totalPaid)}</td>
                    <td className={`num${o.refunded > 0 ? ' is-bad' : ''}`}>{o.refunded > 0 ? `−${money(o.refunded)}` : '—'}</td>
                    {conversationLink && <td className="no-print">{conversationLink(o.conversationId)}</td>}
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
