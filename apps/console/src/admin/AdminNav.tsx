import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../ui/icons';

const ITEMS: { to: '/admin/stores' | '/admin/people' | '/admin/audit'; key: 'stores' | 'people' | 'audit'; icon: IconName }[] = [
  { to: '/admin/stores', key: 'stores', icon: 'store' },
  { to: '/admin/people', key: 'people', icon: 'userPlus' },
  { to: '/admin/audit', key: 'audit', icon: 'history' },
];

/** The sidebar's administration links (admins only). */
export function AdminNav({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="nav nav--admin" aria-label={t('admin.nav.title')}>
      <div className="nav__label">{t('admin.nav.title')}</div>
      {ITEMS.map((item) => (
        <Link key={item.to} to={item.to} className="nav__item" activeProps={{ className: 'nav__item is-active', 'aria-current': 'page' }} data-testid={`nav-admin-${item.key}`} data-active-screen={active || undefined}>
          <Icon name={item.icon} size={16} />
          <span>{t(`admin.nav.${item.key}`)}</span>
        </Link>
      ))}
    </nav>
  );
}
