import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketAction, TransitionInput, User } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { ActionFormView } from './TicketActionForm';
import { buildTransition, formFor, refundableAmount, type ActionForm, type ActionValues } from './ticket-format';
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

/** The step a form is open for. */
interface Step {
  action: TicketAction;
  form: ActionForm;
}

/**
 * The contract's transition as a react-hook-form resolver: the form's values become the `TransitionInput` it sends
 * (buildTransition, validated by the contract's schema), or each bad field's error.
 */
const transitionResolver: Resolver<ActionValues, Step | null, TransitionInput> = async (values, current) => {
  if (!current) return { values: {}, errors: {} };
  if (current.form === 'close_cause' && !values.cause) return { values: {}, errors: { cause: { type: 'required', message: 'required' } } };
  const built = buildTransition(current.action, values, current.form === 'approve_override');
  if (built.ok) return { values: built.input, errors: {} };
  const errors: FieldErrors<ActionValues> = {};
  for (const [name, message] of Object.entries(built.fields)) errors[name as keyof ActionValues] = { type: 'contract', message };
  return { values: {}, errors };
};

/**
 * The ticket's next steps as buttons (the state machine's `allowedActions`). A step that needs
 * input opens a small form under the buttons; Enter sends it, Esc closes it.
 */
export function TicketActions({ ticket, me, onTransition, onStale }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Step | null>(null);
  // The open step's form: its values and errors live in react-hook-form, validated by the contract (the resolver).
  const stepForm = useForm<ActionValues, Step | null, TransitionInput>({ resolver: transitionResolver, context: open, shouldFocusError: false });
  const values = useWatch({ control: stepForm.control }) as ActionValues;
  const fieldErrors: Record<string, string> = Object.fromEntries(Object.entries(stepForm.formState.errors).map(([name, e]) => [name, String(e?.message ?? 'invalid')]));
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
    stepForm.reset(initialValues(form, ticket));
    setError(null);
  };
  const close = () => {
    setOpen(null);
    stepForm.clearErrors();
  };
  /** Esc or Cancel in a form: back on the button that opened it. */
  const cancel = () => {
    const action = open?.action;
    close();
    requestAnimationFrame(() => buttonsRef.current?.querySelector<HTMLButtonElement>(`[data-testid="ticket-action-${action}"]`)?.focus());
  };

  /** Sends a step (its input already checked by the contract); the values are those of its form, if it has one. */
  const send = async (action: TicketAction, input: TransitionInput, v: ActionValues, form: ActionForm | null) => {
    setBusy(action);
    setError(null);
    stepForm.clearErrors();
    try {
      refocus.current = ticket.updatedAt;
      await onTransition(input);
      if (action === 'request_return' && v.returnAddress) rememberAddress(ticket.storeId, v.returnAddress.trim());
      close();
    } catch (err) {
      refocus.current = null;
      const refusal = readRefusal(err);
      if (refusal.kind === 'policy' && action === 'approve') openForm('approve', 'approve_override');
      else if (refusal.kind === 'missing_cause' && action === 'close') openForm('close', 'close_cause');
      else if (refusal.kind === 'fields' && form) for (const [name, message] of Object.entries(refusal.fields)) stepForm.setError(name as keyof ActionValues, { type: 'server', message });
      else if (refusal.kind === 'illegal') {
        close();
        onStale();
      }
      setError(describeRefusal(refusal, t));
    } finally {
      setBusy(null);
    }
  };
  /** A step without a form goes at once, checked by the same contract. */
  const sendNow = (action: TicketAction) => {
    const built = buildTransition(action, {});
    if (built.ok) void send(action, built.input, {}, null);
    else setError(describeRefusal({ kind: 'fields', fields: built.fields, message: Object.values(built.fields).join('; ') }, t));
  };
  const submitForm = () => {
    if (!open) return;
    const { action, form } = open;
    void stepForm.handleSubmit((input) => send(action, input, stepForm.getValues(), form))();
  };

  const click = (action: TicketAction) => {
    if (open?.action === action) return close();
    const form = formFor(action, ticket);
    if (form) openForm(action, form);
    else {
      close();
      sendNow(action);
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
            for (const [name, value] of Object.entries(patch)) stepForm.setValue(name as keyof ActionValues, value);
            stepForm.clearErrors(Object.keys(patch) as (keyof ActionValues)[]);
          }}
          onSubmit={submitForm}
          onCancel={cancel}
          overrideNeedsLead={me.role === 'agent'}
        />
      )}
    </div>
  );
}
