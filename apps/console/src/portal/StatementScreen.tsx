import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { periodTimezone } from '../analytics/period';
import { MonthStep, PrintButton } from '../billing/MonthStep';
import { StatementCard } from '../billing/StatementCard';
import { monthLabel, monthOf } from '../billing/statement-format';
import { useStatements } from '../billing/useBilling';
import { useStores } from '../desk/useStores';
import { serverNow } from '../time/server-clock';
import { ListState } from '../ui/ListState';
import { useAgencyName } from './PortalLayout';

/** #/portal/statement?month=YYYY-MM — the agency's fees for the month, store by store, with the orders they count; printable. */
export function StatementScreen() {
  const { t, i18n } = useTranslation();
  const agency = useAgencyName();
  const { stores, storeById } = useStores();
  const search = useSearch({ from: '/portal/statement' });
  const navigate = useNavigate({ from: '/portal/statement' });
  const thisMonth = monthOf(serverNow(), periodTimezone(stores, ''));
  const month = search.month ?? thisMonth;
  const { statements, loading, error, reload } = useStatements(month);
  const go = (m: string) => void navigate({ search: { month: m === thisMonth ? undefined : m } });

  return (
    <main className="board portal-screen statement-screen" data-testid="portal-statement" aria-labelledby="statement-title">
      <header className="board__header">
        <div className="board__heading">
          <h1 className="board__title" id="statement-title">
            {t('portal.statement.title')} · <span data-testid="statement-month">{monthLabel(month, i18n.language)}</span>
          </h1>
          <p className="board__subtitle">{t('portal.statement.subtitle', { agency })}</p>
        </div>
        <div className="board__tools no-print">
          <MonthStep month={month} thisMonth={thisMonth} onChange={go} />
          <PrintButton disabled={!statements?.length} />
        </div>
      </header>

      <ListState
        error={error}
        loading={loading}
        empty={statements?.length === 0}
        errorText={(message) => t('portal.loadError', { message })}
        onRetry={reload}
        retryLabel={t('portal.retry')}
        icon="fileText"
        emptyTitle={t('portal.statement.empty', { month: monthLabel(month, i18n.language) })}
        emptyHint={t('portal.statement.emptyHint')}
      />
      {statements?.map((s) => (
        <StatementCard
          key={s.storeId}
          statement={s}
          store={storeById.get(s.storeId)}
          conversationLink={(conversationId) => (
            <Link to="/portal/conversations/$conversationId" params={{ conversationId }} className="link-button">
              {t('billing.statement.openConversation')}
            </Link>
          )}
        />
      ))}
    </main>
  );
}
