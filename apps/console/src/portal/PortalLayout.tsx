import { useEffect } from 'react';
import { Outlet, useRouteContext, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDeskSettings } from '../admin/useAdmin';
import { PortalSidebar } from './PortalSidebar';

/** The brand's console: the portal's sidebar and the screen of the address (a report alone when printed). */
export function PortalLayout() {
  const { user, logout } = useRouteContext({ from: '__root__' });
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const agency = useAgencyName();
  const report = /^\/portal\/reports\/[^/]+$/.test(pathname);

  useEffect(() => {
    document.title = `${agency} · ${t('portal.name')}`;
  }, [agency, t]);

  return (
    <div className={`desk desk--board portal${report ? ' desk--report' : ''}`} data-testid="portal">
      <PortalSidebar user={user} pathname={pathname} onLogout={logout} />
      <Outlet />
    </div>
  );
}

/** The agency's name as set up (the desk's own name until then). */
export function useAgencyName(): string {
  const { t, i18n } = useTranslation();
  return useDeskSettings().data?.agencyName || (i18n.language.startsWith('zh') ? t('app.nameLocal') : t('app.name'));
}
