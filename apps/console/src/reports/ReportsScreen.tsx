import { useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useListShortcuts } from '../keyboard/shortcuts';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import { z } from 'zod';
import { ReportPeriod, type Store } from '@kefu/contracts';
import { contractResolver } from '../ui/form';
import { ApiRequestError } from '../api/client';
import { deskApi } from '../api/desk-api';
import { reportHref } from '../routing/links';
import { useNowMinute } from '../time/clock';
import { serverNow } from '../time/server-clock';
import { Icon } from '../ui/icons';
import { ListState } from '../ui/ListState';
import { ReportRowCells } from './ReportRowCells';
import { generateDate } from './report-format';
import { useReportList, type ReportFilters } from './useReports';
import { StoreSelect } from '../ui/StoreSelect';
import { useMe } from '../desk/me';
import { useDirectory } from '../desk/useDirectory';
import { useStores } from '../desk/useStores';

/** The first control of the filter bar (the `/` key focuses it). */
const REPORTS_FILTER_ID = 'reports-filter-store';

/** The client reports (定期汇报): made every week and month by the schedule, or now on request. */
export function ReportsScreen() {
  const me = useMe();
  const { stores, storesLoaded, storeById } = useStores();
  const { userById } = useDirectory(me);
  const { t } = useTranslation();
  const now = useNowMinute();
  const search = useSearch({ from: '/reports' });
  const navigate = useNavigate({ from: '/reports' });
  const filters: ReportFilters = { storeId: search.store ?? '', period: search.period ?? '' };
  // Each choice is a step in the history (Back undoes it).
  const setFilters = (next: ReportFilters) => void navigate({ search: { store: next.storeId || undefined, period: next.period || undefined } });
  const storeId = filters.storeId && storesLoaded && !storeById.has(filters.storeId) ? '' : filters.storeId;
  const list = useReportList({ storeId, period: filters.period });
  const filtered = storeId !== '' || filters.period !== '';
  const bodyRef = useRef<HTMLDivElement>(null);
  // `/` goes to the store filter (the list has no search box).
  useListShortcuts(bodyRef, '[data-report-row]', () => document.getElementById(REPORTS_FILTER_ID));

  return (
    <main className="tickets reports" data-testid="reports-screen" aria-labelledby="reports-title">
      <header className="board__header">
        <div className="board__heading">
          <h1 className="board__title" id="reports-title">
            {t('reports.title')}
          </h1>
          <p className="board__subtitle">{t('reports.subtitle')}</p>
        </div>
      </header>

      <GenerateForm stores={stores} defaultStoreId={storeId} defaultPeriod={filters.period || 'week'} />

      <div className="tickets__filters" role="group" aria-label={t('reports.filters')}>
        <StoreSelect
          id={REPORTS_FILTER_ID}
          stores={stores}
          value={storeId}
          onChange={(id) => setFilters({ ...filters, storeId: id })}
          label={t('reports.store')}
          allLabel={t('reports.allStores')}
          testId="reports-filter-store"
        />
        <select className="select" data-testid="reports-filter-period" aria-label={t('reports.period')} value={filters.period} onChange={(e) => setFilters({ ...filters, period: e.target.value as ReportPeriod | '' })}>
          <option value="">{t('reports.allPeriods')}</option>
          <option value="week">{t('reports.periods.week')}</option>
          <option value="month">{t('reports.periods.month')}</option>
        </select>
        {!list.loading && <span className="inbox__count">{t('reports.count', { count: list.total })}</span>}
        {filtered && (
          <button type="button" className="link-button tickets__clear" onClick={() => setFilters({ storeId: '', period: '' })}>
            {t('reports.clearFilters')}
          </button>
        )}
      </div>

      <div className="tickets__table" role="table" aria-labelledby="reports-title" aria-busy={list.loading}>
        <div className="report-row report-row--head" role="row">
          <span role="columnheader">{t('reports.columns.store')}</span>
          <span role="columnheader">{t('reports.columns.period')}</span>
          <span role="columnheader">{t('reports.columns.dates')}</span>
          <span role="columnheader" className="num">
            {t('reports.columns.tickets')}
          </span>
          <span role="columnheader">{t('reports.columns.generated')}</span>
        </div>
        <div className="tickets__body" data-testid="reports-list" role="rowgroup" ref={bodyRef}>
          <ListState
            error={list.error}
            loading={list.loading}
            empty={list.items.length === 0}
            errorText={(message) => t('reports.loadError', { message })}
            onRetry={list.reload}
            retryLabel={t('reports.retry')}
            icon="fileText"
            emptyTitle={filtered ? t('reports.emptyFiltered') : t('reports.empty')}
            emptyHint={t('reports.emptyHint')}
          />
          {!list.loading &&
            list.items.map((r) => {
              const store = storeById.get(r.storeId);
              const by = r.generatedById ? (userById.get(r.generatedById)?.name ?? t('reports.someone')) : null;
              return (
                <a key={r.id} href={reportHref(r.id)} className="report-row ticket-row" role="row" data-testid="report-row" data-report-id={r.id} data-store-id={r.storeId} data-period={r.period} data-report-row="">
                  <ReportRowCells
                    report={r}
                    store={store}
                    now={now}
                    madeBy={
                      <span className={`report-row__by${by ? '' : ' report-row__by--schedule'}`}>
                        {by ? (
                          t('reports.by', { name: by })
                        ) : (
                          <>
                            <Icon name="clock" size={11} /> {t('reports.bySchedule')}
                          </>
                        )}
                      </span>
                    }
                  />
                </a>
              );
            })}
          {!list.loading && list.hasMore && (
            <button type="button" className="load-more" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
              {list.loadingMore ? t('reports.loadingMore') : t('reports.loadMore')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}

/** "Generate now" as the form holds it: a store (its id), a period, the last complete one or the current one so far. */
const GenerateInput = z.object({ storeId: z.uuid(), period: ReportPeriod, which: z.enum(['last', 'current']) });
type GenerateValues = z.input<typeof GenerateInput>;

function GenerateForm({ stores, defaultStoreId, defaultPeriod }: { stores: Store[]; defaultStoreId: string; defaultPeriod: ReportPeriod }) {
  const { t } = useTranslation();
  const form = useForm<GenerateValues, unknown, z.output<typeof GenerateInput>>({ resolver: contractResolver(GenerateInput), defaultValues: { storeId: '', period: defaultPeriod, which: 'last' } });
  const [error, setError] = useState<ApiRequestError | null>(null);
  const navigate = useNavigate();
  // Until a store is chosen here, the list's store filter is the one to generate for.
  const picked = useWatch({ control: form.control, name: 'storeId' });
  const chosen = picked || defaultStoreId;
  const period = useWatch({ control: form.control, name: 'period' });
  const busy = form.formState.isSubmitting || form.formState.isSubmitSuccessful;

  const submit = form.handleSubmit(async ({ storeId, period: p, which }) => {
    const store = stores.find((s) => s.id === storeId);
    setError(null);
    try {
      const report = await deskApi.generateReport(storeId, p, generateDate(which, serverNow(), store?.timezone ?? 'Asia/Shanghai'));
      void navigate({ to: '/reports/$reportId', params: { reportId: report.id } });
    } catch (err) {
      setError(err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));
      throw err;
    }
  });
  const storeField = form.register('storeId');

  return (
    <form
      className="generate"
      onSubmit={(e) => {
        if (!picked && defaultStoreId) form.setValue('storeId', defaultStoreId);
        void submit(e).catch(() => undefined);
      }}
      noValidate aria-labelledby="generate-title" data-testid="report-generate-form">
      <div className="generate__intro">
        <h2 className="generate__title" id="generate-title">
          <Icon name="sparkle" size={15} /> {t('reports.generate.title')}
        </h2>
        <p className="generate__hint">{t('reports.generate.hint')}</p>
      </div>
      <select
        className="select"
        {...storeField}
        value={chosen}
        aria-label={t('reports.store')}
        aria-invalid={form.formState.errors.storeId ? true : undefined}
        data-testid="report-generate-store"
      >
        <option value="" disabled>
          {t('reports.generate.chooseStore')}
        </option>
        {stores.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <select className="select" {...form.register('period')} aria-label={t('reports.period')} data-testid="report-generate-period">
        <option value="week">{t('reports.periods.week')}</option>
        <option value="month">{t('reports.periods.month')}</option>
      </select>
      <select className="select" {...form.register('which')} aria-label={t('reports.generate.which')} data-testid="report-generate-which">
        <option value="last">{t(`reports.generate.last.${period}`)}</option>
        <option value="current">{t(`reports.generate.current.${period}`)}</option>
      </select>
      <button type="submit" className="button button--primary" disabled={!chosen || busy} data-testid="report-generate">
        {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="fileText" size={14} />}
        {t('reports.generate.submit')}
      </button>
      {error && (
        <p className="generate__error" role="alert">
          <Icon name="alert" size={13} />
          {t('reports.generate.error', { message: errorText(error, t) })}
        </p>
      )}
    </form>
  );
}
