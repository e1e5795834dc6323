import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CAUSE_CODES, TICKET_ACTIONS, type CauseCode, type TicketEvent, type User } from '@kefu/contracts';
import { useNowMinute } from '../time/clock';
import { formatDateTime, formatDateTimeShort } from '../time/format';
import { causeLabel, ruleLabel } from './TicketBits';
import { EVENT_KINDS, detailEntries, formatMoney, percent } from './ticket-format';

interface Props {
  events: TicketEvent[];
  me: User;
  userById: Map<string, User>;
}

const FIELD_KEYS = ['reason', 'amount', 'carrier', 'trackingNumber', 'supplier', 'contact', 'remedy', 'dueAt', 'outcome', 'compensationAmount', 'passed', 'cause', 'confidence', 'causeConfidence', 'returnAddress', 'override', 'note', 'previous', 'eligible', 'rule', 'type', 'remindersSent', 'policyDecision'] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
const isFieldKey = (k: string): k is FieldKey => (FIELD_KEYS as readonly string[]).includes(k);
const isCause = (v: unknown): v is CauseCode => typeof v === 'string' && (CAUSE_CODES as readonly string[]).includes(v);

/** What happened to the ticket, newest first: who, when, what, from which status to which, and its details. */
export function TicketTimeline({ events, me, userById }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  const newestFirst = [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : -1));
  const actor = (id: string | null) => (id === null ? t('tickets.timeline.desk') : id === me.id ? t('message.you') : (userById.get(id)?.name ?? t('tickets.timeline.someone')));
  return (
    <ol className="timeline" data-testid="ticket-timeline">
      {newestFirst.map((e) => {
        const details = detailEntries(e.details);
        return (
          <li key={e.id} className={`timeline__event timeline__event--${eventTone(e.kind)}`} data-testid="ticket-event" data-kind={e.kind}>
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__head">
              <span className="timeline__what">{kindLabel(e.kind, t)}</span>
              <time className="timeline__at" dateTime={e.at} title={formatDateTime(e.at, i18n.language)}>
                {formatDateTimeShort(e.at, now, i18n.language)}
              </time>
            </div>
            <div className="timeline__who">
              {actor(e.actorId)}
              {(e.fromStatus || e.toStatus) && e.fromStatus !== e.toStatus && (
                <span className="timeline__move">
                  {e.fromStatus && t(`tickets.statuses.${e.fromStatus}`)}
                  {e.fromStatus && e.toStatus && <span aria-hidden="true"> → </span>}
                  {e.toStatus && <strong>{t(`tickets.statuses.${e.toStatus}`)}</strong>}
                </span>
              )}
            </div>
            {details.length > 0 && (
              <dl className="timeline__details">
                {details.map(([key, value]) => (
                  <div key={key} className="timeline__detail">
                    <dt>{isFieldKey(key) ? t(`tickets.timeline.fields.${key}`) : key}</dt>
                    <dd>{formatValue(key, value, t, i18n.language)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function kindLabel(kind: string, t: TFunction): string {
  if ((TICKET_ACTIONS as readonly string[]).includes(kind)) return t(`tickets.events.${kind as (typeof TICKET_ACTIONS)[number]}`);
  if ((EVENT_KINDS as readonly string[]).includes(kind)) return t(`tickets.events.${kind as (typeof EVENT_KINDS)[number]}`);
  return kind;
}

function eventTone(kind: string): 'good' | 'bad' | 'wait' | 'plain' {
  if (['approve', 'refund', 'ship_replacement', 'close', 'override_approved'].includes(kind)) return 'good';
  if (['reject', 'resolution_breached'].includes(kind)) return 'bad';
  if (['wait_customer', 'open_supplier_case', 'supplier_reminder'].includes(kind)) return 'wait';
  return 'plain';
}

function formatValue(key: string, value: unknown, t: TFunction, lang: string): string {
  if ((key === 'amount' || key === 'compensationAmount') && typeof value === 'number') return formatMoney(value, lang);
  if (key === 'dueAt' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return formatDateTime(value, lang);
  if ((key === 'cause' || key === 'previous') && isCause(value)) return causeLabel(value, t);
  if ((key === 'confidence' || key === 'causeConfidence') && typeof value === 'number') return `${percent(value)}%`;
  if (key === 'rule' && typeof value === 'string') return ruleLabel(value, t);
  if (key === 'policyDecision' && value && typeof value === 'object' && 'eligible' in value && 'rule' in value) {
    const d = value as { eligible: unknown; rule: unknown };
    return `${t(d.eligible ? 'tickets.policy.eligible' : 'tickets.policy.notEligible')} · ${typeof d.rule === 'string' ? ruleLabel(d.rule, t) : ''}`;
  }
  if (key === 'passed' && typeof value === 'boolean') return t(value ? 'tickets.form.passed' : 'tickets.form.failed');
  if (key === 'eligible' && typeof value === 'boolean') return t(value ? 'tickets.policy.eligible' : 'tickets.policy.notEligible');
  if ((key === 'remedy' || key === 'outcome') && (value === 'replace' || value === 'compensate' || value === 'declined')) return t(`tickets.form.outcomes.${value}`);
  if (key === 'type' && (value === 'return' || value === 'exchange' || value === 'refund_only' || value === 'quality_complaint')) return t(`tickets.types.${value}`);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.reason === 'string') return o.reason;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
