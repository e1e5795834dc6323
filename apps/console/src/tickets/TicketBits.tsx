import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CauseCode, PolicyDecision, Ticket, TicketStatus, TicketType } from '@kefu/contracts';
import { useNowMinute } from '../time/clock';
import { Icon } from '../ui/icons';
import { formatDay, isKnownCategory, isKnownRule, isWaiting, statusTone } from './ticket-format';

// Small pieces shared by the side panel, the dialog and the list.

export function TicketStatusPill({ status, testId }: { status: TicketStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`ticket-status ticket-status--${statusTone(status)}`} data-testid={testId} data-status={status}>
      <span className="ticket-status__dot" aria-hidden="true" />
      {t(`tickets.statuses.${status}`)}
    </span>
  );
}

export function TicketTypeLabel({ type }: { type: TicketType }) {
  const { t } = useTranslation();
  return <span className={`ticket-type ticket-type--${type}`}>{t(`tickets.types.${type}`)}</span>;
}

export function CategoryLabel({ category }: { category: string }) {
  const { t } = useTranslation();
  return <span className="item-line__category">{isKnownCategory(category) ? t(`orders.categories.${category}`) : category}</span>;
}

export const causeLabel = (cause: CauseCode, t: TFunction): string => t(`tickets.causes.${cause}`);

export const ruleLabel = (rule: string, t: TFunction): string => (isKnownRule(rule) ? t(`tickets.rules.${rule}`) : rule);

/** A span of time for resolution clocks: "1d 4h", "3h 20m", "12m". */
export function formatSpan(ms: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? t('tickets.clock.days', { d: days, h: hours }) : t('tickets.clock.daysOnly', { d: days });
  if (hours > 0) return t('tickets.clock.hours', { h: hours, m: minutes % 60 });
  return t('tickets.clock.minutes', { m: minutes });
}

const SOON_MS = 4 * 3600_000;

/** Where the ticket's resolution clock stands: due in, overdue, paused while waiting, or nothing once closed. */
export function ResolutionClock({ ticket, compact = false }: { ticket: Pick<Ticket, 'status' | 'resolutionDueAt' | 'resolutionBreachedAt'>; compact?: boolean }) {
  const { t } = useTranslation();
  const now = useNowMinute();
  if (ticket.status === 'closed') return null;
  if (ticket.resolutionBreachedAt) {
    const span = formatSpan(now - Date.parse(ticket.resolutionBreachedAt), t);
    return (
      <span className="res-clock res-clock--overdue" data-testid="ticket-overdue" title={t('tickets.clock.overdueTitle')}>
        <Icon name="alert" size={12} strokeWidth={2.2} />
        {compact ? t('tickets.clock.overdueShort', { time: span }) : t('tickets.clock.overdue', { time: span })}
      </span>
    );
  }
  if (isWaiting(ticket.status)) {
    return (
      <span className="res-clock res-clock--paused" title={t('tickets.clock.pausedTitle')}>
        <Icon name="hourglass" size={12} />
        {t('tickets.clock.paused')}
      </span>
    );
  }
  if (!ticket.resolutionDueAt) return null;
  const left = Date.parse(ticket.resolutionDueAt) - now;
  if (left <= 0) {
    return (
      <span className="res-clock res-clock--overdue" data-testid="ticket-overdue">
        <Icon name="alert" size={12} strokeWidth={2.2} />
        {t('tickets.clock.overdueShort', { time: formatSpan(-left, t) })}
      </span>
    );
  }
  return (
    <span className={`res-clock${left < SOON_MS ? ' res-clock--soon' : ''}`} title={t('tickets.clock.dueTitle')}>
      <Icon name="clock" size={12} />
      {compact ? formatSpan(left, t) : t('tickets.clock.dueIn', { time: formatSpan(left, t) })}
    </span>
  );
}

/**
 * The return policy's verdict: eligible or not, the rule, who pays return shipping, days since
 * delivery and the window's last day. Worded by the console from the rule and its numbers (the
 * API's `reason` is kept as the tooltip).
 */
export function PolicyVerdict({ decision, testId, stacked = false }: { decision: PolicyDecision; testId?: string; stacked?: boolean }) {
  const { t, i18n } = useTranslation();
  const days = decision.daysSinceDelivery;
  const windowEnd = decision.windowEndsOn;
  const ended = windowEnd !== null && days !== null && !decision.eligible;
  return (
    <div className={`policy policy--${decision.eligible ? 'ok' : 'no'}${stacked ? ' policy--stacked' : ''}`} data-testid={testId} data-eligible={decision.eligible} title={decision.reason}>
      <div className="policy__verdict">
        <Icon name={decision.eligible ? 'check' : 'x'} size={13} strokeWidth={2.6} />
        <strong>{decision.eligible ? t('tickets.policy.eligible') : t('tickets.policy.notEligible')}</strong>
        <span className="policy__rule">{ruleLabel(decision.rule, t)}</span>
      </div>
      <ul className="policy__facts">
        <li>{days === null ? t('tickets.policy.notDelivered') : t('tickets.policy.daysSince', { count: days })}</li>
        {windowEnd && <li className={ended ? 'is-bad' : undefined}>{t(ended ? 'tickets.policy.windowEnded' : 'tickets.policy.windowEnds', { date: formatDay(windowEnd, i18n.language) })}</li>}
        <li>{t(`tickets.policy.shipping.${decision.returnShippingPaidBy}`)}</li>
      </ul>
      {i18n.language.startsWith('en') && decision.reason && <p className="policy__reason">{decision.reason}</p>}
    </div>
  );
}
