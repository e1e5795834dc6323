import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order, ShownReceiver } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { errorText } from '../api/error-text';
import { Icon } from '../ui/icons';

/**
 * An order's receiver, masked as every view shows it; agents and supervisors of the store may show it in full for a
 * stated purpose (the server keeps a daily quota and audits each reveal). Shown in full until the card goes.
 */
export function ReceiverReveal({ order, customerId, canReveal }: { order: Order; customerId: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [clear, setClear] = useState<{ receiver: ShownReceiver; remaining: number } | null>(null);
  const masked = order.receiver;
  if (!masked) return null;
  const shown = clear?.receiver ?? masked;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const fields = (['name', 'phone', 'address'] as const).filter((f) => masked[f]);
      const r = await deskApi.revealReceiver(customerId, { fields: [...fields], purpose: purpose.trim(), orderRef: order.orderRef });
      setClear({ receiver: r.receiver, remaining: r.remainingToday });
      setAsking(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="order__receiver" data-testid="order-receiver" data-revealed={clear ? 'true' : 'false'}>
      <div className="order__receiver-head">
        <Icon name="user" size={13} />
        <span>{t('orders.receiver')}</span>
        {canReveal && !clear && !asking && (
          <button type="button" className="link-button" onClick={() => setAsking(true)} data-testid="receiver-reveal">
            {t('orders.reveal')}
          </button>
        )}
      </div>
      <div className="order__receiver-lines">
        {shown.name && <span data-testid="receiver-name">{shown.name}</span>}
        {shown.phone && <span className="mono" data-testid="receiver-phone">{shown.phone}</span>}
        {shown.address && <span data-testid="receiver-address">{shown.address}</span>}
      </div>
      {clear && <p className="order__receiver-note" data-testid="receiver-remaining">{t('orders.revealed', { count: clear.remaining })}</p>}
      {asking && (
        <form className="order__reveal-form" onSubmit={(e) => void submit(e)}>
          <label className="sr-only" htmlFor={`reveal-${order.orderRef}`}>
            {t('orders.revealPurpose')}
          </label>
          <input
            id={`reveal-${order.orderRef}`}
            className="input input--small"
            autoFocus
            value={purpose}
            placeholder={t('orders.revealPurpose')}
            onChange={(e) => setPurpose(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
            data-testid="receiver-purpose"
          />
          <button type="submit" className="button button--small button--primary" disabled={busy || purpose.trim().length < 4} data-testid="receiver-reveal-submit">
            {t('orders.revealSubmit')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAsking(false)}>
            {t('orders.revealCancel')}
          </button>
        </form>
      )}
      {error !== null && (
        <p className="order__receiver-error" role="alert" data-testid="receiver-error">
          {errorText(error, t)}
        </p>
      )}
    </div>
  );
}
