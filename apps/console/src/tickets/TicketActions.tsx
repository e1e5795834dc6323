import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CAUSE_CODES, type Ticket, type TicketAction, type TransitionInput, type User } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { causeLabel, ruleLabel } from './TicketBits';
import { buildTransition, formatMoney, formFor, refundableAmount, type ActionForm, type ActionValues } from './ticket-format';
import { describeRefusal, readRefusal } from './ticket-errors';

interface Props {
  ticket: Ticket;
  me: User;
  onTransition(input: TransitionInput): Promise<unknown>;
  /** The ticket moved on elsewhere: fetch it again. */
  onStale(): void;
}

/** Forward steps look like the way on; a refusal and the side-tracks look quieter. */
const QUIET: ReadonlySet<TicketAction> = new Set(['wait_customer', 'open_supplier_case', 'resume']);
const DANGER: ReadonlySet<TicketAction> = new Set(['reject']);

// The last return address used per store, so the next return needs no typing.
const addressKey = (storeId: string) => `kefu.returnAddress.${storeId}`;
const rememberedAddress = (storeId: string): string => {
  try {
    return localStorage.getItem(addressKey(storeId)) ?? '';
  } catch {
    return '';
  }
};
const rememberAddress = (storeId: string, address: string) => {
  try {
    localStorage.setItem(addressKey(storeId), address);
  } catch {
    // not remembered
  }
};

const inDays = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function initialValues(form: ActionForm, ticket: Ticket): ActionValues {
  switch (form) {
    case 'refund':
      return { amount: refundableAmount(ticket).toFixed(2) };
    case 'request_return':
      return { returnAddress: ticket.returnAddress ?? rememberedAddress(ticket.storeId) };
    case 'open_supplier_case':
      return { remedy: 'replace', dueDate: inDays(3) };
    case 'supplier_replied':
      return { outcome: 'replace' };
    case 'close_cause':
      return { cause: ticket.cause ?? '' };
    default:
      return {};
  }
}

/**
 * The ticket's next steps as buttons (the state machine's `allowedActions`). A step that needs
 * input opens a small form under the buttons; Enter sends it, Esc closes it.
 */
