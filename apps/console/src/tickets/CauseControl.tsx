import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAUSE_CODES, type CauseCode, type Ticket } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { causeLabel } from './TicketBits';
import { isLowConfidence, percent } from './ticket-format';
import { describeError } from './ticket-errors';

interface Props {
  ticket: Ticket;
  /** Shown, not changed (analysts). */
  readOnly?: boolean;
  onSetCause(cause: CauseCode): Promise<unknown>;
}

/**
 * The root cause: the classifier's suggestion with its confidence (low confidence marked), confirmed
 * in one click, or corrected with the select. Either way the cause becomes the agent's.
 */
export function CauseControl({ ticket, readOnly = false, onSetCause }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const auto = ticket.causeSource === 'auto' && ticket.cause !== null;
  const low = auto && isLowConfidence(ticket.causeConfidence);

  const save = async (cause: CauseCode) => {
    setBusy(true);
    setError(null);
    try {
      await onSetCause(cause);
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`cause${low ? ' cause--low' : auto ? ' cause--auto' : ticket.causeSource === 'agent' ? ' cause--confirmed' : ''}`} data-testid="ticket-cause" data-source={ticket.causeSource ?? 'none'}>
      <div className="cause__row">
        <label className="cause__label" htmlFor={`cause-${ticket.id}`}>
          {t('tickets.cause.label')}
        </label>
        <select
          id={`cause-${ticket.id}`}
          className="select cause__select"
          data-testid="cause-select"
          value={ticket.cause ?? ''}
          disabled={busy || readOnly}
          onChange={(e) => e.target.value && void save(e.target.value as CauseCode)}
        >
          {ticket.cause === null && <option value="">{t('tickets.cause.choose')}</option>}
          {CAUSE_CODES.map((c) => (
            <option key={c} value={c}>
              {causeLabel(c, t)}
            </option>
          ))}
        </select>
      </div>
      {auto && (
        <div className="cause__suggestion">
          <span className={`cause__badge${low ? ' cause__badge--low' : ''}`} data-testid="cause-suggestion" data-low-confidence={low}>
            <Icon name={low ? 'alert' : 'sparkle'} size={12} strokeWidth={2} />
            {ticket.causeConfidence !== null
              ? t(low ? 'tickets.cause.suggestedLow' : 'tickets.cause.suggested', { pct: percent(ticket.causeConfidence) })
              : t('tickets.cause.suggestedNoScore')}
          </span>
          {!readOnly && (
            <button type="button" className="button button--small cause__confirm" data-testid="cause-confirm" disabled={busy} onClick={() => void save(ticket.cause!)}>
              <Icon name="check" size={13} strokeWidth={2.4} />
              {t('tickets.cause.confirm')}
            </button>
          )}
        </div>
      )}
      {ticket.causeSource === 'agent' && (
        <div className="cause__note">
          <Icon name="check" size={12} strokeWidth={2.4} />
          {t('tickets.cause.confirmed')}
          {ticket.suggestedCause && ticket.suggestedCause !== ticket.cause && (
            <span className="cause__was">{t('tickets.cause.wasSuggested', { cause: causeLabel(ticket.suggestedCause, t) })}</span>
          )}
        </div>
      )}
      {ticket.cause === null && <div className="cause__note cause__note--none">{t('tickets.cause.none')}</div>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
