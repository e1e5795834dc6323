import { memo, useCallback, useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { causeColor, type CauseKey } from './cause-colors';
import type { CauseRow } from './chart-data';
import { causeName, fit } from './labels';

/** What a custom tooltip reads of recharts' props. */
export interface TipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}

/** A click on one segment: the cause within the row (bar) it belongs to. */
export type DrillHandler = (row: CauseRow, cause: CauseKey) => void;

interface Props {
  rows: CauseRow[];
  keys: CauseKey[];
  /** `time`: vertical bars along a time axis; `category`: horizontal bars, one per store or SKU. */
  layout: 'time' | 'category';
  /** How a row is named on the axis and in the tooltip. */
  axisLabel(row: CauseRow): string;
  tooltipLabel(row: CauseRow): string;
  onDrill: DrillHandler;
  height: number;
  /** Accessible name of the chart. */
  label: string;
  testId?: string;
}

const AXIS_TICK = { fontSize: 11.5, fill: '#767b85' };
const CATEGORY_WIDTH = 150;

/**
 * Causes stacked per bar. Each segment is a focusable button (arrow keys move between them, Enter
 * opens the tickets behind it); the chart is one tab stop. Memoised: it renders again only when
 * its rows, keys or size change, not on every state change of the screen around it.
 */