export function TicketActions({ ticket, me, onTransition, onStale }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ action: TicketAction; form: ActionForm } | null>(null);
  const [values, setValues] = useState<ActionValues>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<TicketAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const buttonsRef = useRef<HTMLDivElement>(null);
  /** While a step is sent: the ticket's updatedAt before it. Once it has moved on, the focus goes to its next step. */
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    // Once the step is done (the buttons enabled again) and the ticket has moved (the clicked button is gone).
    if (refocus.current === null || busy !== null || ticket.updatedAt === refocus.current) return;
    refocus.current = null;
    const next = buttonsRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)');
    (next ?? document.querySelector<HTMLElement>(`[data-ticket-id="${ticket.id}"] .ticket__head`))?.focus();
  }, [ticket.updatedAt, ticket.id, busy]);

  const overridePending = ticket.policyOverride?.status === 'pending';
  // An agent's override of a store that wants it checked waits for a supervisor.
  const waitsForLead = overridePending && me.role === 'agent';

  const openForm = (action: TicketAction, form: ActionForm) => {
    setOpen({ action, form });
    setValues(initialValues(form, ticket));
    setFieldErrors({});
    setError(null);
  };
  const close = () => {
    setOpen(null);
    setFieldErrors({});
  };
  /** Esc or Cancel in a form: back on the button that opened it. */
  const cancel = () => {
    const action = open?.action;
    close();
    requestAnimationFrame(() => buttonsRef.current?.querySelector<HTMLButtonElement>(`[data-testid="ticket-action-${action}"]`)?.focus());
  };

  const send = async (action: TicketAction, v: ActionValues, form: ActionForm | null) => {
    if (form === 'close_cause' && !v.cause) {
      setFieldErrors({ cause: 'required' });
      return;
    }
    const built = buildTransition(action, v, form === 'approve_override');
    if (!built.ok) {
      setFieldErrors(built.fields);
      return;
    }
    setBusy(action);
    setError(null);
    setFieldErrors({});
    try {
      refocus.current = ticket.updatedAt;
      await onTransition(built.input);
      if (action === 'request_return' && v.returnAddress) rememberAddress(ticket.storeId, v.returnAddress.trim());
      close();
    } catch (err) {
      refocus.current = null;
      const refusal = readRefusal(err);
      if (refusal.kind === 'policy' && action === 'approve') openForm('approve', 'approve_override');
      else if (refusal.kind === 'missing_cause' && action === 'close') openForm('close', 'close_cause');
      else if (refusal.kind === 'fields' && form) setFieldErrors(refusal.fields);
      else if (refusal.kind === 'illegal') {
        close();
        onStale();
      }
      setError(describeRefusal(refusal, t));
    } finally {
      setBusy(null);
    }
  };

  const click = (action: TicketAction) => {
    if (open?.action === action) return close();
    const form = formFor(action, ticket);
    if (form) openForm(action, form);
    else {
      close();
      void send(action, {}, null);
    }
  };

  if (ticket.allowedActions.length === 0) return null;
  // The way forward first (the first of them is the primary button), then a refusal, then the side-tracks.
  const rank = (a: TicketAction) => (QUIET.has(a) ? 2 : DANGER.has(a) ? 1 : 0);
  const actions = [...ticket.allowedActions].sort((a, b) => rank(a) - rank(b));
  return (
    <div className="ticket-actions" data-testid="ticket-actions">
      <div className="ticket-actions__buttons" role="group" aria-label={t('tickets.actionsLabel')} ref={buttonsRef}>
        {actions.map((action, i) => {
          const quiet = QUIET.has(action);
          const danger = DANGER.has(action);
          const primary = i === 0 && rank(action) === 0;
          const disabled = busy !== null || (action === 'approve' && waitsForLead);
          return (
            <button
              key={action}
              type="button"
              className={`button button--small ticket-action${primary ? ' button--primary' : ''}${danger ? ' ticket-action--danger' : ''}${quiet ? ' ticket-action--quiet' : ''}${open?.action === action ? ' is-open' : ''}`}
              data-testid={`ticket-action-${action}`}
              aria-expanded={formFor(action, ticket) ? open?.action === action : undefined}
              disabled={disabled}
              title={action === 'approve' && waitsForLead ? t('tickets.override.waitsForLead') : undefined}
              onClick={() => click(action)}
            >
              {busy === action && <span className="spinner" aria-hidden="true" />}
              {t(`tickets.actions.${action}`)}
              {formFor(action, ticket) && <Icon name={open?.action === action ? 'chevronDown' : 'chevronRight'} size={12} />}
            </button>
          );
        })}
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="ticket-action-error">
          <Icon name="alert" size={13} />
          {error}
        </p>
      )}
      {open && (
        <ActionFormView
          ticket={ticket}
          action={open.action}
          form={open.form}
          values={values}
          errors={fieldErrors}
          busy={busy !== null}
          onChange={(patch) => {
            setValues((v) => ({ ...v, ...patch }));
            setFieldErrors((f) => {
              const next = { ...f };
              for (const k of Object.keys(patch)) delete next[k];
              return next;
            });
          }}
          onSubmit={() => void send(open.action, values, open.form)}
          onCancel={cancel}
          overrideNeedsLead={me.role === 'agent'}
        />
      )}
    </div>
  );
}

interface FormProps {
  ticket: Ticket;
  action: TicketAction;
  form: ActionForm;
  values: ActionValues;
  errors: Record<string, string>;
  busy: boolean;
  onChange(patch: Partial<ActionValues>): void;
  onSubmit(): void;
  onCancel(): void;
  overrideNeedsLead: boolean;
}

