import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CauseCode, ClientReport, Store } from '@kefu/contracts';
import { causeColor } from '../analytics/cause-colors';
import { causeName } from '../analytics/labels';
import { changeLabel, shareLabel } from '../analytics/chart-data';
import { secondsLabel } from '../sla/format';
import { formatDateTime } from '../time/format';
import { PlatformBadge } from '../ui/badges';
import { causesOfReport, changeTone, findingsIn, pointsLabel, relativeChange, reportDates, skusByCause } from './report-format';
import { type ReportColumn, ReportTable } from './ReportTable';
import { AgencyBrand, useAgencyTitle } from '../admin/AgencyBrand';
import { responseRateLabel } from '../sla/format';
import { PlatformResponseBlock } from './PlatformResponseBlock';
import { ReplyGuardBlock } from './ReplyGuardBlock';

// The printable client report itself: findings, tickets by type and cause, SKUs, carriers and service figures.

export function ReportDocument({ report, store, generatedBy }: { report: ClientReport; store: Store | undefined; generatedBy: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = report.content;
  // Reports made before the platforms' metric or the reply guard's figures existed have none.
  const platform = c.sla.platformResponse;
  const guard = c.replyGuard;
  const findings = findingsIn(c.findings, lang);
  const causes = causesOfReport(c);
  const maxCause = Math.max(1, ...causes.map((x) => Math.max(x.count, x.previousCount)));
  const skuGroups = skusByCause(c);
  const types = c.tickets.byType.filter((x) => x.count > 0 || x.previousCount > 0);
  const changeOf = (x: { count: number; previousCount: number; change: number | null }) => changeLabel(x.change) ?? (x.previousCount === 0 && x.count > 0 ? t('analytics.trend.new') : '—');
  const typeRows: (Counted & { key: string; label: string; total?: true })[] = [
    ...types.map((x) => ({ key: x.type, label: t(`tickets.types.${x.type}`), count: x.count, previousCount: x.previousCount, change: changeOf(x) })),
    { key: 'total', label: t('reports.page.total'), count: c.tickets.total, previousCount: c.tickets.previousTotal, change: changeLabel(c.tickets.change) ?? '—', total: true },
  ];
  // The columns the tables by type and by cause share: this period, the one before and the change.
  const thisPeriod: ReportColumn<Counted> = { head: t('reports.page.thisPeriod'), className: 'num', cellClassName: 'strong', cell: (x) => x.count };
  const previousPeriod: ReportColumn<Counted> = { head: t('reports.page.previousPeriod'), className: 'num', cellClassName: 'muted', cell: (x) => x.previousCount };
  const change: ReportColumn<Counted> = { head: t('reports.page.change'), className: 'num', cell: (x) => <Change value={x.change} tone={changeTone(x.count, x.previousCount, false)} /> };
  const agency = useAgencyTitle();
  const dates = reportDates(report.periodStart, report.periodEnd, lang);
  useRunningFooter(`${agency} · ${c.storeName} · ${dates}`);

  return (
    <article className="report" data-testid="report-page" data-report-id={report.id} lang={lang.startsWith('zh') ? 'zh-CN' : 'en'}>
      <header className="report__head">
        <AgencyBrand />
        <h1 className="report__title">
          {c.storeName}
          {store && <PlatformBadge platform={store.platform} />}
        </h1>
        <p className="report__period">
          <span className={`period-tag period-tag--${report.period}`}>{t(`reports.page.kind.${report.period}`)}</span>
          <strong>{reportDates(report.periodStart, report.periodEnd, lang)}</strong>
          <span className="report__muted">{t('reports.page.timezone', { tz: c.timezone })}</span>
        </p>
        <p className="report__generated">
          {generatedBy ? t('reports.page.generatedBy', { time: formatDateTime(report.generatedAt, lang), name: generatedBy }) : t('reports.page.generatedSchedule', { time: formatDateTime(report.generatedAt, lang) })}
        </p>
      </header>

      <ReportSection id="findings-title" title={t('reports.page.findings')} className="report__findings report__section--keep" testId="report-findings">
        {findings.length === 0 ? (
          <p className="report__muted">{t('reports.page.noFindings')}</p>
        ) : (
          <ol className="findings">
            {findings.map((f, i) => (
              <li key={i} className="findings__item" data-testid="report-finding">
                <span className="findings__n">{i + 1}</span>
                <span className="findings__text">{f}</span>
              </li>
            ))}
          </ol>
        )}
      </ReportSection>

      <ReportSection id="glance-title" title={t('reports.page.glance')} className="report__section--keep">
        <div className={platform ? 'kpis kpis--six' : 'kpis'}>
          <Kpi label={t('reports.page.tickets')} value={String(c.tickets.total)} change={changeLabel(c.tickets.change)} tone={changeTone(c.tickets.total, c.tickets.previousTotal, false)} previous={t('reports.page.previous', { value: c.tickets.previousTotal })} />
          <Kpi
            label={t('reports.page.p50')}
            value={secondsLabel(c.sla.firstResponseP50, t)}
            change={changeLabel(relativeChange(c.sla.firstResponseP50, c.sla.previousFirstResponseP50))}
            tone={changeTone(c.sla.firstResponseP50, c.sla.previousFirstResponseP50, false)}
            previous={c.sla.previousFirstResponseP50 === null ? undefined : t('reports.page.previous', { value: secondsLabel(c.sla.previousFirstResponseP50, t) })}
          />
          <Kpi
            label={t('reports.page.breachRate')}
            value={shareLabel(c.sla.breachRate)}
            change={pointsLabel(c.sla.breachRate, c.sla.previousBreachRate)}
            tone={changeTone(c.sla.breachRate, c.sla.previousBreachRate, false)}
            previous={c.sla.previousBreachRate === null ? undefined : t('reports.page.previous', { value: shareLabel(c.sla.previousBreachRate) })}
          />
          {platform && (
            <Kpi
              label={t('reports.page.platform.kpi')}
              value={responseRateLabel(platform.rate, t)}
              change={pointsLabel(platform.rate, platform.previousRate)}
              tone={changeTone(platform.rate, platform.previousRate, true)}
              previous={platform.previousRate === null ? undefined : t('reports.page.previous', { value: responseRateLabel(platform.previousRate, t) })}
            />
          )}
          <Kpi
            label={t('reports.page.csat')}
            value={c.csat.average === null ? '—' : c.csat.average.toFixed(2)}
            unit="/ 5"
            change={c.csat.average !== null && c.csat.previousAverage !== null ? signed(c.csat.average - c.csat.previousAverage) : null}
            tone={changeTone(c.csat.average, c.csat.previousAverage, true)}
            previous={c.csat.previousAverage === null ? undefined : t('reports.page.previous', { value: c.csat.previousAverage.toFixed(2) })}
          />
          <Kpi
            label={t('reports.page.conversion')}
            value={shareLabel(c.conversion.rate)}
            change={pointsLabel(c.conversion.rate, c.conversion.previousRate)}
            tone={changeTone(c.conversion.rate, c.conversion.previousRate, true)}
            previous={c.conversion.previousRate === null ? undefined : t('reports.page.previous', { value: shareLabel(c.conversion.previousRate) })}
          />
        </div>
      </ReportSection>

      <ReportSection id="bytype-title" title={t('reports.page.byType')} className="report__section--keep">
        {types.length === 0 ? (
          <p className="report__muted">{t('reports.page.noTickets')}</p>
        ) : (
          <ReportTable
            columns={[{ head: t('reports.page.type'), scope: 'row', cell: (x) => x.label }, thisPeriod, previousPeriod, change]}
            rows={typeRows}
            rowKey={(x) => x.key}
            rowProps={(x) => ({ className: x.total ? 'rtable__total' : undefined })}
          />
        )}
      </ReportSection>

      <ReportSection id="bycause-title" title={t('reports.page.byCause')} testId="report-causes">
        {causes.length === 0 ? (
          <p className="report__muted">{t('reports.page.noCauses')}</p>
        ) : (
          <ReportTable
            className="rtable--causes"
            columns={[
              { head: t('reports.page.cause'), scope: 'row', cell: (x) => <CauseLabel cause={x.cause} /> },
              {
                head: <span className="sr-only">{t('reports.page.bar')}</span>,
                className: 'rtable__bar-col',
                cell: (x) => (
                  <span className="rbar">
                    <span className="rbar__now" style={{ width: `${(x.count / maxCause) * 100}%`, background: causeColor(x.cause) }} />
                    <span className="rbar__before" style={{ width: `${(x.previousCount / maxCause) * 100}%` }} />
                  </span>
                ),
              },
              thisPeriod,
              { head: t('reports.page.share'), className: 'num', cell: (x) => shareLabel(x.share) },
              previousPeriod,
              change,
            ]}
            rows={causes.map((x) => ({ ...x, change: changeOf(x) }))}
            rowKey={(x) => x.cause}
            rowProps={(x) => ({ 'data-cause': x.cause })}
          />
        )}
        {c.tickets.unclassified > 0 && <p className="report__note">{t('reports.page.unclassified', { count: c.tickets.unclassified })}</p>}
        {causes.length > 0 && <p className="report__legend">{t('reports.page.barLegend')}</p>}
      </ReportSection>

      <ReportSection id="skus-title" title={t('reports.page.topSkus')}>
        {skuGroups.length === 0 ? (
          <p className="report__muted">{t('reports.page.noSkus')}</p>
        ) : (
          <ReportTable
            columns={[
              { head: t('reports.page.cause'), scope: 'rowgroup', cellClassName: 'rtable__cause', cell: (s) => <CauseLabel cause={s.cause} /> },
              { head: t('reports.page.product'), cell: (s) => s.name },
              { head: 'SKU', cellClassName: 'mono', cell: (s) => s.sku },
              { head: t('reports.page.tickets'), className: 'num', cellClassName: 'strong', cell: (s) => s.count },
              { head: t('reports.page.shareOfCause'), className: 'num', cell: (s) => shareLabel(s.shareOfCause) },
            ]}
            rows={skuGroups.flatMap((g) => g.skus)}
            rowKey={(s, i) => `${s.sku}/${i}`}
            groupBy={(s) => s.cause}
          />
        )}
      </ReportSection>

      {c.carriers.length > 0 && (
        <ReportSection id="carriers-title" title={t('reports.page.carriers')}>
          <ReportTable
            columns={[
              { head: t('reports.page.carrier'), scope: 'row', cell: (x) => x.carrier },
              { head: t('reports.page.cause'), cell: (x) => <CauseLabel cause={x.cause} /> },
              { head: t('reports.page.tickets'), className: 'num', cellClassName: 'strong', cell: (x) => x.count },
            ]}
            rows={[...c.carriers].sort((a, b) => b.count - a.count)}
            rowKey={(x, i) => `${x.carrier}/${x.cause}/${i}`}
          />
        </ReportSection>
      )}

      <ReportSection id="service-title" title={t('reports.page.service')}>
        <div className="service-layout">
          <div className="service-grid">
            <ServiceBlock title={t('reports.page.sla')}>
              <Row label={t('reports.page.p50')} value={secondsLabel(c.sla.firstResponseP50, t)} previous={c.sla.previousFirstResponseP50 === null ? null : secondsLabel(c.sla.previousFirstResponseP50, t)} />
              <Row label={t('reports.page.p90')} value={secondsLabel(c.sla.firstResponseP90, t)} previous={null} />
              <Row label={t('reports.page.breachRate')} value={shareLabel(c.sla.breachRate)} previous={c.sla.previousBreachRate === null ? null : shareLabel(c.sla.previousBreachRate)} />
            </ServiceBlock>
            <ServiceBlock title={t('reports.page.csatTitle')}>
              <Row label={t('reports.page.csat')} value={c.csat.average === null ? '—' : `${c.csat.average.toFixed(2)} / 5`} previous={c.csat.previousAverage === null ? null : c.csat.previousAverage.toFixed(2)} />
              <Row label={t('reports.page.responses')} value={String(c.csat.responses)} previous={null} />
              <Row label={t('reports.page.satisfied')} value={shareLabel(c.csat.satisfiedShare)} previous={null} />
            </ServiceBlock>
            <ServiceBlock title={t('reports.page.conversionTitle')}>
              <Row label={t('reports.page.conversion')} value={shareLabel(c.conversion.rate)} previous={c.conversion.previousRate === null ? null : shareLabel(c.conversion.previousRate)} />
              <Row label={t('reports.page.presale')} value={String(c.conversion.presale)} previous={null} />
              <Row label={t('reports.page.converted')} value={String(c.conversion.converted)} previous={null} />
            </ServiceBlock>
          </div>
          {platform && <PlatformResponseBlock platform={platform} periodStart={report.periodStart} periodEnd={report.periodEnd} />}
          {guard && <ReplyGuardBlock guard={guard} />}
        </div>
        <p className="report__note">{t('reports.page.serviceNote')}</p>
        {platform && <p className="report__note">{t('reports.page.platform.note')}</p>}
        {guard && <p className="report__note">{t('reports.page.guard.note')}</p>}
      </ReportSection>

      <footer className="report__footer">{t('reports.page.footer', { store: c.storeName, dates, agency })}</footer>
    </article>
  );
}

/**
 * While the report is open, the printed pages' running footer (the report's @page, report-print.css) names the agency,
 * the store and the period: a margin box reads it from :root, the only element a page inherits from.
 */
function useRunningFooter(text: string) {
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty('--report-running', `"${text.replace(/["\\]/g, '\\$&')}"`);
    return () => {
      root.removeProperty('--report-running');
    };
  }, [text]);
}

