import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { responseRateLabel } from '../sla/format';
import { RESPONSE_RATE_BANDS, rateTone, type RateTone } from '../sla/platform-response';
import type { TipProps } from './CauseChart';
import type { RateBucket } from './response-rows';

const AXIS_TICK = { fontSize: 11.5, fill: '#767b85' };
/** The board's band colours (styles/base.css --green-solid, --amber-solid, --red-solid). */
const TONE_FILL: Record<RateTone, string> = { green: '#30a46c', amber: '#f0a020', red: '#e5484d' };
const BAND_LINE = '#a0a4ad';

interface Props {
  buckets: RateBucket[];
  axisLabel(id: string): string;
  tooltipLabel(id: string): string;
  height: number;
  label: string;
}

/** The response rate of each bucket (0–100 %) in its band's colour, the band limits drawn across. */
export const ResponseRateChart = memo(function ResponseRateChart({ buckets, axisLabel, tooltipLabel, height, label }: Props) {
  const { t } = useTranslation();
  const data = buckets.map((b) => ({ ...b, pct: b.rate === null ? null : b.rate * 100 }));
  const tooltip = useCallback(
    (p: TipProps) => {
      const b = p.active ? (p.payload?.[0]?.payload as RateBucket | undefined) : undefined;
      if (!b) return null;
      return (
        <div className="chart-tip">
          <div className="chart-tip__title">{tooltipLabel(b.id)}</div>
          {b.eligible === 0 ? (
            <div className="chart-tip__muted">{t('analytics.platform.noneDecided')}</div>
          ) : (
            <div className="chart-tip__total">
              <span>{t('analytics.platform.rate')}</span>
              <span>{responseRateLabel(b.rate, t)}</span>
            </div>
          )}
          <div className="chart-tip__muted">{t('analytics.platform.rowTitle', { met: b.met, eligible: b.eligible, pending: b.pending })}</div>
        </div>
      );
    },
    [t, tooltipLabel],
  );
  return (
    <div className="rate-chart" data-testid="platform-rate-chart" role="img" aria-label={label}>
      <BarChart data={data} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 34, bottom: 0, left: -12 }} barCategoryGap={data.length > 40 ? 1 : '18%'} accessibilityLayer={false}>
        <CartesianGrid stroke="#eef0f3" vertical={false} />
        <XAxis dataKey="id" tickFormatter={axisLabel} tick={AXIS_TICK} axisLine={{ stroke: '#d4d7dd' }} tickLine={false} interval="preserveStartEnd" minTickGap={14} />
        <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tickFormatter={(v: number) => `${v}%`} tick={AXIS_TICK} axisLine={false} tickLine={false} width={48} />
        {/* The band limits, named at the right end (too close together for axis ticks). */}
        {[RESPONSE_RATE_BANDS.green, RESPONSE_RATE_BANDS.amber].map((band) => (
          <ReferenceLine key={band} y={band * 100} stroke={BAND_LINE} strokeDasharray="3 3" label={{ value: `${Math.round(band * 100)}%`, position: 'right', fontSize: 10.5, fill: '#767b85' }} />
        ))}
        <Tooltip content={tooltip} cursor={{ fill: 'rgba(62, 99, 221, 0.06)' }} isAnimationActive={false} />
        <Bar dataKey="pct" isAnimationActive={false} maxBarSize={40} activeBar={false} shape={RateRect} />
      </BarChart>
    </div>
  );
});

/** One bucket's bar, in its band's colour (nothing for a bucket with no decided wait). */
function RateRect(props: { x?: number; y?: number; width?: number; height?: number; payload?: RateBucket }) {
  const { x = 0, y = 0, width = 0, height = 0, payload } = props;
  const tone = payload ? rateTone(payload.rate) : null;
  if (!payload || !tone) return <g />;
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={Math.max(height, 1)}
      rx={2}
      fill={TONE_FILL[tone]}
      data-testid="platform-rate-bar"
      data-bucket={payload.id}
      data-rate={payload.rate ?? ''}
      data-tone={tone}
    />
  );
}
