import { useId, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CAUSE_CODES, type Ticket, type TicketAction } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { causeLabel, ruleLabel } from './TicketBits';
import { formatMoney, refundableAmount, type ActionForm, type ActionValues } from './ticket-format';

// The form a ticket step asks for (a reason, an address, an amount…): its fields, Enter sends, Esc cancels.

export interface FormProps {
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

export function ActionFormView({ ticket, action, form, values, errors, busy, onChange, onSubmit, onCancel, overrideNeedsLead }: FormProps) {
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
