import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { TipProps } from './CauseChart';
import { per1000Label, per1000Ticks, type GuardBucket } from './guard-rows';

const AXIS_TICK = { fontSize: 11.5, fill: '#767b85' };
/** styles/base.css --amber-solid: a violation is a warning sign, not a breach. */
const FILL = '#f0a020';

interface Props {
  buckets: GuardBucket[];
  axisLabel(id: string): string;
  tooltipLabel(id: string): string;
  height: number;
  label: string;
}

/** Violations per 1,000 replies of each bucket. */
export const ViolationRateChart = memo(function ViolationRateChart({ buckets, axisLabel, tooltipLabel, height, label }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ticks = per1000Ticks(Math.max(0, ...buckets.map((b) => b.per1000 ?? 0)));
  const tooltip = useCallback(
    (p: TipProps) => {
      const b = p.active ? (p.payload?.[0]?.payload as GuardBucket | undefined) : undefined;
      if (!b) return null;
      return (
        <div className="chart-tip">
          <div className="chart-tip__title">{tooltipLabel(b.id)}</div>
          {b.per1000 === null ? (
            <div className="chart-tip__muted">{t('analytics.guard.noReplies')}</div>
          ) : (
            <>
              <div className="chart-tip__total">
                <span>{t('analytics.guard.per1000')}</span>
                <span>{per1000Label(b.per1000, lang)}</span>
              </div>
              <div className="chart-tip__muted">{t('analytics.guard.rowTitle', { blocked: b.blocked, overrides: b.overrides, replies: b.replies })}</div>
            </>
          )}
        </div>
      );
    },
    [t, lang, tooltipLabel],
  );
  return (
    <div className="rate-chart" data-testid="guard-rate-chart" role="img" aria-label={label}>
      <BarChart data={buckets} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 12, bottom: 0, left: -12 }} barCategoryGap={buckets.length > 40 ? 1 : '18%'} accessibilityLayer={false}>
        <CartesianGrid stroke="#eef0f3" vertical={false} />
        <XAxis dataKey="id" tickFormatter={axisLabel} tick={AXIS_TICK} axisLine={{ stroke: '#d4d7dd' }} tickLine={false} interval="preserveStartEnd" minTickGap={14} />
        <YAxis domain={[0, ticks[ticks.length - 1]]} ticks={ticks} tickFormatter={(v: number) => per1000Label(v, lang)} tick={AXIS_TICK} axisLine={false} tickLine={false} width={48} />
        <Tooltip content={tooltip} cursor={{ fill: 'rgba(62, 99, 221, 0.06)' }} isAnimationActive={false} />
        <Bar dataKey="per1000" isAnimationActive={false} maxBarSize={40} activeBar={false} shape={ViolationRect} />
      </BarChart>
    </div>
  );
});

/** One bucket's bar (nothing for a bucket without replies; a sliver for a clean one, so it reads as 0, not missing). */
function ViolationRect(props: { x?: number; y?: number; width?: number; height?: number; payload?: GuardBucket }) {
  const { x = 0, y = 0, width = 0, height = 0, payload } = props;
  if (!payload || payload.per1000 === null) return <g />;
  return <rect x={x} y={y} width={width} height={Math.max(height, 1)} rx={2} fill={FILL} data-testid="guard-rate-bar" data-bucket={payload.id} data-per1000={payload.per1000} />;
}
