import { useTranslation } from 'react-i18next';
import type { CauseKey } from './cause-colors';
import { causeColor } from './cause-colors';
import { causeName } from './labels';
import { Icon } from '../ui/icons';
import type { PeriodPreset } from './period';

// What a chart shows around its bars: the legend, a placeholder while it loads, and an empty period.

/** The colour of each cause, named in the console's language; the same on every chart. */
export function CauseLegend({ keys }: { keys: CauseKey[] }) {
  const { t } = useTranslation();
  if (keys.length === 0) return null;
  return (
    <ul className="legend" aria-label={t('analytics.legend')} data-testid="cause-legend">
      {keys.map((k) => (
        <li key={k} className="legend__item" data-cause={k}>
          <span className="swatch" style={{ background: causeColor(k) }} />
          {causeName(k, t)}
        </li>
      ))}
    </ul>
  );
}

export function ChartSkeleton({ height }: { height: number }) {
  return <div className="chart-skeleton skeleton" style={{ height }} aria-hidden="true" />;
}

/** No ticket in the period: say so, and offer the ways out. */
export function EmptyPeriod(props: { preset: PeriodPreset; storeName?: string; typeName?: string; onWiderPeriod(): void; onAllStores(): void; onAllTypes(): void }) {
  const { t } = useTranslation();
  return (
    <section className="an-card an-empty-period" data-testid="analytics-empty">
      <Icon name="barChart" size={30} strokeWidth={1.4} />
      <p className="board-empty__title">{t('analytics.empty.title')}</p>
      <p className="board-empty__hint">{t('analytics.empty.hint')}</p>
      <div className="an-empty-period__actions">
        {props.preset !== 'last90' && (
          <button type="button" className="button button--small" onClick={props.onWiderPeriod}>
            {t('analytics.empty.last90')}
          </button>
        )}
        {props.storeName && (
          <button type="button" className="button button--small" onClick={props.onAllStores}>
            {t('analytics.empty.allStores')}
          </button>
        )}
        {props.typeName && (
          <button type="button" className="button button--small" onClick={props.onAllTypes}>
            {t('analytics.empty.allTypes')}
          </button>
        )}
      </div>
    </section>
  );
}
