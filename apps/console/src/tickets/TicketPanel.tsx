import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useShortcuts } from '../keyboard/shortcuts';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail, SupplierCase, Ticket, User } from '@kefu/contracts';
import { useNowMinute } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import { CauseControl } from './CauseControl';
import { ItemLine } from './OrderCard';
// The dialog (and its form library) loads when first opened.
const OpenTicketDialog = lazy(() => import('./OpenTicketDialog').then((m) => ({ default: m.OpenTicketDialog })));
import { PolicyVerdict, ResolutionClock, TicketStatusPill, TicketTypeLabel } from './TicketBits';
import { TicketActions } from './TicketActions';
import { TicketTimeline } from './TicketTimeline';
import { formatMoney, isOpenTicket, sortForPanel } from './ticket-format';
import { useTicketDetail, useTicketWrites } from './useTickets';

/** The "open a ticket" button, for the keyboard shortcut. */

interface Props {
  detail: ConversationDetail;
  me: User;
  userById: Map<string, User>;
  /** A ticket a link asked for: shown open, scrolled to and highlighted. */
  focusTicketId: string | null;
}

/** The conversation's after-sales tickets, and the button that opens a new one. */
export function TicketPanel({ detail, me, userById, focusTicketId }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const tickets = sortForPanel(detail.tickets);
  const openCount = tickets.filter(isOpenTicket).length;
  const canOpen = me.role !== 'analyst';
  const openButton = useRef<HTMLButtonElement>(null);
  // T opens a ticket for the conversation on screen.
  useShortcuts({ t: () => setDialog(true) }, canOpen && !dialog);

  return (
    <section className="details__card ticket-panel" data-testid="ticket-panel" aria-labelledby="ticket-panel-title">
      <header className="ticket-panel__header">
        <h3 className="details__title details__title--row" id="ticket-panel-title">
          <Icon name="ticket" size={13} />
          {t('tickets.panel.title')}
          {tickets.length > 0 && (
            <span
              className={`ticket-panel__count${openCount === 0 ? ' ticket-panel__count--done' : ''}`}
              title={openCount > 0 ? t('tickets.panel.openCount', { count: openCount }) : t('tickets.panel.allClosed', { count: tickets.length })}
            >
              {openCount > 0 ? openCount : tickets.length}
            </span>
          )}
        </h3>
        {canOpen && (
          <button
            type="button"
            ref={openButton}
            className="button button--small ticket-panel__open"
            data-testid="ticket-open"
            title={t('tickets.panel.openHint')}
            onClick={() => setDialog(true)}
          >
            <Icon name="plus" size={13} strokeWidth={2.2} />
            {t('tickets.panel.open')}
          </button>
        )}
      </header>
      {tickets.length === 0 && <p className="ticket-panel__none">{t('tickets.panel.none')}</p>}
      <div className="ticket-panel__list">
        {tickets.map((ticket) => (
          <TicketCard
            key={ticket.id}
            ticket={ticket}
            me={me}
            userById={userById}
            focused={ticket.id === focusTicketId || ticket.id === created}
            initiallyOpen={isOpenTicket(ticket) || ticket.id === focusTicketId}
          />
        ))}
      </div>
      {dialog && (
        <Suspense fallback={null}>
        <OpenTicketDialog
          conversationId={detail.id}
          onClose={() => {
            setDialog(false);
            // Back where the agent came from: the button (the dialog may have been opened with T from anywhere).
            requestAnimationFrame(() => openButton.current?.focus());
          }}
          onCreated={(ticket) => {
            setDialog(false);
            setCreated(ticket.id);
          }}
        />
        </Suspense>
      )}
    </section>
  );
}

