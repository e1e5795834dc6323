import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import type { Store, User } from '@kefu/contracts';
import type { InboxView } from '../inbox/filters';
import { Link, useRouterState } from '@tanstack/react-router';
import { ShortcutList } from '../keyboard/ShortcutList';
import { useSidebarShortcutsOpen } from './sidebar-shortcuts';
import { PresenceDot } from '../presence/PresenceDot';
import { StatusSwitch } from '../presence/StatusSwitch';
import { useMyPresence } from '../presence/usePresence';
import { useMuted, useNudgesMuted } from '../notify/notify-settings';
import { Avatar } from '../ui/Avatar';
import { Icon, type IconName } from '../ui/icons';
import { Kbd } from '../ui/badges';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { AdminNav } from '../admin/AdminNav';
import { STATEMENT_ROLES } from '../billing/statement-roles';

// In the order of their keys (1–4).
const VIEWS: { view: InboxView; icon: IconName }[] = [
  { view: 'queue', icon: 'list' },
  { view: 'mine', icon: 'user' },
  { view: 'unassigned', icon: 'userOff' },
  { view: 'all', icon: 'inbox' },
];

export type Screen = 'inbox' | 'sla' | 'tickets' | 'analytics' | 'reports' | 'statements' | 'kb' | 'guard' | 'admin';

interface Props {
  user: User;
  screen: Screen;
  /** Supervisors and admins see the SLA board. */
  showSlaBoard: boolean;
  /** Analysts, supervisors and admins see the analysis and the client reports. */
  showAnalytics: boolean;
  view: InboxView;
  onViewChange(view: InboxView): void;
  stores: Store[];
  storeId: string;
  onStoreChange(storeId: string): void;
  onLogout(): void;
}

export function Sidebar({ user, screen, showSlaBoard, showAnalytics, view, onViewChange, stores, storeId, onStoreChange, onLogout }: Props) {
  const { t } = useTranslation();
  const inInbox = screen === 'inbox';
  const inReview = useRouterState({ select: (s) => s.location.pathname === '/guard/review' });
  const [shortcutsOpen, setShortcutsOpen] = useSidebarShortcutsOpen();
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand__logo" aria-hidden="true">
          <Icon name="chat" size={16} strokeWidth={2.2} />
        </span>
        <span className="brand__text">
          <span className="brand__name">{t('app.nameLocal')}</span>
          <span className="brand__sub">{t('app.name')}</span>
        </span>
      </div>

      {/* The navigation scrolls on a short screen (after the shortcuts have given way); the footer always shows. */}
      <div className="sidebar__navs">
        <nav className="nav" aria-label={t('nav.inbox')}>
          <div className="nav__label">{t('nav.inbox')}</div>
          {VIEWS.map((item, i) => (
            <button
              key={item.view}
              type="button"
              className={`nav__item${inInbox && view === item.view ? ' is-active' : ''}`}
              aria-current={inInbox && view === item.view ? 'page' : undefined}
              data-testid={`view-${item.view}`}
              onClick={() => onViewChange(item.view)}
            >
              <Icon name={item.icon} size={16} />
              <span>{t(`nav.${item.view}`)}</span>
              <span className="nav__key" aria-hidden="true" title={t('shortcuts.views')}>
                <Kbd>{String(i + 1)}</Kbd>
              </span>
            </button>
          ))}
        </nav>

        <nav className="nav nav--aftersales" aria-label={t('nav.afterSales')}>
          <div className="nav__label">{t('nav.afterSales')}</div>
          <Link
            to="/tickets"
            className={`nav__item${screen === 'tickets' ? ' is-active' : ''}`}
            aria-current={screen === 'tickets' ? 'page' : undefined}
            data-testid="nav-tickets"
          >
            <Icon name="ticket" size={16} />
            <span>{t('nav.tickets')}</span>
          </Link>
        </nav>

        {showAnalytics && (
          <nav className="nav nav--analysis" aria-label={t('nav.analysis')}>
            <div className="nav__label">{t('nav.analysis')}</div>
            <Link
              to="/analytics"
              className={`nav__item${screen === 'analytics' ? ' is-active' : ''}`}
              aria-current={screen === 'analytics' ? 'page' : undefined}
              data-testid="nav-analytics"
            >
              <Icon name="barChart" size={16} />
              <span>{t('nav.analytics')}</span>
            </Link>
            <Link
              to="/reports"
              className={`nav__item${screen === 'reports' ? ' is-active' : ''}`}
              aria-current={screen === 'reports' ? 'page' : undefined}
              data-testid="nav-reports"
            >
              <Icon name="fileText" size={16} />
              <span>{t('nav.reports')}</span>
            </Link>
            {STATEMENT_ROLES.has(user.role) && (
              <Link
                to="/statements"
                className={`nav__item${screen === 'statements' ? ' is-active' : ''}`}
                aria-current={screen === 'statements' ? 'page' : undefined}
                data-testid="nav-statements"
              >
                <Icon name="receipt" size={16} />
                <span>{t('billing.statements.nav')}</span>
              </Link>
            )}
          </nav>
        )}

        {showSlaBoard && (
          <nav className="nav nav--lead" aria-label={t('nav.supervision')}>
            <div className="nav__label">{t('nav.supervision')}</div>
            <Link
              to="/sla"
              className={`nav__item${screen === 'sla' ? ' is-active' : ''}`}
              aria-current={screen === 'sla' ? 'page' : undefined}
              data-testid="nav-sla-board"
            >
              <Icon name="gauge" size={16} />
              <span>{t('nav.slaBoard')}</span>
            </Link>
            <Link
              to="/kb"
              className={`nav__item${screen === 'kb' ? ' is-active' : ''}`}
              aria-current={screen === 'kb' ? 'page' : undefined}
              data-testid="nav-kb"
            >
              <Icon name="book" size={16} />
              <span>{t('nav.kb')}</span>
            </Link>
            <Link
              to="/guard"
              className={`nav__item${screen === 'guard' && !inReview ? ' is-active' : ''}`}
              aria-current={screen === 'guard' && !inReview ? 'page' : undefined}
              data-testid="nav-guard"
            >
              <Icon name="shield" size={16} />
              <span>{t('guard.nav')}</span>
            </Link>
            <Link to="/guard/review" className={`nav__item${inReview ? ' is-active' : ''}`} aria-current={inReview ? 'page' : undefined} data-testid="nav-guard-review">
              <Icon name="eye" size={16} />
              <span>{t('guard.review.nav')}</span>
            </Link>
          </nav>
        )}

        {user.role === 'admin' && <AdminNav active={screen === 'admin'} />}

        {stores.length > 0 && (
          <nav className="nav nav--stores" aria-label={t('nav.stores')}>
            <div className="nav__label">{t('nav.stores')}</div>
            {stores.map((store) => (
              <button
                key={store.id}
                type="button"
                className={`nav__item${inInbox && storeId === store.id ? ' is-active' : ''}`}
                aria-pressed={inInbox && storeId === store.id}
                title={`${t(`platforms.${store.platform}`)} · ${store.name}`}
                onClick={() => onStoreChange(inInbox && storeId === store.id ? '' : store.id)}
              >
                <span className={`nav__dot platform--${store.platform}`} aria-hidden="true" />
                <span className="nav__text">{store.name}</span>
              </button>
            ))}
          </nav>
        )}
      </div>

      <div className="sidebar__spacer" />

      <details className="sidebar__shortcuts" open={shortcutsOpen} onToggle={(e) => setShortcutsOpen(e.currentTarget.open)} data-testid="sidebar-shortcuts">
        <summary className="nav__label sidebar__shortcuts-toggle">
          <Icon name="keyboard" size={13} /> {t('nav.shortcuts')}
        </summary>
        <ShortcutList compact />
      </details>

      <div className="sidebar__footer">
        <div className="sidebar__row">
          <ConnectionIndicator />
          <MuteSwitch userId={user.id} />
          <NudgeMuteSwitch user={user} />
          <LanguageSwitch />
        </div>
        <MeCard user={user} onLogout={onLogout} />
      </div>
    </aside>
  );
}

