import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { CauseCode } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { causeColor } from './cause-colors';
import type { TipProps } from './CauseChart';
import { causeName, wrap } from './labels';
import { changeLabel, shareLabel, type TrendRow } from './chart-data';

interface Props {
  rows: TrendRow[];
  /** Tickets of the period before, for the comparison's caption. */
  previousTotal: number;
  onDrill(cause: CauseCode): void;
}

const AXIS_TICK = { fontSize: 11.5, fill: '#767b85' };

/**
 * The Pareto view: causes by count with the cumulative share, the "vital few" (the causes that make
 * the first 80 %) marked, and each cause's change against the period before.
 */
export const ParetoPanel = memo(function ParetoPanel({ rows, previousTotal, onDrill }: Props) {
  const { t } = useTranslation();
  const chartRows = useMemo(() => rows.filter((r) => r.count > 0), [rows]);
  const vitalCount = chartRows.filter((r) => r.vital).length;

  const tooltip = useCallback(
    (p: TipProps) => {
      const row = p.active ? (p.payload?.[0]?.payload as TrendRow | undefined) : undefined;
      if (!row) return null;
      return (
        <div className="chart-tip">
          <div className="chart-tip__title">
            <span className="swatch" style={{ background: causeColor(row.cause) }} /> {causeName(row.cause, t)}
          </div>
          <div className="chart-tip__total">
            <span>{t('analytics.pareto.tickets')}</span>
            <span>
              {row.count} · {shareLabel(row.share)}
            </span>
          </div>
          <div className="chart-tip__total">
            <span>{t('analytics.pareto.cumulative')}</span>
            <span>{shareLabel(row.cumulativeShare)}</span>
          </div>
          {row.vital && <div className="chart-tip__hint">{t('analytics.pareto.vitalHint')}</div>}
        </div>
      );
    },
    [t],
  );

  if (chartRows.length === 0 && rows.length === 0) {
    return <p className="an-empty">{t('analytics.pareto.empty')}</p>;
  }

  return (
    <div className="pareto">
      <div className="pareto__chart" role="img" aria-label={t('analytics.pareto.chartLabel', { count: vitalCount })}>
        <ComposedChart data={chartRows} responsive style={{ width: '100%', height: 280 }} margin={{ top: 12, right: 4, bottom: 4, left: -12 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="cause" tick={<CauseTick />} interval={0} axisLine={{ stroke: '#d4d7dd' }} tickLine={false} height={44} />
          <YAxis yAxisId="count" allowDecimals={false} tick={AXIS_TICK} axisLine={false} tickLine={false} width={44} />
          <YAxis yAxisId="share" orientation="right" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={AXIS_TICK} axisLine={false} tickLine={false} width={40} />
          <Tooltip content={tooltip} cursor={{ fill: 'rgba(62, 99, 221, 0.06)' }} isAnimationActive={false} />
          <ReferenceLine yAxisId="share" y={0.8} stroke="#a0a4ad" strokeDasharray="4 4" label={{ value: '80%', position: 'insideTopLeft', fontSize: 11, fill: '#767b85' }} />
          <Bar yAxisId="count" dataKey="count" isAnimationActive={false} maxBarSize={56} cursor="pointer" onClick={(d: { payload?: TrendRow }) => d.payload && onDrill(d.payload.cause)}>
            {chartRows.map((r) => (
              <Cell key={r.cause} fill={causeColor(r.cause)} fillOpacity={r.vital ? 1 : 0.4} data-testid="pareto-bar" data-cause={r.cause} data-vital={r.vital} />
            ))}
          </Bar>
          <Line yAxisId="share" dataKey="cumulativeShare" stroke="#1b1d22" strokeWidth={1.6} dot={{ r: 2.5, fill: '#1b1d22' }} isAnimationActive={false} />
        </ComposedChart>
      </div>

      <table className="an-table pareto__table">
        <caption className="sr-only">{t('analytics.pareto.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analytics.pareto.cause')}</th>
            <th scope="col" className="num">
              {t('analytics.pareto.tickets')}
            </th>
            <th scope="col" className="num">
              {t('analytics.pareto.share')}
            </th>
            <th scope="col" className="num">
              {t('analytics.pareto.cumulative')}
            </th>
            <th scope="col" className="num" title={t('analytics.pareto.vsPreviousHint', { count: previousTotal })}>
              {t('analytics.pareto.vsPrevious')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.cause} className={r.vital ? 'is-vital' : undefined} data-testid="pareto-row" data-cause={r.cause} data-vital={r.vital}>
              <th scope="row">
                <button type="button" className="cause-link" onClick={() => onDrill(r.cause)} title={t('analytics.pareto.open')}>
                  <span className="swatch" style={{ background: causeColor(r.cause) }} />
                  <span className="cause-link__name">{causeName(r.cause, t)}</span>
                  {r.vital && <span className="vital-badge">{t('analytics.pareto.vital')}</span>}
                </button>
              </th>
              <td className="num">{r.count}</td>
              <td className="num">{shareLabel(r.share)}</td>
              <td className="num muted">{r.count > 0 ? shareLabel(r.cumulativeShare) : '—'}</td>
              <td className="num">
                <TrendBadge row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** ↑ red (more problems), ↓ green, "new" amber; with the count of the period before. */
export function TrendBadge({ row }: { row: Pick<TrendRow, 'direction' | 'change' | 'previousCount'> }) {
  const { t } = useTranslation();
  const title = t('analytics.trend.before', { count: row.previousCount });
  if (row.direction === 'new') {
    return (
      <span className="trend trend--new" title={title} data-testid="trend" data-direction="new">
        {t('analytics.trend.new')}
      </span>
    );
  }
  if (row.direction === 'flat') {
    return (
      <span className="trend trend--flat" title={title} data-testid="trend" data-direction="flat">
        <Icon name="arrowRight" size={12} strokeWidth={2.4} />
        {row.previousCount === 0 ? '—' : '0%'}
      </span>
    );
  }
  return (
    <span className={`trend trend--${row.direction}`} title={title} data-testid="trend" data-direction={row.direction} aria-label={`${t(`analytics.trend.${row.direction}`)} ${changeLabel(row.change) ?? ''}`}>
      <Icon name="arrowRight" size={12} strokeWidth={2.4} className={`trend__arrow trend__arrow--${row.direction}`} />
      {changeLabel(row.change)}
    </span>
  );
}

/** A cause under its bar: its name on up to two lines. */
function CauseTick(props: { x?: number; y?: number; payload?: { value: CauseCode }; width?: number | string; visibleTicksCount?: number }) {
  const { t } = useTranslation();
  const { x = 0, y = 0, payload, width, visibleTicksCount } = props;
  if (!payload) return null;
  // About 6 px per column at 11 px (a Chinese character is two columns).
  const band = Number(width) / Math.max(1, visibleTicksCount ?? 1);
  const columns = Number.isFinite(band) && band > 0 ? Math.max(6, Math.min(16, Math.floor(band / 6))) : 10;
  const lines = wrap(causeName(payload.value, t), columns);
  return (
    <text x={x} y={y + 12} textAnchor="middle" fontSize={11} fill="#474c55">
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : 13}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