function ActionFormView({ ticket, action, form, values, errors, busy, onChange, onSubmit, onCancel, overrideNeedsLead }: FormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const keys = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey && e.target instanceof HTMLTextAreaElement) {
      e.preventDefault();
      onSubmit();
    }
  };
  const field = (name: keyof ActionValues, label: string, input: ReactNode, hint?: string) => (
    <div className={`tform__field${errors[name] ? ' has-error' : ''}`}>
      <label className="tform__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {input}
      {errors[name] ? (
        <span className="tform__error" id={`${id}-${name}-error`}>
          {t(`tickets.form.invalid.${fieldKey(name)}`)}
        </span>
      ) : (
        hint && <span className="tform__hint">{hint}</span>
      )}
    </div>
  );
  const common = (name: keyof ActionValues) => ({
    id: `${id}-${name}`,
    'data-testid': `ticket-form-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
    disabled: busy,
  });
  const text = (name: 'reason' | 'overrideReason' | 'note' | 'returnAddress' | 'amount' | 'carrier' | 'trackingNumber' | 'supplier' | 'contact' | 'compensationAmount', opts: { area?: boolean; autoFocus?: boolean; placeholder?: string; inputMode?: 'decimal' } = {}) =>
    opts.area ? (
      <textarea
        {...common(name)}
        className="tform__input tform__input--area"
        rows={2}
        value={values[name] ?? ''}
        placeholder={opts.placeholder}
        autoFocus={opts.autoFocus}
        onChange={(e) => onChange({ [name]: e.target.value })}
      />
    ) : (
      <input
        {...common(name)}
        className="tform__input"
        value={values[name] ?? ''}
        placeholder={opts.placeholder}
        autoFocus={opts.autoFocus}
        inputMode={opts.inputMode}
        autoComplete="off"
        onChange={(e) => onChange({ [name]: e.target.value })}
      />
    );
  const note = field('note', t('tickets.form.note'), text('note', { placeholder: t('tickets.form.notePlaceholder') }));

  let body: ReactNode;
  let submitLabel = t(`tickets.actions.${action}`);
  let tone: 'primary' | 'danger' = 'primary';
  switch (form) {
    case 'approve_override':
      submitLabel = t('tickets.form.approveAnyway');
      body = (
        <>
          <p className="tform__text tform__text--warn">
            <Icon name="shield" size={13} />
            {t('tickets.form.overrideIntro', { rule: ruleLabel(ticket.policyDecision.rule, t) })}
            {overrideNeedsLead && ` ${t('tickets.form.overrideMayNeedLead')}`}
          </p>
          {field('overrideReason', t('tickets.form.overrideReason'), text('overrideReason', { area: true, autoFocus: true, placeholder: t('tickets.form.overridePlaceholder') }))}
        </>
      );
      break;
    case 'reject':
      tone = 'danger';
      body = field('reason', t('tickets.form.rejectReason'), text('reason', { area: true, autoFocus: true, placeholder: t('tickets.form.rejectPlaceholder') }), t('tickets.form.customerSees'));
      break;
    case 'request_return':
      body = (
        <>
          {field('returnAddress', t('tickets.form.returnAddress'), text('returnAddress', { autoFocus: true, placeholder: t('tickets.form.returnAddressPlaceholder') }), t('tickets.form.customerSees'))}
          {note}
        </>
      );
      break;
    case 'inspect':
      body = (
        <>
          <fieldset className="tform__field tform__choice">
            <legend className="tform__label">{t('tickets.form.inspectQuestion')}</legend>
            <div className={`segmented${errors.passed ? ' has-error' : ''}`}>
              {([true, false] as const).map((passed) => (
                <button
                  key={String(passed)}
                  type="button"
                  className={`segmented__option${values.passed === passed ? ' is-active' : ''}`}
                  aria-pressed={values.passed === passed}
                  data-testid={`ticket-form-passed-${passed}`}
                  autoFocus={passed}
                  onClick={() => onChange({ passed })}
                >
                  {t(passed ? 'tickets.form.passed' : 'tickets.form.failed')}
                </button>
              ))}
            </div>
            {errors.passed && <span className="tform__error">{t('tickets.form.invalid.passed')}</span>}
          </fieldset>
          {note}
        </>
      );
      break;
    case 'refund': {
      const max = refundableAmount(ticket);
      body = (
        <>
          {field('amount', t('tickets.form.amount'), text('amount', { autoFocus: true, inputMode: 'decimal' }), t('tickets.form.amountHint', { max: formatMoney(max, i18n.language) }))}
          {note}
        </>
      );
      break;
    }
    case 'ship_replacement':
      body = (
        <>
          <div className="tform__pair">
            {field('carrier', t('tickets.form.carrier'), text('carrier', { placeholder: t('tickets.form.carrierPlaceholder') }))}
            {field('trackingNumber', t('tickets.form.trackingNumber'), text('trackingNumber', { autoFocus: true }))}
          </div>
          {note}
        </>
      );
      break;
    case 'open_supplier_case':
      body = (
        <>
          {field('supplier', t('tickets.form.supplier'), text('supplier', { autoFocus: true }))}
          {field('contact', t('tickets.form.contact'), text('contact', { placeholder: t('tickets.form.contactPlaceholder') }))}
          <div className="tform__pair">
            {field(
              'remedy',
              t('tickets.form.remedy'),
              <select {...common('remedy')} className="select tform__select" value={values.remedy ?? 'replace'} onChange={(e) => onChange({ remedy: e.target.value as 'replace' | 'compensate' })}>
                <option value="replace">{t('tickets.form.remedies.replace')}</option>
                <option value="compensate">{t('tickets.form.remedies.compensate')}</option>
              </select>,
            )}
            {field('dueDate', t('tickets.form.dueDate'), <input {...common('dueDate')} type="date" className="tform__input" value={values.dueDate ?? ''} onChange={(e) => onChange({ dueDate: e.target.value })} />)}
          </div>
          {note}
        </>
      );
      break;
    case 'supplier_replied':
      body = (
        <>
          <div className="tform__pair">
            {field(
              'outcome',
              t('tickets.form.outcome'),
              <select {...common('outcome')} className="select tform__select" autoFocus value={values.outcome ?? 'replace'} onChange={(e) => onChange({ outcome: e.target.value as ActionValues['outcome'] })}>
                <option value="replace">{t('tickets.form.outcomes.replace')}</option>
                <option value="compensate">{t('tickets.form.outcomes.compensate')}</option>
                <option value="declined">{t('tickets.form.outcomes.declined')}</option>
              </select>,
            )}
            {values.outcome === 'compensate' && field('compensationAmount', t('tickets.form.compensationAmount'), text('compensationAmount', { inputMode: 'decimal' }))}
          </div>
          {note}
        </>
      );
      break;
    case 'close_cause':
      body = (
        <>
          <p className="tform__text">{t('tickets.form.closeIntro')}</p>
          {field(
            'cause',
            t('tickets.cause.label'),
            <select {...common('cause')} className="select tform__select" autoFocus value={values.cause ?? ''} onChange={(e) => onChange({ cause: e.target.value as ActionValues['cause'] })}>
              <option value="">{t('tickets.cause.choose')}</option>
              {CAUSE_CODES.map((c) => (
                <option key={c} value={c}>
                  {causeLabel(c, t)}
                </option>
              ))}
            </select>,
          )}
          {note}
        </>
      );
      break;
    case 'wait_customer':
      body = field('note', t('tickets.form.askCustomer'), text('note', { area: true, autoFocus: true, placeholder: t('tickets.form.askPlaceholder') }), t('tickets.form.customerSees'));
      break;
  }

  return (
    <form className="tform" data-testid="ticket-form" data-action={action} onSubmit={submit} onKeyDown={keys} noValidate>
      {body}
      <div className="tform__footer">
        <button type="button" className="button button--small button--ghost" data-testid="ticket-form-cancel" onClick={onCancel} disabled={busy}>
          {t('tickets.form.cancel')}
        </button>
        <button type="submit" className={`button button--small ${tone === 'danger' ? 'button--danger' : 'button--primary'}`} data-testid="ticket-form-submit" disabled={busy}>
          {busy && <span className="spinner spinner--light" aria-hidden="true" />}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The localised hint of a bad field (the contract's names). */
function fieldKey(name: keyof ActionValues): 'reason' | 'overrideReason' | 'returnAddress' | 'amount' | 'trackingNumber' | 'supplier' | 'contact' | 'dueDate' | 'compensationAmount' | 'cause' | 'note' | 'generic' {
  switch (name) {
    case 'reason':
    case 'overrideReason':
    case 'returnAddress':
    case 'amount':
    case 'trackingNumber':
    case 'supplier':
    case 'contact':
    case 'dueDate':
    case 'compensationAmount':
    case 'cause':
    case 'note':
      return name;
    default:
      return 'generic';
  }
}
