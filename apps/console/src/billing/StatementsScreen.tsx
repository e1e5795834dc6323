import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AgencyBrand } from '../admin/AgencyBrand';
import { periodTimezone } from '../analytics/period';
import { useStores } from '../desk/useStores';
import { serverNow } from '../time/server-clock';
import { ListState } from '../ui/ListState';
import { StoreSelect } from '../ui/StoreSelect';
import { MonthStep, PrintButton } from './MonthStep';
import { StatementCard } from './StatementCard';
import { moneyLabel, monthLabel, monthOf, statementsTotal } from './statement-format';
import { useStatements } from './useBilling';

/** #/statements?month=YYYY-MM&store=<id> — what each store owes the agency for the month, with the orders counted; printable (A4) and as CSV. */
export function StatementsScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { stores, storesLoaded, storeById } = useStores();
  const search = useSearch({ from: '/statements' });
  const navigate = useNavigate({ from: '/statements' });
  // A store in the address that is not (or no longer) one of the caller's is dropped once the stores are known.
  const storeId = search.store && (!storesLoaded || storeById.has(search.store)) ? search.store : '';
  // "This month" in the chosen store's time zone (else the one most stores keep), as the server counts it.
  const thisMonth = monthOf(serverNow(), periodTimezone(stores, storeId));
  const month = search.month ?? thisMonth;
  const { statements, loading, error, reload } = useStatements(month, storeId || undefined);
  const go = (patch: { month?: string; store?: string }) => {
    const next = { month, store: storeId, ...patch };
    void navigate({ search: { month: next.month === thisMonth ? undefined : next.month, store: next.store || undefined } });
  };

  return (
    <main className="board statements-screen" data-testid="statements-screen" aria-labelledby="statements-title">
      <header className="board__header">
        <div className="board__heading">
          {/* On paper the statement goes to a brand: it is headed by the agency, as a report is. */}
          <div className="statements-screen__letterhead">
            <AgencyBrand />
          </div>
          <h1 className="board__title" id="statements-title">
            {t('billing.statements.title')} · <span data-testid="statement-month">{monthLabel(month, lang)}</span>
          </h1>
          <p className="board__subtitle">{t('billing.statements.subtitle')}</p>
          {statements && statements.length > 0 && (
            <p className="statements-screen__summary" data-testid="statements-summary">
              {t('billing.statements.summary', { count: statements.length, total: moneyLabel(statementsTotal(statements), lang) })}
            </p>
          )}
        </div>
        <div className="board__tools no-print">
          <StoreSelect stores={stores} value={storeId} onChange={(store) => go({ store })} allLabel={t('billing.statements.allStores')} label={t('billing.statements.store')} testId="statements-store" />
          <MonthStep month={month} thisMonth={thisMonth} onChange={(m) => go({ month: m })} />
          <PrintButton disabled={!statements?.length} />
        </div>
      </header>

      <ListState
        error={error}
        loading={loading}
        empty={statements?.length === 0}
        errorText={(message) => t('billing.statements.loadError', { message })}
        onRetry={reload}
        retryLabel={t('billing.statements.retry')}
        icon="fileText"
        emptyTitle={t('billing.statements.empty', { month: monthLabel(month, lang) })}
        emptyHint={t('billing.statements.emptyHint')}
      />
      {statements?.map((s) => (
        <StatementCard
          key={s.storeId}
          statement={s}
          store={storeById.get(s.storeId)}
          conversationLink={(conversationId) => (
            <Link to="/c/$conversationId" params={{ conversationId }} className="link-button" data-testid="statement-conversation">
              {t('billing.statement.openConversation')}
            </Link>
          )}
        />
      ))}
    </main>
  );
}