export const CauseChart = memo(function CauseChart({ rows, keys, layout, axisLabel, tooltipLabel, onDrill, height, label, testId = 'cause-chart' }: Props) {
  const { t } = useTranslation();
  const vertical = layout === 'category';
  const byId = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);

  const click = useCallback(
    (e: MouseEvent<SVGElement>) => {
      const el = e.currentTarget;
      const row = rows[byId.get(el.getAttribute('data-row-id') ?? '') ?? -1];
      const cause = el.getAttribute('data-cause') as CauseKey | null;
      if (row && cause) onDrill(row, cause);
    },
    [rows, byId, onDrill],
  );

  const shapes = useMemo(
    () =>
      keys.map((cause, k) => {
        const name = causeName(cause, t);
        return (props: { x?: number; y?: number; width?: number; height?: number; index?: number; payload?: CauseRow }) => {
          const { x = 0, y = 0, width = 0, height: h = 0, index = 0, payload } = props;
          const count = payload?.values[cause] ?? 0;
          if (!payload || count <= 0 || width <= 0 || h <= 0) return <g />;
          return (
            <rect
              className="cause-rect"
              x={x}
              y={y}
              width={width}
              height={h}
              fill={causeColor(cause)}
              role="button"
              tabIndex={-1}
              aria-label={`${tooltipLabel(payload)} · ${name}: ${count}`}
              data-testid="cause-bar"
              data-cause={cause}
              data-row-id={payload.id}
              data-count={count}
              data-col={index}
              data-stack={k}
              onClick={click}
            />
          );
        };
      }),
    [keys, t, tooltipLabel, click],
  );

  const tooltip = useCallback(
    (p: TipProps) => {
      const row = p.active ? (p.payload?.[0]?.payload as CauseRow | undefined) : undefined;
      if (!row) return null;
      const present = keys.filter((k) => (row.values[k] ?? 0) > 0).reverse();
      return (
        <div className="chart-tip">
          <div className="chart-tip__title">{tooltipLabel(row)}</div>
          {present.length === 0 ? (
            <div className="chart-tip__muted">{t('analytics.noTickets')}</div>
          ) : (
            <ul className="chart-tip__list">
              {present.map((k) => (
                <li key={k}>
                  <span className="swatch" style={{ background: causeColor(k) }} />
                  <span className="chart-tip__name">{causeName(k, t)}</span>
                  <span className="chart-tip__value">{row.values[k]}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="chart-tip__total">
            <span>{t('analytics.total')}</span>
            <span>{row.total}</span>
          </div>
          {present.length > 0 && <div className="chart-tip__hint">{t('analytics.clickToDrill')}</div>}
        </div>
      );
    },
    [keys, t, tooltipLabel],
  );

  // Horizontal bars carry their total at their end, drawn by the last cause of each bar.
  const totals = useMemo(
    () =>
      keys.map((cause) => (p: { index?: number; viewBox?: unknown }) => {
        const row = rows[p.index ?? -1];
        const box = p.viewBox as { x?: number; y?: number; width?: number; height?: number } | undefined;
        const last = row ? [...keys].reverse().find((k) => (row.values[k] ?? 0) > 0) : undefined;
        if (!row || !box || last !== cause) return <g />;
        return (
          <text x={(box.x ?? 0) + (box.width ?? 0) + 6} y={(box.y ?? 0) + (box.height ?? 0) / 2} dy={4} fontSize={12} fontWeight={600} fill="#1b1d22" data-testid="bar-total">
            {row.total}
          </text>
        );
      }),
    [keys, rows],
  );
  const tickFormatter = useCallback((id: string) => {
    const row = rows[byId.get(id) ?? -1];
    return row ? axisLabel(row) : id;
  }, [rows, byId, axisLabel]);

  return (
    <div className="cause-chart" data-testid={testId} data-layout={layout} role="group" aria-label={`${label}. ${t('analytics.chartKeys')}`} tabIndex={0} onKeyDown={moveBetweenSegments}>
      <BarChart
        // recharts stacks the bars in the order they first mounted: a new order of causes is a new chart.
        key={keys.join()}
        data={rows}
        layout={vertical ? 'vertical' : 'horizontal'}
        responsive
        style={{ width: '100%', height }}
        margin={vertical ? { top: 4, right: 32, bottom: 4, left: 0 } : { top: 8, right: 8, bottom: 0, left: -12 }}
        barCategoryGap={vertical ? 6 : rows.length > 40 ? 1 : '18%'}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#eef0f3" vertical={vertical} horizontal={!vertical} />
        {vertical ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} axisLine={false} tickLine={false} />
            <YAxis type="category" dataKey="id" width={CATEGORY_WIDTH} tick={<CategoryTick rows={rows} byId={byId} />} axisLine={false} tickLine={false} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="id" tickFormatter={tickFormatter} tick={AXIS_TICK} axisLine={{ stroke: '#d4d7dd' }} tickLine={false} interval="preserveStartEnd" minTickGap={14} />
            <YAxis allowDecimals={false} tick={AXIS_TICK} axisLine={false} tickLine={false} width={44} />
          </>
        )}
        <Tooltip content={tooltip} cursor={{ fill: 'rgba(62, 99, 221, 0.06)' }} isAnimationActive={false} allowEscapeViewBox={{ x: false, y: true }} />
        {keys.map((cause, k) => (
          <Bar
            key={cause}
            dataKey={(r: CauseRow) => r.values[cause] ?? 0}
            name={cause}
            stackId="causes"
            fill={causeColor(cause)}
            isAnimationActive={false}
            shape={shapes[k]}
            activeBar={false}
            maxBarSize={vertical ? 24 : 64}
          >
            {vertical && <LabelList content={totals[k]} />}
          </Bar>
        ))}
      </BarChart>
    </div>
  );
});

/** Store or SKU names beside horizontal bars, shortened to fit; a SKU shows its code below the name. */
function CategoryTick(props: { x?: number; y?: number; payload?: { value: string }; rows: CauseRow[]; byId: Map<string, number> }) {
  const { x = 0, y = 0, payload, rows, byId } = props;
  const row = payload ? rows[byId.get(payload.value) ?? -1] : undefined;
  if (!row) return null;
  const name = fit(row.name, 20);
  return (
    <g transform={`translate(${x - 6},${y})`}>
      <title>{row.sub ? `${row.name} · ${row.sub}` : row.name}</title>
      <text textAnchor="end" fontSize={12} fill="#474c55" dy={row.sub ? -2 : 4}>
        {name}
      </text>
      {row.sub && (
        <text textAnchor="end" fontSize={10.5} fill="#a0a4ad" dy={10} fontFamily="ui-monospace, Menlo, monospace">
          {fit(row.sub, 22)}
        </text>
      )}
    </g>
  );
}

/**
 * Keys on a chart: along the bars (←/→ on a time axis, ↑/↓ on horizontal bars) to the same cause in
 * the next bar, or the nearest segment there; across the stack with the other arrows; Home/End the
 * first and last bar; Enter/Space opens the tickets.
 */
function moveBetweenSegments(e: KeyboardEvent<HTMLDivElement>) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const segments = [...e.currentTarget.querySelectorAll<SVGElement>('[data-testid="cause-bar"]')];
  if (segments.length === 0) return;
  const current = segments.find((s) => s === document.activeElement);
  const pos = (s: SVGElement) => ({ col: Number(s.dataset.col), stack: Number(s.dataset.stack) });
  const focus = (s: SVGElement | undefined) => {
    e.preventDefault();
    s?.focus();
  };
  if ((e.key === 'Enter' || e.key === ' ') && current) {
    e.preventDefault();
    current.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
    return;
  }
  const horizontal = e.currentTarget.dataset.layout === 'category';
  const [prevBar, nextBar, down, up] = horizontal ? ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] : ['ArrowLeft', 'ArrowRight', 'ArrowDown', 'ArrowUp'];
  const keys = [prevBar, nextBar, down, up, 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  if (!current) {
    focus(e.key === 'End' ? segments.at(-1) : segments[0]);
    return;
  }
  const cols = [...new Set(segments.map((s) => pos(s).col))].sort((a, b) => a - b);
  const { col, stack } = pos(current);
  const inCol = (c: number) => segments.filter((s) => pos(s).col === c).sort((a, b) => pos(a).stack - pos(b).stack);
  const nearest = (c: number) => {
    const list = inCol(c);
    return list.find((s) => pos(s).stack === stack) ?? list.reduce((best, s) => (Math.abs(pos(s).stack - stack) < Math.abs(pos(best).stack - stack) ? s : best), list[0]);
  };
  const ci = cols.indexOf(col);
  const list = inCol(col);
  const i = list.indexOf(current);
  switch (e.key) {
    case nextBar:
      focus(ci < cols.length - 1 ? nearest(cols[ci + 1]) : undefined);
      break;
    case prevBar:
      focus(ci > 0 ? nearest(cols[ci - 1]) : undefined);
      break;
    case up:
      focus(list[i + 1]);
      break;
    case down:
      focus(list[i - 1]);
      break;
    case 'Home':
      focus(nearest(cols[0]));
      break;
    case 'End':
      focus(nearest(cols[cols.length - 1]));
      break;
  }
}
