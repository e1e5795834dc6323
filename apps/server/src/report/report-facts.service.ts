import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TICKET_TYPES, type CauseCode, type ReportContent, type ResponseRateItem, type TicketType } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { ConversionService } from '../conversion/conversion.service.js';
import { CsatFiguresService } from '../csat/csat-figures.service.js';
import { GuardReviewService } from '../guard/guard-review.service.js';
import { ResponseRateService } from '../sla-board/response-rate.service.js';
import { SlaQueryService } from '../sla-board/sla-query.service.js';
import { responseRuleOf } from '../store/store-settings.js';
import { replyGuardFigures } from './report-reply-guard.js';
import { LOGISTICS_CAUSES } from './report-words.js';
import type { StoreEntity } from '../store/store.entity.js';
import type { ReportWindow } from './report-period.js';

const change = (now: number, before: number) => (before ? now / before - 1 : null);

/** The platform response rate of the period, day by day, beside the previous period's. */
function platformResponse(ruleSeconds: number, days: ResponseRateItem[], previousRate: number | null) {
  const eligible = days.reduce((n, d) => n + d.eligible, 0);
  const met = days.reduce((n, d) => n + d.met, 0);
  return {
    ruleSeconds,
    eligible,
    met,
    rate: eligible ? met / eligible : null,
    previousRate,
    byDay: days.map((d) => ({ day: d.day!, eligible: d.eligible, met: d.met, rate: d.rate })),
  };
}

/** The figures of a client report: one store, one period and the one before, read from PostgreSQL. */
@Injectable()
export class ReportFactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sla: SlaQueryService,
    private readonly responseRate: ResponseRateService,
    private readonly csat: CsatFiguresService,
    private readonly conversion: ConversionService,
    private readonly guard: GuardReviewService,
  ) {}

  async gather(caller: Caller, store: StoreEntity, w: ReportWindow, previous: ReportWindow): Promise<Omit<ReportContent, 'findings'>> {
    const counts = async (column: 'type' | 'cause', win: ReportWindow) =>
      new Map(
        ((await this.db.query(`SELECT ${column} AS key, count(*)::int AS n FROM tickets WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY 1`, [store.id, win.from, win.to])) as { key: string | null; n: number }[]).map((r) => [r.key, r.n]),
      );
    const [types, prevTypes, causes, prevCauses] = await Promise.all([counts('type', w), counts('type', previous), counts('cause', w), counts('cause', previous)]);
    const total = [...types.values()].reduce((s, n) => s + n, 0);
    const previousTotal = [...prevTypes.values()].reduce((s, n) => s + n, 0);
    const classified = [...causes.entries()].filter(([k]) => k !== null) as [CauseCode, number][];
    const classifiedTotal = classified.reduce((s, [, n]) => s + n, 0);
    const causeNames = new Set<CauseCode>([...classified.map(([k]) => k), ...([...prevCauses.keys()].filter((k) => k !== null) as CauseCode[])]);

    const topSkus: { sku: string; name: string; cause: CauseCode; count: number; cause_total: number }[] = await this.db.query(
      `WITH lines AS (
         SELECT DISTINCT t.id, t.cause, i->>'sku' AS sku, i->>'name' AS name
         FROM tickets t CROSS JOIN LATERAL jsonb_array_elements(t.items) i
         WHERE t.store_id = $1 AND t.created_at >= $2 AND t.created_at < $3 AND t.cause IS NOT NULL)
       SELECT sku, min(name) AS name, cause, count(*)::int AS count,
              (SELECT count(*) FROM tickets t2 WHERE t2.store_id = $1 AND t2.created_at >= $2 AND t2.created_at < $3 AND t2.cause = lines.cause)::int AS cause_total
       FROM lines GROUP BY sku, cause ORDER BY count DESC, sku LIMIT 10`,
      [store.id, w.from, w.to],
    );
    const carriers: { carrier: string; cause: CauseCode; count: number }[] = await this.db.query(
      `SELECT o.carrier, t.cause, count(*)::int AS count FROM tickets t JOIN orders o ON o.store_id = t.store_id AND o.order_ref = t.order_ref
       WHERE t.store_id = $1 AND t.created_at >= $2 AND t.created_at < $3 AND t.cause = ANY($4) AND o.carrier IS NOT NULL
       GROUP BY 1, 2 ORDER BY 3 DESC`,
      [store.id, w.from, w.to, LOGISTICS_CAUSES],
    );

    const period = (win: ReportWindow) => ({ from: win.from.toISOString(), to: win.to.toISOString(), storeId: store.id });
    const [sla, prevSla, responseByDay, prevResponse, csat, prevCsat, conv, prevConv, guard, prevGuard] = await Promise.all([
      this.sla.summary(caller, period(w)),
      this.sla.summary(caller, period(previous)),
      this.responseRate.rate(caller, { ...period(w), groupBy: 'day' }),
      this.responseRate.rate(caller, { ...period(previous), groupBy: 'store' }),
      this.csat.report(caller, { ...period(w), groupBy: 'store' }),
      this.csat.report(caller, { ...period(previous), groupBy: 'store' }),
      this.conversion.report(caller, { ...period(w), groupBy: 'store' }),
      this.conversion.report(caller, { ...period(previous), groupBy: 'store' }),
      this.guard.stats(caller, { ...period(w), groupBy: 'store' }),
      this.guard.stats(caller, { ...period(previous), groupBy: 'store' }),
    ]);

    return {
      storeName: store.name,
      timezone: store.timezone,
      tickets: {
        total,
        previousTotal,
        change: change(total, previousTotal),
        byType: TICKET_TYPES.map((type: TicketType) => ({ type, count: types.get(type) ?? 0, previousCount: prevTypes.get(type) ?? 0, change: change(types.get(type) ?? 0, prevTypes.get(type) ?? 0) })).filter((r) => r.count || r.previousCount),
        byCause: [...causeNames]
          .map((cause) => ({ cause, count: causes.get(cause) ?? 0, share: classifiedTotal ? (causes.get(cause) ?? 0) / classifiedTotal : 0, previousCount: prevCauses.get(cause) ?? 0, change: change(causes.get(cause) ?? 0, prevCauses.get(cause) ?? 0) }))
          .sort((a, b) => b.count - a.count || b.previousCount - a.previousCount),
        unclassified: causes.get(null) ?? 0,
      },
      topSkus: topSkus.map((r) => ({ sku: r.sku, name: r.name, cause: r.cause, count: r.count, shareOfCause: r.cause_total ? r.count / r.cause_total : 0 })),
      carriers,
      sla: {
        firstResponseP50: sla.overall.firstResponseP50,
        firstResponseP90: sla.overall.firstResponseP90,
        breachRate: sla.overall.breachRate,
        previousFirstResponseP50: prevSla.overall.firstResponseP50,
        previousBreachRate: prevSla.overall.breachRate,
        platformResponse: platformResponse(responseRuleOf(store).seconds, responseByDay.items, prevResponse.items[0]?.rate ?? null),
      },
      csat: { average: csat.overall.average, responses: csat.overall.responses, satisfiedShare: csat.overall.satisfiedShare, previousAverage: prevCsat.overall.average },
      conversion: { presale: conv.overall.presale, converted: conv.overall.converted, rate: conv.overall.rate, previousRate: prevConv.overall.rate },
      replyGuard: replyGuardFigures(guard.items, prevGuard.items),
    };
  }
}