/** Desktop notifications and sounds on or off (remembered per user in this browser). */
function MuteSwitch({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const [muted, setMuted] = useMuted(userId);
  const blocked = typeof Notification !== 'undefined' && Notification.permission === 'denied';
  const label = muted ? t('notify.unmute') : t('notify.mute');
  return (
    <button
      type="button"
      className={`icon-button mute-switch${muted ? ' is-muted' : ''}`}
      data-testid="notify-mute"
      aria-pressed={muted}
      aria-label={label}
      title={`${muted ? t('notify.muted') : t('notify.on')}${blocked && !muted ? ` · ${t('notify.blocked')}` : ''}`}
      onClick={() => setMuted(!muted)}
    >
      <Icon name={muted ? 'bellOff' : 'bell'} size={15} />
    </button>
  );
}

/** The waiting nudges' notifications on or off (remembered per user in this browser; supervisors start with them off). */
function NudgeMuteSwitch({ user }: { user: User }) {
  const { t } = useTranslation();
  const [muted, setMuted] = useNudgesMuted(user);
  const label = muted ? t('notify.nudgesUnmute') : t('notify.nudgesMute');
  return (
    <button
      type="button"
      className={`icon-button mute-switch nudge-switch${muted ? ' is-muted' : ''}`}
      data-testid="notify-nudges-mute"
      aria-pressed={muted}
      aria-label={label}
      title={muted ? t('notify.nudgesMuted') : t('notify.nudgesOn')}
      onClick={() => setMuted(!muted)}
    >
      <Icon name="hourglass" size={15} />
    </button>
  );
}

/** The signed-in user: name, role, their own status switch and sign-out. */
function MeCard({ user, onLogout }: { user: User; onLogout(): void }) {
  const { t } = useTranslation();
  const me = useMyPresence(user);
  return (
    <div className="me">
      <div className="me__row">
        <span className="me__avatar">
          <Avatar name={user.name} seed={user.id} size={32} />
          <PresenceDot presence={me.presence} ring />
        </span>
        <div className="me__text">
          <div className="me__name" data-testid="current-user" title={user.email}>
            {user.name}
          </div>
          <div className="me__role">
            {t(`roles.${user.role}`)}
            {me.presence === 'offline' && <span className="me__offline"> · {t('presence.offline')}</span>}
          </div>
        </div>
        <button type="button" className="icon-button" onClick={onLogout} title={t('session.logout')} aria-label={t('session.logout')} data-testid="logout">
          <Icon name="logout" size={16} />
        </button>
      </div>
      <StatusSwitch
        presence={me.presence}
        pending={me.pending}
        error={me.error ? errorText(me.error, t) : null}
        onChange={(status) => void me.setStatus(status)}
        onDismissError={me.clearError}
      />
    </div>
  );
}
