import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CauseBreakdown, CauseBreakdownQuery } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { SlaQueryService } from '../sla-board/sla-query.service.js';
import { CauseCountsService } from './cause-counts.service.js';
import { correctionsOf, groupedItems, paretoOf, totalsOf, trendOf } from './cause-figures.util.js';
import { previousPeriod, resolvePeriod } from '../common/period.util.js';
import { scopedStores } from './scoped-stores.js';

/** `GET /api/analytics/causes`: tickets by root cause, grouped, against the period before. */
@Injectable()
export class CauseBreakdownService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly counts: CauseCountsService,
    private readonly sla: SlaQueryService,
  ) {}

  async breakdown(caller: Caller, q: CauseBreakdownQuery): Promise<CauseBreakdown> {
    const period = resolvePeriod(q, new Date());
    const previous = previousPeriod(period);
    const stores = await scopedStores(this.db, caller, q.storeId);
    const filters = { type: q.type, causeSource: q.causeSource };
    const groupBy = q.groupBy ?? null;
    // A ticket may count in several sku/category groups: the period's totals need their own count.
    const perItem = groupBy === 'sku' || groupBy === 'category';
    const [grouped, ungrouped, before, sla] = await Promise.all([
      groupBy ? this.counts.count(caller, stores, period, filters, groupBy) : null,
      !groupBy || perItem ? this.counts.count(caller, stores, period, filters, null) : null,
      this.counts.count(caller, stores, previous, filters, null),
      this.sla.summary(caller, { from: period.from.toISOString(), to: period.to.toISOString(), storeId: q.storeId }),
    ]);
    const current = totalsOf(ungrouped ?? grouped!);
    const prior = totalsOf(before);
    const names = new Map(stores.map((s) => [s.id, s.name]));
    const { items, groups, groupCount } = groupBy
      ? groupedItems(grouped!, groupBy, q.limit, (id) => names.get(id) ?? id)
      : { items: current.causes.map((c) => ({ ...c, share: c.count / current.total })), groups: [], groupCount: 0 };
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      groupBy,
      filters: { storeId: q.storeId ?? null, type: q.type ?? null, causeSource: q.causeSource ?? null },
      items,
      groups,
      groupCount,
      total: current.total,
      unclassified: current.unclassified,
      previous: { from: previous.from.toISOString(), to: previous.to.toISOString(), total: prior.total, unclassified: prior.unclassified, causes: prior.causes },
      trend: trendOf(current, prior),
      pareto: paretoOf(current),
      corrections: correctionsOf(current),
      sla: { from: sla.from, to: sla.to, overall: sla.overall, byStore: sla.byStore },
    };
  }
}