/** A row of counts: this period's, the period before's, and the change as shown. */
interface Counted {
  count: number;
  previousCount: number;
  change: string;
}

/** A cause with its colour. */
function CauseLabel({ cause }: { cause: CauseCode }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="swatch" style={{ background: causeColor(cause) }} /> {causeName(cause, t)}
    </>
  );
}

const signed = (n: number) => (Math.abs(n) < 0.005 ? '0' : `${n > 0 ? '+' : '\u2212'}${Math.abs(n).toFixed(2)}`);

function Kpi({ label, value, unit, change, tone, previous }: { label: string; value: string; unit?: string; change: string | null; tone: 'good' | 'bad' | null; previous?: string }) {
  return (
    <div className="kpi">
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">
        {value}
        {unit && <span className="kpi__unit">{unit}</span>}
      </div>
      <div className="kpi__foot">
        {change && <Change value={change} tone={tone} />}
        {previous && <span className="kpi__previous">{previous}</span>}
      </div>
    </div>
  );
}

function Change({ value, tone }: { value: string; tone: 'good' | 'bad' | null }) {
  return <span className={`rchange${tone ? ` rchange--${tone}` : ''}`}>{value}</span>;
}

function ServiceBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="service-block">
      <h3 className="service-block__title">{title}</h3>
      <dl className="service-block__rows">{children}</dl>
    </div>
  );
}

function Row({ label, value, previous }: { label: string; value: string; previous: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="service-row">
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        {previous !== null && <span className="service-row__previous">{t('reports.page.previous', { value: previous })}</span>}
      </dd>
    </div>
  );
}

/** A part of the report: a heading (its accessible name) and what follows it. */
function ReportSection({ id, title, className, testId, children }: { id: string; title: ReactNode; className?: string; testId?: string; children: ReactNode }) {
  return (
    <section className={className ? `report__section ${className}` : 'report__section'} data-testid={testId} aria-labelledby={id}>
      <h2 className="report__h2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}
