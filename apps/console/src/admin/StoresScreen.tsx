import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AdminFrame, LoadError } from './AdminFrame';
import { useAdminStores } from './useAdmin';

/** #/admin/stores — the client stores, each opening its editor. */
export function StoresScreen() {
  const { t } = useTranslation();
  const { stores, loading, error, reload } = useAdminStores();
  return (
    <AdminFrame
      testId="admin-stores"
      title={t('admin.stores.title')}
      subtitle={t('admin.stores.subtitle')}
      tools={
        <Link to="/admin/stores/$storeId" params={{ storeId: 'new' }} className="button button--primary" data-testid="store-new">
          {t('admin.stores.new')}
        </Link>
      }
    >
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && <span className="spinner" role="status" aria-label="…" />}
      {!loading && !error && stores.length === 0 && (
        <div className="board-empty">
          <p className="board-empty__title">{t('admin.stores.empty')}</p>
          <p className="board-empty__hint">{t('admin.stores.emptyHint')}</p>
        </div>
      )}
      {stores.length > 0 && (
        <table className="admin-table" data-testid="stores-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.stores.columns.name')}</th>
              <th scope="col">{t('admin.stores.columns.platform')}</th>
              <th scope="col">{t('admin.stores.columns.timezone')}</th>
              <th scope="col">{t('admin.stores.columns.hours')}</th>
              <th scope="col">{t('admin.stores.columns.holidays')}</th>
            </tr>
          </thead>
          <tbody>
            {stores.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to="/admin/stores/$storeId" params={{ storeId: s.id }} className="admin-table__link">
                    {s.name}
                  </Link>
                </td>
                <td>{t(`platforms.${s.platform}`)}</td>
                <td>{s.timezone}</td>
                <td>{s.businessHours === null ? t('admin.stores.aroundTheClock') : t('admin.stores.hoursSummary', { count: s.businessHours.length })}</td>
                <td>{s.holidays.length ? t('admin.stores.holidayCount', { count: s.holidays.length }) : t('admin.common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminFrame>
  );
}