function TicketCard({ ticket, me, userById, focused, initiallyOpen }: { ticket: Ticket; me: User; userById: Map<string, User>; focused: boolean; initiallyOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  const [expanded, setExpanded] = useState(initiallyOpen);
  // A ticket asked for by a link (or just opened) shows its body.
  const [wasFocused, setWasFocused] = useState(focused);
  if (focused !== wasFocused) {
    setWasFocused(focused);
    if (focused) setExpanded(true);
  }
  const [showTimeline, setShowTimeline] = useState(true);
  const ref = useRef<HTMLElement>(null);
  const { detail } = useTicketDetail(ticket.id, expanded);
  // Analysts read tickets; agents, supervisors and admins work them.
  const readOnly = me.role === 'analyst';
  const writes = useTicketWrites();

  // A ticket asked for (or just opened) comes into view with the focus on its next step.
  useEffect(() => {
    if (!focused) return;
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    const frame = requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('.ticket-actions__buttons button:not(:disabled)')?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, [focused]);

  const bodyId = `ticket-body-${ticket.id}`;
  const override = ticket.policyOverride;
  const overrideBy = override ? (override.byId === me.id ? t('message.you') : (userById.get(override.byId)?.name ?? t('tickets.timeline.someone'))) : '';
  return (
    <article
      ref={ref}
      className={`ticket${focused ? ' is-focused' : ''}${isOpenTicket(ticket) ? '' : ' is-closed'}`}
      data-testid="ticket"
      data-ticket-id={ticket.id}
      data-ticket-number={ticket.number}
      data-status={ticket.status}
    >
      <button type="button" className="ticket__head" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((v) => !v)}>
        <span className="ticket__title">
          <span className="ticket__number mono" data-testid="ticket-number">
            {ticket.number}
          </span>
          <TicketTypeLabel type={ticket.type} />
        </span>
        <span className="ticket__state">
          <TicketStatusPill status={ticket.status} testId="ticket-status" />
          <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={14} />
        </span>
      </button>
      <div className="ticket__sub">
        <ResolutionClock ticket={ticket} />
        <span className="ticket__created" title={t('tickets.card.created')}>
          {formatDateTimeShort(ticket.createdAt, now, i18n.language)}
        </span>
      </div>

      {expanded && (
        <div className="ticket__body" id={bodyId}>
          {ticket.customerReason && (
            <blockquote className="ticket__reason" title={t('tickets.card.customerSays')}>
              {ticket.customerReason}
            </blockquote>
          )}

          <div className="ticket__order">
            <div className="ticket__order-head">
              {ticket.orderRef ? <span className="mono">{ticket.orderRef}</span> : <span className="details__muted">{t('tickets.card.noOrder')}</span>}
              <span className="ticket__money">
                {formatMoney(ticket.totalPaid, i18n.language)}
                {ticket.refundedAmount > 0 && <span className="ticket__refunded">{t('tickets.card.refunded', { amount: formatMoney(ticket.refundedAmount, i18n.language) })}</span>}
              </span>
            </div>
            {ticket.items.length > 0 && (
              <ul className="order__items order__items--tight">
                {ticket.items.map((item) => (
                  <ItemLine key={item.sku} item={item} />
                ))}
              </ul>
            )}
          </div>

          <PolicyVerdict decision={ticket.policyDecision} testId="ticket-policy" stacked />

          {override && (
            <div className={`override override--${override.status}`} data-testid="ticket-override" data-status={override.status}>
              <Icon name="shield" size={13} />
              <div>
                <strong>{t(override.status === 'pending' ? 'tickets.override.pending' : 'tickets.override.approved')}</strong>
                <div className="override__reason">{t('tickets.override.by', { name: overrideBy, reason: override.reason })}</div>
              </div>
            </div>
          )}

          <CauseControl ticket={ticket} readOnly={readOnly} onSetCause={(cause) => writes.setCause(ticket.id, cause)} />

          {!readOnly && (
            <TicketActions ticket={ticket} me={me} onTransition={(input) => writes.transition(ticket.id, input)} onStale={() => void writes.refresh(ticket.id).catch(() => undefined)} />
          )}

          <Resolution ticket={ticket} />

          {detail && detail.supplierCases.length > 0 && <SupplierCases cases={detail.supplierCases} />}

          <div className="ticket__timeline">
            <button type="button" className="ticket__timeline-toggle" aria-expanded={showTimeline} onClick={() => setShowTimeline((v) => !v)}>
              <Icon name={showTimeline ? 'chevronDown' : 'chevronRight'} size={13} />
              {t('tickets.timeline.title')}
              {detail && <span className="ticket__timeline-count">{detail.timeline.length}</span>}
            </button>
            {showTimeline && (detail ? <TicketTimeline events={detail.timeline} me={me} userById={userById} /> : <span className="spinner" aria-hidden="true" />)}
          </div>
        </div>
      )}
    </article>
  );
}

/** How the ticket ended: refunded amount, replacement tracking number, or the refusal. */
function Resolution({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const r = ticket.resolution;
  if (!r) return null;
  const amount = typeof r.amount === 'number' ? formatMoney(r.amount, i18n.language) : null;
  const tracking = typeof r.trackingNumber === 'string' ? r.trackingNumber : null;
  const carrier = typeof r.carrier === 'string' ? r.carrier : null;
  const reason = typeof r.reason === 'string' ? r.reason : null;
  const outcome = typeof r.outcome === 'string' ? r.outcome : null;
  return (
    <div className="ticket__resolution" data-testid="ticket-resolution">
      <Icon name={outcome === 'rejected' ? 'x' : 'check'} size={13} strokeWidth={2.4} />
      <span>
        {outcome === 'refunded' && amount && t('tickets.card.resolvedRefund', { amount })}
        {outcome === 'replacement_shipped' && t('tickets.card.resolvedShipped', { carrier: carrier ?? '', tracking: tracking ?? '' })}
        {outcome === 'rejected' && t('tickets.card.resolvedRejected', { reason: reason ?? '' })}
        {outcome !== 'refunded' && outcome !== 'replacement_shipped' && outcome !== 'rejected' && (amount ?? tracking ?? outcome ?? '')}
      </span>
    </div>
  );
}

function SupplierCases({ cases }: { cases: SupplierCase[] }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  return (
    <div className="supplier-cases" data-testid="supplier-cases">
      {cases.map((c) => (
        <div key={c.id} className="supplier-case">
          <div className="supplier-case__head">
            <strong>{c.supplier}</strong>
            <span className="supplier-case__remedy">{t(`tickets.form.remedies.${c.remedy}`)}</span>
          </div>
          <div className="supplier-case__meta">
            {c.outcome
              ? t('tickets.supplier.answered', { outcome: t(`tickets.form.outcomes.${c.outcome}`) })
              : t('tickets.supplier.due', { time: formatDateTimeShort(c.dueAt, now, i18n.language) })}
            {c.remindersSent > 0 && <span> · {t('tickets.supplier.reminders', { count: c.remindersSent })}</span>}
            {c.compensationAmount !== null && <span> · {formatMoney(c.compensationAmount, i18n.language)}</span>}
          </div>
        </div>
      ))}
    </div>
  );
}
