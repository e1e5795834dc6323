import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order, OrderItem } from '@kefu/contracts';
import { useNowMinute } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import { errorText } from '../api/error-text';
import { CategoryLabel } from './TicketBits';
import { formatDay, formatMoney } from './ticket-format';
import { useOrders } from './useTickets';
import { ReceiverReveal } from './ReceiverReveal';

/** The conversation's order (and the customer's other recent ones), beside the chat. */
export function OrderCard({ conversationId, customerId, canReveal }: { conversationId: string; customerId: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const { orders, loading, error, reload } = useOrders(conversationId);
  const [showOthers, setShowOthers] = useState(false);
  const [main, ...others] = orders;

  return (
    <section className="details__card order-card" data-testid="order-card" aria-labelledby="order-card-title" aria-busy={loading}>
      <h3 className="details__title details__title--row" id="order-card-title">
        <Icon name="package" size={13} />
        {t('orders.title')}
      </h3>
      {loading && <div className="order-card__state"><span className="spinner" aria-hidden="true" /></div>}
      {error && (
        <div className="order-card__state order-card__state--error" role="alert">
          <span>{error.statusCode === 0 ? t('errors.network') : t('orders.loadError', { message: errorText(error, t) })}</span>
          <button type="button" className="link-button" onClick={reload}>
            {t('orders.retry')}
          </button>
        </div>
      )}
      {!loading && !error && !main && <p className="order-card__none">{t('orders.none')}</p>}
      {main && <OrderView order={main} receiver={<ReceiverReveal order={main} customerId={customerId} canReveal={canReveal} />} />}
      {others.length > 0 && (
        <div className="order-card__others">
          <button type="button" className="order-card__toggle" aria-expanded={showOthers} onClick={() => setShowOthers((v) => !v)}>
            <Icon name={showOthers ? 'chevronDown' : 'chevronRight'} size={13} />
            {t('orders.others', { count: others.length })}
          </button>
          {showOthers && others.map((o) => <OrderView key={o.id} order={o} compact />)}
        </div>
      )}
    </section>
  );
}

function OrderView({ order, compact = false, receiver }: { order: Order; compact?: boolean; receiver?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  const when = (iso: string | null) => (iso ? formatDateTimeShort(iso, now, i18n.language) : null);
  const steps: { key: 'paid' | 'shipped' | 'delivered'; at: string | null }[] = [
    { key: 'paid', at: order.paidAt },
    { key: 'shipped', at: order.shippedAt },
    { key: 'delivered', at: order.deliveredAt },
  ];
  return (
    <div className={`order${compact ? ' order--compact' : ''}`} data-testid="order" data-order-ref={order.orderRef}>
      <div className="order__head">
        <span className="mono order__ref" title={t('orders.ref')}>
          {order.orderRef}
        </span>
        <span className="order__total">{formatMoney(order.totalPaid, i18n.language)}</span>
      </div>
      <ul className="order__items">
        {order.items.map((item) => (
          <ItemLine key={item.sku} item={item} />
        ))}
      </ul>
      <ol className="order__steps" aria-label={t('orders.progress')}>
        {steps.map((s) => (
          <li key={s.key} className={`order__step${s.at ? ' is-done' : ''}`} data-step={s.key}>
            <span className="order__step-dot" aria-hidden="true" />
            <span className="order__step-label">{t(`orders.${s.key}`)}</span>
            <span className="order__step-at" title={when(s.at) ?? undefined}>
              {s.at ? formatDay(s.at, i18n.language) : t('orders.notYet')}
            </span>
          </li>
        ))}
      </ol>
      {(order.carrier || order.trackingNumber) && (
        <div className="order__shipping">
          <Icon name="truck" size={13} />
          <span>{order.carrier ?? '—'}</span>
          {order.trackingNumber && (
            <span className="mono order__tracking" data-testid="order-tracking">
              {order.trackingNumber}
            </span>
          )}
        </div>
      )}
      {receiver}
    </div>
  );
}

/** One line of an order or a ticket: name, SKU and category, qty × price paid. */
export function ItemLine({ item }: { item: OrderItem }) {
  const { i18n } = useTranslation();
  return (
    <li className="item-line">
      <div className="item-line__name" title={item.name}>
        {item.name}
      </div>
      <div className="item-line__meta">
        <span className="mono item-line__sku">{item.sku}</span>
        <CategoryLabel category={item.category} />
        <span className="item-line__price">
          {item.qty} × {formatMoney(item.price, i18n.language)}
        </span>
      </div>
    </li>
  );
}
