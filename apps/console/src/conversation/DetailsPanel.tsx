import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail, Store, User } from '@kefu/contracts';
import { OrderCard } from '../tickets/OrderCard';
import { TicketPanel } from '../tickets/TicketPanel';
import { useNowMinute } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Avatar } from '../ui/Avatar';
import { PlatformBadge, StatusPill } from '../ui/badges';

interface Props {
  detail: ConversationDetail;
  store: Store | undefined;
  me: User;
  userById: Map<string, User>;
  /** A ticket to show open and scrolled to. */
  focusTicketId: string | null;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The customer, their after-sales tickets and order, and the facts of the conversation, beside the chat. */
export function DetailsPanel({ detail, store, me, userById, focusTicketId }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  const when = (iso: string) => formatDateTimeShort(iso, now, i18n.language);
  const assignee = detail.assigneeId
    ? detail.assigneeId === me.id
      ? `${me.name} (${t('conversation.assignedToMe')})`
      : (userById.get(detail.assigneeId)?.name ?? t('conversation.assignedToOther'))
    : t('conversation.unassigned');

  return (
    <aside className="details" aria-label={t('conversation.details')}>
      <section className="details__card details__customer">
        <Avatar name={detail.customer.name} seed={detail.customerId} size={44} />
        <div>
          <div className="details__name">{detail.customer.name}</div>
          <div className="details__muted">{t('conversation.customer')}</div>
        </div>
      </section>
      <section className="details__card">
        <dl className="facts">
          <Row label={t('conversation.externalId')}>
            <span className="mono">{detail.customer.externalId}</span>
          </Row>
          <Row label={t('conversation.store')}>
            <span className="facts__store">
              {store && <PlatformBadge platform={store.platform} />}
              {store?.name ?? '…'}
            </span>
          </Row>
          <Row label={t('conversation.orderRef')}>{detail.orderRef ? <span className="mono">{detail.orderRef}</span> : t('conversation.none')}</Row>
        </dl>
      </section>
      <TicketPanel detail={detail} me={me} userById={userById} focusTicketId={focusTicketId} />
      <OrderCard conversationId={detail.id} customerId={detail.customer.id} canReveal={me.role === 'agent' || me.role === 'supervisor'} />
      <section className="details__card">
        <h3 className="details__title">{t('conversation.details')}</h3>
        <dl className="facts">
          <Row label={t('conversation.statusLabel')}>
            <StatusPill status={detail.status} />
          </Row>
          <Row label={t('conversation.assignee')}>{assignee}</Row>
          <Row label={t('conversation.createdAt')}>{when(detail.createdAt)}</Row>
          <Row label={t('conversation.lastActivity')}>{when(detail.lastMessageAt)}</Row>
          <Row label={t('conversation.firstResponse')}>
            {detail.firstResponseAt ? when(detail.firstResponseAt) : <span className="details__muted">{t('conversation.notYet')}</span>}
          </Row>
        </dl>
      </section>
    </aside>
  );
}
