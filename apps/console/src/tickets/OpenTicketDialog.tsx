import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAUSE_CODES, CreateTicketInput, TICKET_TYPES, type CauseCode, type Ticket, type TicketDraft, type TicketType } from '@kefu/contracts';
import { useNowMinute } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import { Kbd } from '../ui/badges';
import { Modal } from '../ui/Modal';
import { CategoryLabel, PolicyVerdict, causeLabel } from './TicketBits';
import { describeError } from './ticket-errors';
import { formatMoney } from './ticket-format';
import { useTicketDraft, useTicketWrites } from './useTickets';

interface Props {
  conversationId: string;
  onClose(): void;
  onCreated(ticket: Ticket): void;
}

/** The fields the agent may change; the rest comes from the draft. */
interface Form {
  type: TicketType;
  reason: string;
  /** SKUs of the order's items the ticket is about. */
  skus: Set<string>;
  cause: CauseCode | '';
}

const fromDraft = (d: TicketDraft): Form => ({ type: d.type, reason: d.customerReason, skus: new Set(d.items.map((i) => i.sku)), cause: '' });

/**
 * Opens an after-sales ticket in one step: everything is prefilled from the order and the
 * customer's latest words (`GET /api/tickets/draft`), the policy's verdict is previewed and asked
 * again when the type changes, and Enter opens it.
 */
export function OpenTicketDialog({ conversationId, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const now = useNowMinute();
  // The type the agent picked; until then the draft guesses it.
  const [picked, setPicked] = useState<TicketType | undefined>(undefined);
  const { draft, loading, error: draftError, reload } = useTicketDraft(conversationId, picked);
  const [base, setBase] = useState<TicketDraft | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const { create } = useTicketWrites();

  // The first draft fills the form; later ones (another type) only bring their policy preview.
  const [latest, setLatest] = useState<TicketDraft | null>(null);
  if (draft && draft !== latest) {
    setLatest(draft);
    if (!base) {
      setBase(draft);
      setForm(fromDraft(draft));
    }
  }

  useEffect(() => {
    if (!base) return;
    const el = reasonRef.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [base]);

  // While another type's verdict is asked for, the last one stays, dimmed.
  const preview = latest?.policyDecision ?? null;

  const submit = async () => {
    if (!base || !form || busy) return;
    const items = base.items.filter((i) => form.skus.has(i.sku));
    const parsed = CreateTicketInput.safeParse({
      conversationId,
      type: form.type,
      customerReason: form.reason,
      orderRef: base.orderRef ?? undefined,
      orderedAt: base.orderedAt ?? undefined,
      deliveredAt: base.deliveredAt,
      items: base.items.length ? items : undefined,
      cause: form.cause || undefined,
    });
    if (!parsed.success) {
      const bad = parsed.error.issues[0]?.path[0];
      setError(bad === 'items' ? t('tickets.dialog.noItems') : bad === 'customerReason' ? t('tickets.dialog.noReason') : t('tickets.errors.other', { message: parsed.error.issues[0]?.message ?? '' }));
      if (bad === 'customerReason') reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const ticket = await create(parsed.data);
      onCreated(ticket);
    } catch (err) {
      setError(describeError(err, t));
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  // Enter opens the ticket from anywhere in the form; Shift+Enter breaks a line of the reason.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLSelectElement) return;
    e.preventDefault();
    void submit();
  };

  const pickType = (type: TicketType) => {
    setForm((f) => (f ? { ...f, type } : f));
    setPicked(type);
  };

  return (
    <Modal labelledBy={`${id}-title`} className="modal--ticket" testId="ticket-dialog" onCancel={onClose}>
      <form className="ticket-dialog" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-busy={!form}>
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

        {!form ? (
          <div className="ticket-dialog__state" role={draftError ? 'alert' : 'status'}>
            {draftError ? (
              <>
                <Icon name="alert" size={18} />
                <p>{t('tickets.dialog.loadError', { message: draftError.statusCode === 0 ? t('errors.network') : draftError.message })}</p>
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
                {TICKET_TYPES.map((type) => (
                  <label key={type} className={`segmented__option${form.type === type ? ' is-active' : ''}`} data-testid={`ticket-type-${type}`}>
                    <input type="radio" name={`${id}-type`} value={type} checked={form.type === type} onChange={() => pickType(type)} className="sr-only" />
                    {t(`tickets.types.${type}`)}
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
                ref={reasonRef}
                className="tform__input tform__input--area ticket-dialog__reason"
                data-testid="ticket-dialog-reason"
                rows={3}
                value={form.reason}
                onChange={(e) => setForm({ ...form, reason: e.target.value })}
              />
            </div>

            <div className="ticket-dialog__field">
              <div className="ticket-dialog__label ticket-dialog__label--row">
                <span>{t('tickets.dialog.order')}</span>
                {base?.orderRef ? (
                  <span className="mono ticket-dialog__ref" data-testid="ticket-dialog-order">
                    {base.orderRef}
                  </span>
                ) : (
                  <span className="ticket-dialog__muted">{t('tickets.dialog.noOrder')}</span>
                )}
              </div>
              {base && base.items.length > 0 && (
                <ul className="ticket-dialog__items" data-testid="ticket-dialog-items">
                  {base.items.map((item) => {
                    const checked = form.skus.has(item.sku);
                    return (
                      <li key={item.sku}>
                        <label className={`pick${checked ? ' is-checked' : ''}`}>
                          <input
                            type="checkbox"
                            checked={checked}
                            onChange={() => {
                              const skus = new Set(form.skus);
                              if (checked) skus.delete(item.sku);
                              else skus.add(item.sku);
                              setForm({ ...form, skus });
                            }}
                          />
                          <span className="pick__name">{item.name}</span>
                          <span className="pick__meta">
                            <span className="mono">{item.sku}</span>
                            <CategoryLabel category={item.category} />
                            <span>
                              {item.qty} × {formatMoney(item.price, i18n.language)}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
              {base && (
                <div className="ticket-dialog__dates" data-testid="ticket-dialog-delivered">
                  <Icon name="truck" size={13} />
                  {base.deliveredAt ? t('tickets.dialog.delivered', { time: formatDateTimeShort(base.deliveredAt, now, i18n.language) }) : t('tickets.dialog.notDelivered')}
                </div>
              )}
            </div>

            <div className="ticket-dialog__field">
              <div className="ticket-dialog__label ticket-dialog__label--row">
                <span>{t('tickets.dialog.policy')}</span>
                {loading && <span className="spinner" aria-label={t('tickets.dialog.checking')} />}
              </div>
              {preview && (
                <div className={loading ? 'is-stale' : undefined} aria-busy={loading}>
                  <PolicyVerdict decision={preview} testId="ticket-dialog-policy" />
                </div>
              )}
            </div>

            <div className="ticket-dialog__field ticket-dialog__field--inline">
              <label className="ticket-dialog__label" htmlFor={`${id}-cause`}>
                {t('tickets.cause.label')}
              </label>
              <select id={`${id}-cause`} className="select" data-testid="ticket-dialog-cause" value={form.cause} onChange={(e) => setForm({ ...form, cause: e.target.value as CauseCode | '' })}>
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
          <button type="submit" className="button button--primary" data-testid="ticket-dialog-confirm" disabled={!form || busy}>
            {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="check" size={14} strokeWidth={2.4} />}
            {t('tickets.dialog.confirm')}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
