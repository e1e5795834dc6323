import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, type TicketType } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { StoreSelect } from '../ui/StoreSelect';
import { ANALYTICS_FILTER_ID } from './filters';
import { PERIOD_PRESETS, TIME_GROUPS, groupAllowed, type PeriodPreset } from './period';
import type { AnalyticsFilterState } from './useAnalyticsFilters';

/** The analysts' filter bar: store, period (or a custom range), ticket type, and the grouping of the time chart. */
export function AnalyticsFilterBar({ state }: { state: AnalyticsFilterState }) {
  const { t } = useTranslation();
  const { stores, storeId, filters, period, group, change, choosePreset, rangeProblem } = state;
  return (
    <div className="an-filters" role="group" aria-label={t('analytics.filters.label')} data-testid="analytics-filters">
      <label className="an-filter">
        <span className="an-filter__label">{t('analytics.filters.store')}</span>
        <StoreSelect id={ANALYTICS_FILTER_ID} stores={stores} value={storeId} onChange={(id) => change({ storeId: id })} allLabel={t('analytics.filters.allStores')} testId="analytics-store" />
      </label>
      <label className="an-filter">
        <span className="an-filter__label">{t('analytics.filters.period')}</span>
        <select className="select" data-testid="analytics-period" value={filters.preset} onChange={(e) => choosePreset(e.target.value as PeriodPreset)}>
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`analytics.presets.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {filters.preset === 'custom' && (
        <div className="an-filter an-filter--range">
          <span className="an-filter__label">{t('analytics.filters.dates')}</span>
          <div className="an-range">
            <input
              type="date"
              className="input input--date"
              value={filters.customFrom}
              max={filters.customTo || undefined}
              aria-label={t('analytics.filters.from')}
              aria-invalid={rangeProblem !== null && rangeProblem !== 'incomplete'}
              data-testid="analytics-from"
              onChange={(e) => change({ customFrom: e.target.value })}
            />
            <span aria-hidden="true">–</span>
            <input
              type="date"
              className="input input--date"
              value={filters.customTo}
              min={filters.customFrom || undefined}
              aria-label={t('analytics.filters.to')}
              aria-invalid={rangeProblem !== null && rangeProblem !== 'incomplete'}
              data-testid="analytics-to"
              onChange={(e) => change({ customTo: e.target.value })}
            />
          </div>
        </div>
      )}
      <label className="an-filter">
        <span className="an-filter__label">{t('analytics.filters.type')}</span>
        <select className="select" data-testid="analytics-type" value={filters.type} onChange={(e) => change({ type: e.target.value as TicketType | '' })}>
          <option value="">{t('analytics.filters.allTypes')}</option>
          {TICKET_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`tickets.types.${ty}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="an-filter">
        <span className="an-filter__label" id="analytics-group-label">
          {t('analytics.filters.groupBy')}
        </span>
        <div className="seg" role="group" aria-labelledby="analytics-group-label">
          {TIME_GROUPS.map((g) => {
            const allowed = !period || groupAllowed(g, period.days);
            return (
              <button
                key={g}
                type="button"
                className={`seg__option${group === g ? ' is-active' : ''}`}
                aria-pressed={group === g}
                disabled={!allowed}
                title={allowed ? undefined : t('analytics.filters.tooManyDays')}
                onClick={() => change({ group: g })}
                data-testid={`analytics-group-${g}`}
              >
                {t(`analytics.groups.${g}`)}
              </button>
            );
          })}
        </div>
      </div>
      {rangeProblem && rangeProblem !== 'incomplete' && (
        <p className="an-filters__problem" role="alert">
          <Icon name="alert" size={13} />
          {t(`analytics.filters.problems.${rangeProblem}`)}
        </p>
      )}
    </div>
  );
}
