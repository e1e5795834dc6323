import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CauseBreakdown, CauseCode } from '@kefu/contracts';
import { rateLabel } from '../sla/format';
import { causeColor } from './cause-colors';
import { direction, shareLabel } from './chart-data';
import { causeName } from './labels';
import { TrendBadge } from './ParetoPanel';

// The analysis at a glance: the headline figures of the period; each ticket figure opens its tickets.

export interface HeadlineProps {
  breakdown: CauseBreakdown | null;
  loading: boolean;
  csat: number | null;
  conversion: number | null;
  onAll(): void;
  onUnclassified(): void;
  onCorrected(): void;
  onTopCause(cause: CauseCode): void;
}

/** The period at a glance; the ticket figures open their tickets. */
export function Headline({ breakdown: b, loading, csat, conversion, onAll, onUnclassified, onCorrected, onTopCause }: HeadlineProps) {
  const { t } = useTranslation();
  const totalChange = b && b.previous.total > 0 ? (b.total - b.previous.total) / b.previous.total : null;
  const top = b?.pareto.find((p) => p.count > 0) ?? null;
  return (
    <section className={`an-figures${loading ? ' is-stale' : ''}`} aria-label={t('analytics.figures.label')} data-testid="analytics-figures">
      <FigureButton label={t('analytics.figures.tickets')} value={b ? String(b.total) : '—'} onClick={b && b.total > 0 ? onAll : undefined} testId="figure-tickets">
        {b && (
          <span className="an-figure__sub">
            <TrendBadge row={{ direction: direction(b.total, b.previous.total), change: totalChange, previousCount: b.previous.total }} /> {t('analytics.figures.vsPrevious', { count: b.previous.total })}
          </span>
        )}
      </FigureButton>
      <FigureButton label={t('analytics.figures.topCause')} value={top ? shareLabel(top.share) : '—'} onClick={top ? () => onTopCause(top.cause) : undefined} testId="figure-top-cause">
        {top && (
          <span className="an-figure__sub an-figure__cause">
            <span className="swatch" style={{ background: causeColor(top.cause) }} />
            {causeName(top.cause, t)}
          </span>
        )}
      </FigureButton>
      <FigureButton
        label={t('analytics.figures.corrected')}
        value={b ? shareLabel(b.corrections.share) : '—'}
        onClick={b && b.corrections.corrected > 0 ? onCorrected : undefined}
        testId="figure-corrected"
        title={t('analytics.figures.correctedHint')}
      >
        {b && <span className="an-figure__sub">{t('analytics.figures.correctedOf', { corrected: b.corrections.corrected, auto: b.corrections.auto })}</span>}
      </FigureButton>
      <FigureButton label={t('analytics.figures.unclassified')} value={b ? String(b.unclassified) : '—'} onClick={b && b.unclassified > 0 ? onUnclassified : undefined} testId="figure-unclassified" tone={b?.unclassified ? 'amber' : undefined}>
        {b && <span className="an-figure__sub">{b.unclassified ? t('analytics.figures.unclassifiedHint') : t('analytics.figures.allClassified')}</span>}
      </FigureButton>
      <FigureButton label={t('analytics.figures.breachRate')} value={b ? rateLabel(b.sla.overall.breachRate, t) : '—'} tone={b?.sla.overall.breachRate ? 'red' : undefined} testId="figure-breach-rate">
        {b && (
          <span className="an-figure__sub">
            {b.sla.overall.met + b.sla.overall.breached === 0 ? t('analytics.figures.noReplies') : t('analytics.figures.breachedOf', { breached: b.sla.overall.breached, decided: b.sla.overall.met + b.sla.overall.breached })}
          </span>
        )}
      </FigureButton>
      <FigureButton label={t('analytics.figures.csat')} value={csat === null ? '—' : csat.toFixed(2)} testId="figure-csat">
        <span className="an-figure__sub">{t('analytics.csat.outOf')}</span>
      </FigureButton>
      <FigureButton label={t('analytics.figures.conversion')} value={shareLabel(conversion)} testId="figure-conversion">
        <span className="an-figure__sub">{t('analytics.figures.conversionHint')}</span>
      </FigureButton>
    </section>
  );
}

function FigureButton({ label, value, onClick, testId, tone, title, children }: { label: string; value: string; onClick?: () => void; testId: string; tone?: 'red' | 'amber'; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const body = (
    <>
      <span className="an-figure__label">{label}</span>
      <span className="an-figure__value">{value}</span>
      {children}
    </>
  );
  const className = `an-figure${tone ? ` an-figure--${tone}` : ''}`;
  return onClick ? (
    <button type="button" className={`${className} an-figure--link`} onClick={onClick} data-testid={testId} title={title ?? t('analytics.figures.open')}>
      {body}
    </button>
  ) : (
    <div className={className} data-testid={testId} title={title}>
      {body}
    </div>
  );
}

