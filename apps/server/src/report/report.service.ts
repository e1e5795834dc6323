import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClientReport, ClientReportSummary, Language, ListReportsQuery, Page, ReportPeriod, StoreReportQuery } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import { deskCaller, type Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { CSV_BOM, csvRow } from '../common/csv.util.js';
import { StoreEntity } from '../store/store.entity.js';
import { ClientReportEntity } from './client-report.entity.js';
import { ReportFactsService } from './report-facts.service.js';
import { reportFindings } from './report-findings.js';
import { csvWords } from './report-words.js';
import { lastCompletePeriod, periodHolding, previousWindow, type ReportWindow } from './report-period.js';
import { notFound } from '../errors/desk-error.js';

const toDto = (r: ClientReportEntity): ClientReport => ({
  id: r.id,
  storeId: r.storeId,
  period: r.period,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  generatedAt: r.generatedAt.toISOString(),
  generatedById: r.generatedById,
  content: r.content,
});

const PERIODS: ReportPeriod[] = ['week', 'month'];

/** Client reports: generated per store and period (by the schedule or on request), stored, listed, exported. */
@Injectable()
export class ReportService {
  private readonly logger = new Logger(ReportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly facts: ReportFactsService,
    private readonly audit: AuditService,
  ) {}

  /** `GET /api/reports/stores/:id`: the stored report of the period asked (default the last complete one), made now if missing. */
  async forStore(caller: Caller, storeId: string, q: StoreReportQuery): Promise<ClientReport> {
    const store = await this.visibleStore(caller, storeId);
    const w = q.date ? periodHolding(q.period, q.date, store.timezone) : lastCompletePeriod(q.period, store.timezone, new Date());
    const stored = await this.db.getRepository(ClientReportEntity).findOneBy({ storeId, period: q.period, periodStart: w.start });
    return toDto(stored ?? (await this.generate(store, q.period, w, caller.user.id)));
  }

  /** Makes (or makes again) the report of a period. */
  async regenerate(caller: Caller, storeId: string, q: StoreReportQuery): Promise<ClientReport> {
    const store = await this.visibleStore(caller, storeId);
    const w = q.date ? periodHolding(q.period, q.date, store.timezone) : lastCompletePeriod(q.period, store.timezone, new Date());
    return toDto(await this.generate(store, q.period, w, caller.user.id));
  }

  list(caller: Caller, q: ListReportsQuery): Promise<Page<ClientReportSummary>> {
    const qb = caller.scope.apply(this.db.getRepository(ClientReportEntity).createQueryBuilder('r').innerJoinAndSelect('r.store', 's'), 'r.storeId');
    if (q.storeId) qb.andWhere('r.storeId = :storeId', { storeId: q.storeId });
    if (q.period) qb.andWhere('r.period = :period', { period: q.period });
    return keysetPage(qb, {
      timeColumn: 'r.generatedAt',
      idColumn: 'r.id',
      limit: q.limit,
      cursor: q.cursor,
      timeOf: (r) => r.generatedAt,
      map: (r) => {
        const { content, ...rest } = toDto(r);
        return { ...rest, storeName: r.store!.name, ticketTotal: content.tickets.total };
      },
    });
  }

  async get(caller: Caller, id: string): Promise<ClientReport> {
    const report = await caller.scope.apply(this.db.getRepository(ClientReportEntity).createQueryBuilder('r'), 'r.storeId').andWhere('r.id = :id', { id }).getOne();
    if (!report) throw notFound('Report');
    return toDto(report);
  }

  /** The report as CSV (UTF-8 with BOM for Excel), headers and codes in `lang`: section, item, figure, previous, change. Audited. */
  async csv(caller: Caller, id: string, lang: Language = 'en'): Promise<{ filename: string; body: string }> {
    const r = await this.get(caller, id);
    const c = r.content;
    const w = csvWords(lang);
    const rows: (string | number | null)[][] = [w.header];
    rows.push([w.tickets, w.total, c.tickets.total, c.tickets.previousTotal, c.tickets.change]);
    for (const t of c.tickets.byType) rows.push([w.byType, w.type(t.type), t.count, t.previousCount, t.change]);
    for (const t of c.tickets.byCause) rows.push([w.byCause, w.cause(t.cause), t.count, t.previousCount, t.change]);
    for (const s of c.topSkus) rows.push([w.topSkus, `${s.sku} ${s.name} / ${w.cause(s.cause)}`, s.count, null, null]);
    rows.push([w.service, w.firstResponseP50, c.sla.firstResponseP50, c.sla.previousFirstResponseP50, null]);
    rows.push([w.service, w.firstResponseP90, c.sla.firstResponseP90, null, null]);
    rows.push([w.service, w.breachRate, c.sla.breachRate, c.sla.previousBreachRate, null]);
    const platform = c.sla.platformResponse;
    if (platform) rows.push([w.service, w.platformResponse(platform.ruleSeconds), platform.rate, platform.previousRate, null]);
    rows.push([w.service, w.csat, c.csat.average, c.csat.previousAverage, null]);
    rows.push([w.service, w.conversion, c.conversion.rate, c.conversion.previousRate, null]);
    // Reports made before the reply guard's figures have none.
    if (c.replyGuard) rows.push([w.service, w.replyGuard, c.replyGuard.per1000, c.replyGuard.previousPer1000, null]);
    c.findings.forEach((f, i) => rows.push([w.findings, String(i + 1), f.zh, f.en, null]));
    await this.audit.record({ actorId: caller.user.id, action: 'report.exported', targetType: 'report', targetId: id, details: { storeId: r.storeId, period: r.period, periodStart: r.periodStart } });
    const round = (v: string | number | null) => (typeof v === 'number' ? Math.round(v * 10000) / 10000 : v);
    return { filename: `report-${r.period}-${r.periodStart}.csv`, body: CSV_BOM + rows.map((row) => csvRow(row.map(round))).join('') };
  }

  /** Worker: every store's last complete week and month, made once each when missing. Returns how many were made. */
  async generateDue(now = new Date()): Promise<number> {
    let made = 0;
    for (const store of await this.db.getRepository(StoreEntity).find()) {
      for (const period of PERIODS) {
        const w = lastCompletePeriod(period, store.timezone, now);
        if (await this.db.getRepository(ClientReportEntity).existsBy({ storeId: store.id, period, periodStart: w.start })) continue;
        await this.generate(store, period, w, null);
        made++;
      }
    }
    return made;
  }

  private async generate(store: StoreEntity, period: ReportPeriod, w: ReportWindow, generatedById: string | null): Promise<ClientReportEntity> {
    const facts = await this.facts.gather(deskCaller([store.id]), store, w, previousWindow(period, w, store.timezone));
    const content = { ...facts, findings: reportFindings(facts) };
    const values = { storeId: store.id, period, periodStart: w.start, periodEnd: w.end, generatedAt: new Date(), generatedById, content };
    // One report per store and period: a second generation (a retry, two workers) replaces the first.
    await this.db.createQueryBuilder().insert().into(ClientReportEntity).values(values as never).orUpdate(['period_end', 'generated_at', 'generated_by_id', 'content'], ['store_id', 'period', 'period_start']).execute();
    this.logger.log(`report ${period} ${w.start} of ${store.name} generated`);
    return this.db.getRepository(ClientReportEntity).findOneByOrFail({ storeId: store.id, period, periodStart: w.start });
  }

  private async visibleStore(caller: Caller, storeId: string): Promise<StoreEntity> {
    const store = caller.scope.canSee(storeId) ? await this.db.getRepository(StoreEntity).findOneBy({ id: storeId }) : null;
    if (!store) throw notFound('Store');
    return store;
  }
}
