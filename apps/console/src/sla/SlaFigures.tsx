import { useTranslation } from 'react-i18next';
import type { SlaBoardTimer, SlaFigures as Figures } from '@kefu/contracts';
import { useNow } from '../time/clock';
import { timerClock } from './board-state';
import { readSla } from './countdown';
import { rateLabel, secondsLabel } from './format';

interface Props {
  figures: Figures | null;
  running: SlaBoardTimer[];
  runningTotal: number | null;
  /** Breached response clocks nobody answered yet: those customers still wait too. */
  breachedWaiting: number | null;
}

/** Today's headline figures: breach rate, first-response p50/p90, met and breached, and who waits now. */
export function SlaFigures({ figures, running, runningTotal, breachedWaiting }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const atRisk = running.filter((r) => readSla(timerClock(r), now)?.state !== 'running').length;
  // Everyone who waits for a reply now: clocks running and clocks breached but not answered yet.
  const waiting = runningTotal === null || breachedWaiting === null ? null : runningTotal + breachedWaiting;
  const waitingSub = [breachedWaiting ? t('sla.figures.overdue', { count: breachedWaiting }) : null, atRisk > 0 ? t('sla.figures.atRisk', { count: atRisk }) : null].filter(Boolean).join(' · ');
  const decided = figures ? figures.met + figures.breached : 0;
  const value = (v: string | number | null | undefined) => (v === null || v === undefined ? t('sla.none') : v);
  return (
    <section className="figures" data-testid="sla-figures" aria-labelledby="sla-figures-title">
      <h2 className="figures__title" id="sla-figures-title">
        {t('sla.figures.label')}
      </h2>
      <Figure
        label={t('sla.figures.breachRate')}
        value={figures ? rateLabel(figures.breachRate, t) : t('sla.none')}
        tone={figures?.breachRate ? 'red' : undefined}
        title={figures ? t('sla.figures.breachRateHint', { breached: figures.breached, decided }) : undefined}
        testId="sla-figure-breach-rate"
      />
      <Figure label={t('sla.figures.p50')} value={figures ? secondsLabel(figures.firstResponseP50, t) : t('sla.none')} testId="sla-figure-p50" />
      <Figure label={t('sla.figures.p90')} value={figures ? secondsLabel(figures.firstResponseP90, t) : t('sla.none')} testId="sla-figure-p90" />
      <Figure label={t('sla.figures.met')} value={value(figures?.met)} tone={figures?.met ? 'green' : undefined} testId="sla-figure-met" />
      <Figure label={t('sla.figures.breached')} value={value(figures?.breached)} tone={figures?.breached ? 'red' : undefined} testId="sla-figure-breached" />
      <Figure
        label={t('sla.figures.running')}
        value={value(waiting)}
        sub={waitingSub || undefined}
        tone={breachedWaiting ? 'red' : atRisk > 0 ? 'amber' : undefined}
        testId="sla-figure-running"
      />
    </section>
  );
}

function Figure({ label, value, sub, tone, title, testId }: { label: string; value: string | number; sub?: string; tone?: 'red' | 'amber' | 'green'; title?: string; testId: string }) {
  return (
    <div className={`figure${tone ? ` figure--${tone}` : ''}`} title={title} data-testid={testId}>
      <div className="figure__label">{label}</div>
      <div className="figure__value">{value}</div>
      {sub && <div className="figure__sub">{sub}</div>}
    </div>
  );
}
