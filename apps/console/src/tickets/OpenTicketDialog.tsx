import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { errorText } from '../api/error-text';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CAUSE_CODES, TICKET_TYPES, type Order, type Ticket, type TicketDraft } from '@kefu/contracts';
import { useNowMinute } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import { Kbd } from '../ui/badges';
import { Modal } from '../ui/Modal';
import { CategoryLabel, PolicyVerdict, causeLabel } from './TicketBits';
import { TicketDialogForm, ticketInput, valuesFromDraft, type TicketDialogValues } from './ticket-dialog-form';
import { describeError } from './ticket-errors';
import { formatDay, formatMoney } from './ticket-format';
import { useOrders, useTicketDraft, useTicketWrites } from './useTickets';

interface Props {
  conversationId: string;
  onClose(): void;
  onCreated(ticket: Ticket): void;
}

/**
 * Opens an after-sales ticket in one step: prefilled from the order on screen (the conversation's, else the customer's
 * latest) and the customer's latest words (`GET /api/tickets/draft`). The agent may pick another of the customer's
 * orders; the policy's verdict is previewed for the order and type chosen, and Enter opens it.
 */
export function OpenTicketDialog({ conversationId, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { orders } = useOrders(conversationId);
  const form = useForm<TicketDialogValues, unknown, ReturnType<typeof TicketDialogForm.parse>>({ resolver: standardSchemaResolver(TicketDialogForm) });
  // Until the first draft arrives the server chooses type and order; afterwards the form does.
  const [ready, setReady] = useState(false);
  const type = useWatch({ control: form.control, name: 'type' });
  const orderRef = useWatch({ control: form.control, name: 'orderRef' });
  const { draft, loading, error: draftError, reload } = useTicketDraft(conversationId, ready ? type : undefined, ready && orderRef ? orderRef : undefined);
  const [error, setError] = useState<string | null>(null);
  const { create } = useTicketWrites();

  // The first draft fills the form; a later one (another order) brings its items, all chosen.
  const [seen, setSeen] = useState<TicketDraft | null>(null);
  if (draft && draft !== seen) {
    setSeen(draft);
    if (!ready) {
      form.reset(valuesFromDraft(draft));
      setReady(true);
    } else if (draft.orderRef && draft.orderRef === orderRef && draft.orderRef !== seen?.orderRef) {
      form.setValue('skus', draft.items.map((i) => i.sku));
    }
  }

  useEffect(() => {
    if (ready) form.setFocus('customerReason', { shouldSelect: false });
  }, [ready, form]);

  // The draft of the order chosen (a preview for another order or type is on its way while `loading`).
  const current = draft && (orderRef === '' || draft.orderRef === orderRef) ? draft : null;

  const submit = form.handleSubmit(
    async (values) => {
      if (!current && values.orderRef !== '') return;
      const parsed = ticketInput(conversationId, values, current ?? draft!);
      if (!parsed.success) {
        const bad = parsed.error.issues[0]?.path[0];
        setError(bad === 'items' ? t('tickets.dialog.noItems') : t('tickets.errors.other', { message: parsed.error.issues[0]?.message ?? '' }));
        return;
      }
      setError(null);
      try {
        onCreated(await create(parsed.data));
      } catch (err) {
        setError(describeError(err, t));
      }
    },
    (errors) => {
      if (errors.customerReason) setError(t('tickets.dialog.noReason'));
    },
  );

  // Enter opens the ticket from anywhere in the form; Shift+Enter breaks a line of the reason.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLSelectElement) return;
    e.preventDefault();
    void submit();
  };

  const busy = form.formState.isSubmitting;
  const withoutOrder = ready && orderRef === '';
  return (
    <Modal labelledBy={`${id}-title`} className="modal--ticket" testId="ticket-dialog" onCancel={onClose}>
      <form className="ticket-dialog" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-busy={!ready}>
        <header className="ticket-dialog__head">
          <span className="modal__icon" aria-hidden="true">
            <Icon name="ticket" size={18} />
          </span>
          <div>
            <h2 className="modal__title" id={`${id}-title`}>
              {t('tickets.dialog.title')}
            </h2>
            <p className="modal__text">{t('tickets.dialog.subtitle')}</p>
          </div>
        </header>

        {!ready ? (
          <div className="ticket-dialog__state" role={draftError ? 'alert' : 'status'}>
            {draftError ? (
              <>
                <Icon name="alert" size={18} />
                <p>{t('tickets.dialog.loadError', { message: errorText(draftError, t) })}</p>
                <button type="button" className="button button--ghost" onClick={reload}>
                  {t('tickets.dialog.retry')}
                </button>
              </>
            ) : (
              <>
                <span className="spinner" aria-hidden="true" />
                <p>{t('tickets.dialog.loading')}</p>
              </>
            )}
          </div>
        ) : (
          <div className="ticket-dialog__body">
            <fieldset className="ticket-dialog__field">
              <legend className="ticket-dialog__label">{t('tickets.dialog.type')}</legend>
              <div className="segmented segmented--wide" role="radiogroup" data-testid="ticket-dialog-type">
                {TICKET_TYPES.map((option) => (
                  <label key={option} className={`segmented__option${type === option ? ' is-active' : ''}`} data-testid={`ticket-type-${option}`}>
                    <input type="radio" value={option} {...form.register('type')} className="sr-only" />
                    {t(`tickets.types.${option}`)}
                  </label>
                ))}
              </div>
            </fieldset>

            <div className="ticket-dialog__field">
              <label className="ticket-dialog__label" htmlFor={`${id}-reason`}>
                {t('tickets.dialog.reason')}
              </label>
              <textarea
                id={`${id}-reason`}
                className="tform__input tform__input--area ticket-dialog__reason"
                data-testid="ticket-dialog-reason"
                rows={3}
                aria-invalid={form.formState.errors.customerReason ? true : undefined}
                {...form.register('customerReason')}
              />
            </div>

            <div className="ticket-dialog__field">
              <div className="ticket-dialog__label ticket-dialog__label--row">
                <label htmlFor={`${id}-order`}>{t('tickets.dialog.order')}</label>
                {orderRef ? (
                  <span className="mono ticket-dialog__ref" data-testid="ticket-dialog-order">
                    {orderRef}
                  </span>
                ) : (
                  <span className="ticket-dialog__muted">{t('tickets.dialog.noOrder')}</span>
                )}
              </div>
              <select id={`${id}-order`} className="select ticket-dialog__orders" data-testid="ticket-dialog-order-select" {...form.register('orderRef')}>
                {orderChoices(orders, current ?? draft).map((o) => (
                  <option key={o.orderRef} value={o.orderRef}>
                    {orderLabel(o, t, i18n.language)}
                  </option>
                ))}
                <option value="">{t('tickets.dialog.withoutOrder')}</option>
              </select>
              {withoutOrder && orders.length > 0 && (
                <p className="ticket-dialog__warning" role="alert" data-testid="ticket-dialog-no-order-warning">
                  <Icon name="alert" size={13} />
                  {t('tickets.dialog.customerHasOrders', { count: orders.length })}
                </p>
              )}
              {current && current.items.length > 0 && (
                <Controller
                  control={form.control}
                  name="skus"
                  render={({ field }) => (
                    <ul className="ticket-dialog__items" data-testid="ticket-dialog-items">
                      {current.items.map((item) => {
                        const checked = field.value.includes(item.sku);
                        return (
                          <li key={item.sku}>
                            <label className={`pick${checked ? ' is-checked' : ''}`}>
                              <input type="checkbox" checked={checked} onChange={() => field.onChange(checked ? field.value.filter((s) => s !== item.sku) : [...field.value, item.sku])} />
                              <span className="pick__name">{item.name}</span>
                              <ItemMeta sku={item.sku} category={item.category} qty={item.qty} price={item.price} />
                            </label>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                />
              )}
              {current && current.orderRef && <Delivery deliveredAt={current.deliveredAt} />}
            </div>

            <div className="ticket-dialog__field">
              <div className="ticket-dialog__label ticket-dialog__label--row">
                <span>{t('tickets.dialog.policy')}</span>
                {loading && <span className="spinner" aria-label={t('tickets.dialog.checking')} />}
              </div>
              {withoutOrder ? (
                <p className="ticket-dialog__muted" data-testid="ticket-dialog-policy-none">
                  {t('tickets.dialog.policyNeedsOrder')}
                </p>
              ) : (
                (current ?? draft) && (
                  <div className={loading || !current ? 'is-stale' : undefined} aria-busy={loading}>
                    <PolicyVerdict decision={(current ?? draft)!.policyDecision} testId="ticket-dialog-policy" />
                  </div>
                )
              )}
            </div>

            <div className="ticket-dialog__field ticket-dialog__field--inline">
              <label className="ticket-dialog__label" htmlFor={`${id}-cause`}>
                {t('tickets.cause.label')}
              </label>
              <select id={`${id}-cause`} className="select" data-testid="ticket-dialog-cause" {...form.register('cause', { setValueAs: (v: string) => v || undefined })}>
                <option value="">{t('tickets.dialog.causeAuto')}</option>
                {CAUSE_CODES.map((c) => (
                  <option key={c} value={c}>
                    {causeLabel(c, t)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}

        {error && (
          <p className="modal__error" role="alert" data-testid="ticket-dialog-error">
            <Icon name="alert" size={13} />
            {error}
          </p>
        )}
        <footer className="modal__footer ticket-dialog__footer">
          <span className="ticket-dialog__hint">
            <Kbd>Enter</Kbd> {t('tickets.dialog.hintOpen')} <span className="dot-sep" /> <Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> {t('tickets.dialog.hintNewline')}
          </span>
          <button type="button" className="button button--ghost" data-testid="ticket-dialog-cancel" onClick={onClose}>
            {t('tickets.dialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="ticket-dialog-confirm" disabled={!ready || busy || (!current && orderRef !== '')}>
            {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="check" size={14} strokeWidth={2.4} />}
            {t('tickets.dialog.confirm')}
          </button>
        </footer>
      </form>
    </Modal>
  );
}

/** The customer's orders as the side panel lists them, with the draft's order first if the list lacks it. */
function orderChoices(orders: readonly Order[], draft: TicketDraft | null): { orderRef: string; firstItem: string | null; deliveredAt: string | null }[] {
  const list = orders.map((o) => ({ orderRef: o.orderRef, firstItem: o.items[0]?.name ?? null, deliveredAt: o.deliveredAt }));
  if (draft?.orderRef && !list.some((o) => o.orderRef === draft.orderRef)) list.unshift({ orderRef: draft.orderRef, firstItem: draft.items[0]?.name ?? null, deliveredAt: draft.deliveredAt });
  return list;
}

function orderLabel(o: { orderRef: string; firstItem: string | null; deliveredAt: string | null }, t: TFunction, lang: string): string {
  return [o.orderRef, o.firstItem, o.deliveredAt ? t('tickets.dialog.deliveredOn', { date: formatDay(o.deliveredAt, lang) }) : t('tickets.dialog.notDelivered')].filter(Boolean).join(' · ');
}

function ItemMeta({ sku, category, qty, price }: { sku: string; category: string; qty: number; price: number }) {
  const { i18n } = useTranslation();
  return (
    <span className="pick__meta">
      <span className="mono">{sku}</span>
      <CategoryLabel category={category} />
      <span>
        {qty} × {formatMoney(price, i18n.language)}
      </span>
    </span>
  );
}

function Delivery({ deliveredAt }: { deliveredAt: string | null }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  return (
    <div className="ticket-dialog__dates" data-testid="ticket-dialog-delivered">
      <Icon name="truck" size={13} />
      {deliveredAt ? t('tickets.dialog.delivered', { time: formatDateTimeShort(deliveredAt, now, i18n.language) }) : t('tickets.dialog.notDelivered')}
    </div>
  );
}
