import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '@kefu/contracts';
import { useDeskSettings } from '../admin/useAdmin';
import { useAgencyName } from './PortalLayout';
import { useStores } from '../desk/useStores';
import { ConnectionIndicator } from '../shell/ConnectionIndicator';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { Avatar } from '../ui/Avatar';
import { Icon, type IconName } from '../ui/icons';

type Section = { to: '/portal' | '/portal/reports' | '/portal/statement' | '/portal/conversations'; key: 'overview' | 'reports' | 'statement' | 'conversations'; icon: IconName };

const SECTIONS: Section[] = [
  { to: '/portal', key: 'overview', icon: 'gauge' },
  { to: '/portal/reports', key: 'reports', icon: 'fileText' },
  { to: '/portal/statement', key: 'statement', icon: 'barChart' },
  { to: '/portal/conversations', key: 'conversations', icon: 'chat' },
];

/** The section an address belongs to (a report belongs to the reports, a conversation to the conversations). */
const sectionOf = (pathname: string): Section['key'] => SECTIONS.slice(1).find((s) => pathname === s.to || pathname.startsWith(`${s.to}/`))?.key ?? 'overview';

/** The portal's sidebar: the agency heading it, the portal's sections, the brand's stores, language and sign-out. */
export function PortalSidebar({ user, pathname, onLogout }: { user: User; pathname: string; onLogout(): void }) {
  const { t } = useTranslation();
  const settings = useDeskSettings().data;
  const agency = useAgencyName();
  const { stores } = useStores();
  const active = sectionOf(pathname);
  return (
    <aside className="sidebar portal-sidebar">
      <div className="brand" data-testid="portal-agency">
        {settings?.agencyLogo ? (
          <img className="portal-sidebar__logo" src={settings.agencyLogo} alt="" />
        ) : (
          <span className="brand__logo" aria-hidden="true">
            <Icon name="chat" size={16} strokeWidth={2.2} />
          </span>
        )}
        <span className="brand__text">
          <span className="brand__name" data-testid="portal-agency-name">
            {agency}
          </span>
          <span className="brand__sub">{t('portal.name')}</span>
        </span>
      </div>

      <nav className="nav" aria-label={t('portal.nav.label')}>
        {SECTIONS.map((s) => (
          <Link key={s.key} to={s.to} className={`nav__item${active === s.key ? ' is-active' : ''}`} aria-current={active === s.key ? 'page' : undefined} data-testid={`portal-nav-${s.key}`}>
            <Icon name={s.icon} size={16} />
            <span>{t(`portal.nav.${s.key}`)}</span>
          </Link>
        ))}
      </nav>

      {stores.length > 0 && (
        <section className="nav nav--stores" aria-label={t('portal.nav.stores')}>
          <div className="nav__label">{t('portal.nav.stores')}</div>
          <ul className="portal-sidebar__stores" data-testid="portal-stores">
            {stores.map((s) => (
              <li key={s.id} className="portal-sidebar__store" title={`${t(`platforms.${s.platform}`)} · ${s.name}`} data-store-id={s.id}>
                <span className={`nav__dot platform--${s.platform}`} aria-hidden="true" />
                <span className="nav__text">{s.name}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="sidebar__spacer" />

      <div className="sidebar__footer">
        <div className="sidebar__row">
          <ConnectionIndicator />
          <LanguageSwitch />
        </div>
        <div className="me">
          <div className="me__row">
            <span className="me__avatar">
              <Avatar name={user.name} seed={user.id} size={32} />
            </span>
            <div className="me__text">
              <div className="me__name" data-testid="current-user" title={user.email}>
                {user.name}
              </div>
              <div className="me__role">{t('portal.me.role')}</div>
            </div>
            <button type="button" className="icon-button" onClick={onLogout} title={t('session.logout')} aria-label={t('session.logout')} data-testid="logout">
              <Icon name="logout" size={16} />
            </button>
          </div>
        </div>
      </div>
    </aside>
  );
}
