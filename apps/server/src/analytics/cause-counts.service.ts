import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { CauseCode, CauseGroupBy, CauseGroupKey, CauseSource, TicketType } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { TicketEntity } from '../ticket/ticket.entity.js';
import { type Cover, coverDays, coverRuns, type Grain, type Period, storeWindow, type StoreWindow } from '../common/period.util.js';
import { byTimezone, type StoreRef } from './scoped-stores.js';
import { TicketCauseRollupEntity } from './ticket-cause-rollup.entity.js';
import { TicketItemRollupEntity } from './ticket-item-rollup.entity.js';

export interface CountFilters {
  type?: TicketType;
  causeSource?: CauseSource;
}

/** Tickets of one group and cause (`cause: null` = unclassified). */
export interface CountRow extends CauseGroupKey {
  cause: CauseCode | null;
  tickets: number;
  /** The classifier proposed a cause (not counted for sku/category groups). */
  suggested: number;
  /** An agent changed the proposed cause (idem). */
  corrected: number;
}

/** An agent changed the cause the classifier had proposed. */
export const correctedSql = (t: string) => `(${t}.cause_source = 'agent' AND ${t}.suggested_cause IS NOT NULL AND ${t}.cause IS DISTINCT FROM ${t}.suggested_cause)`;

type Raw = Record<string, string | number | null>;

interface Zone {
  ids: string[];
  window: StoreWindow;
  cover: Cover | null;
}

/** The rollup grains a grouping may read: a bucket must lie inside one group. */
const GRAINS: Record<CauseGroupBy | 'none', Grain[]> = {
  none: ['day', 'week', 'month'],
  day: ['day'],
  week: ['day', 'week'],
  month: ['day', 'week', 'month'],
  store: ['day', 'week', 'month'],
  sku: ['day', 'week', 'month'],
  category: ['day', 'week', 'month'],
};

/** SQL of the group key over rows with a local `day` (or bucket start) date, its `week` Monday, a `store_id` and, for items, `key`/`name`. */
function keyColumns(groupBy: CauseGroupBy | null, c: { day: string; week: string; store: string; key: string; name: string }): { select: string[]; group: string[] } {
  switch (groupBy) {
    case 'day':
      return { select: [`${c.day}::text AS "day"`], group: ['1'] };
    case 'week':
      return { select: [`${c.week}::text AS "week"`], group: ['1'] };
    case 'month':
      return { select: [`left(${c.day}::text, 7) AS "month"`], group: ['1'] };
    case 'store':
      return { select: [`${c.store} AS "storeId"`], group: ['1'] };
    case 'sku':
      return { select: [`${c.store} AS "storeId"`, `${c.key} AS "sku"`, `max(${c.name}) AS "name"`], group: ['1', '2'] };
    case 'category':
      return { select: [`${c.key} AS "category"`], group: ['1'] };
    default:
      return { select: [], group: [] };
  }
}

const monday = (day: string) => `(${day} - (extract(isodow FROM ${day})::int - 1))`;

const KEY_FIELDS = ['day', 'week', 'month', 'storeId', 'sku', 'category'] as const;
const rowKey = (r: CauseGroupKey & { cause: string | null }) => JSON.stringify([...KEY_FIELDS.map((k) => r[k] ?? null), r.cause]);

/**
 * Counts tickets created in a period per group and cause. Whole store-local months, weeks and days
 * come from the rollups (kept exact by triggers); the partial days at the period's edges from the
 * tickets themselves, so any [from, to) is exact. Every query is restricted by the caller's scope.
 */
@Injectable()
export class CauseCountsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async count(caller: Caller, stores: StoreRef[], period: Period, filters: CountFilters, groupBy: CauseGroupBy | null): Promise<CountRow[]> {
    if (stores.length === 0) return [];
    const items = groupBy === 'sku' || groupBy === 'category';
    // The item rollup has no type/source dimensions: filtered sku/category breakdowns read tickets.
    const rollup = !(items && (filters.type || filters.causeSource));
    const zones: Zone[] = byTimezone(stores).map(({ ids, timezone }) => {
      const window = rollup ? storeWindow(period, timezone) : { firstDay: null, endDay: null, edges: [period] };
      const cover = window.firstDay && window.endDay ? coverDays(window.firstDay, window.endDay, GRAINS[groupBy ?? 'none'], groupBy === 'month') : null;
      return { ids, window, cover };
    });
    const [whole, edges] = await Promise.all([this.fromRollup(caller, zones, filters, groupBy), this.fromTickets(caller, zones, filters, groupBy)]);
    const merged = new Map<string, CountRow>();
    for (const r of [...whole, ...edges]) {
      const key = rowKey(r);
      const seen = merged.get(key);
      if (!seen) merged.set(key, r);
      else {
        seen.tickets += r.tickets;
        seen.suggested += r.suggested;
        seen.corrected += r.corrected;
        seen.name ??= r.name;
      }
    }
    return [...merged.values()];
  }

  private async fromRollup(caller: Caller, zones: Zone[], filters: CountFilters, groupBy: CauseGroupBy | null): Promise<CountRow[]> {
    // Timezones whose whole days are the same share one set of buckets.
    const covers = new Map<string, { ids: string[]; cover: Cover }>();
    for (const z of zones) {
      if (!z.cover) continue;
      const key = JSON.stringify(z.cover);
      covers.set(key, { ids: [...(covers.get(key)?.ids ?? []), ...z.ids], cover: z.cover });
    }
    if (covers.size === 0) return [];
    const items = groupBy === 'sku' || groupBy === 'category';
    const qb: SelectQueryBuilder<ObjectLiteral> = items
      ? this.db.getRepository(TicketItemRollupEntity).createQueryBuilder('r').where('r.kind = :kind', { kind: groupBy })
      : this.db
          .getRepository(TicketCauseRollupEntity)
          .createQueryBuilder('r')
          .where('r.type = :type AND r.causeSource = :causeSource', { type: filters.type ?? '*', causeSource: filters.causeSource ?? '*' });
    caller.scope.apply(qb, 'r.storeId');
    // One primary-key range per store set and run of buckets.
    qb.andWhere(
      new Brackets((w) =>
        [...covers.values()].forEach(({ ids, cover }, i) =>
          coverRuns(cover).forEach((run, j) =>
            w.orWhere(`(r.storeId = ANY(:ids${i}) AND r.grain = :grain${i}_${j} AND r.period >= :first${i}_${j} AND r.period < :end${i}_${j})`, {
              [`ids${i}`]: ids,
              [`grain${i}_${j}`]: run.grain,
              [`first${i}_${j}`]: run.first,
              [`end${i}_${j}`]: run.end,
            }),
          ),
        ),
      ),
    );
    const keys = keyColumns(groupBy, { day: 'r.period', week: `(CASE WHEN r.grain = 'day' THEN ${monday('r.period')} ELSE r.period END)`, store: 'r.store_id', key: 'r.key', name: 'r.name' });
    qb.select([...keys.select, `NULLIF(r.cause, '') AS "cause"`, 'sum(r.tickets) AS "tickets"'])
      .addSelect(items ? '0' : 'sum(r.suggested)', 'suggested')
      .addSelect(items ? '0' : 'sum(r.corrected)', 'corrected')
      .groupBy([...keys.group, `NULLIF(r.cause, '')`].join(', '));
    return (await qb.getRawMany<Raw>()).map(toCountRow);
  }

  private async fromTickets(caller: Caller, zones: Zone[], filters: CountFilters, groupBy: CauseGroupBy | null): Promise<CountRow[]> {
    const edges = zones.flatMap((z) => z.window.edges.map((e) => ({ ids: z.ids, ...e })));
    if (edges.length === 0) return [];
    const items = groupBy === 'sku' || groupBy === 'category';
    const qb = this.db.getRepository(TicketEntity).createQueryBuilder('t').innerJoin('t.store', 's');
    caller.scope.apply(qb, 't.storeId');
    qb.andWhere(
      new Brackets((w) =>
        edges.forEach((e, i) =>
          w.orWhere(`(t.storeId = ANY(:ids${i}) AND t.createdAt >= :from${i} AND t.createdAt < :to${i})`, { [`ids${i}`]: e.ids, [`from${i}`]: e.from, [`to${i}`]: e.to }),
        ),
      ),
    );
    if (filters.type) qb.andWhere('t.type = :type', { type: filters.type });
    if (filters.causeSource) qb.andWhere('t.causeSource = :causeSource', { causeSource: filters.causeSource });
    qb.select([
      't.store_id AS store_id',
      '(t.created_at AT TIME ZONE s.timezone)::date AS day',
      't.cause AS cause',
      '(t.suggested_cause IS NOT NULL) AS suggested',
      `${correctedSql('t')} AS corrected`,
      ...(items ? ['t.items AS items'] : []),
    ]);
    const [inner, params] = qb.getQueryAndParameters();
    // A ticket counts once per distinct SKU / category among its items (as in the rollup).
    const itemsArray = `CASE jsonb_typeof(x.items) WHEN 'array' THEN x.items ELSE '[]' END`;
    const lateral =
      groupBy === 'sku'
        ? `CROSS JOIN LATERAL (SELECT e->>'sku' AS key, max(e->>'name') AS name FROM jsonb_array_elements(${itemsArray}) e WHERE e->>'sku' <> '' GROUP BY 1) i`
        : groupBy === 'category'
          ? `CROSS JOIN LATERAL (SELECT DISTINCT e->>'category' AS key, NULL AS name FROM jsonb_array_elements(${itemsArray}) e WHERE e->>'category' <> '') i`
          : '';
    const keys = keyColumns(groupBy, { day: 'x.day', week: monday('x.day'), store: 'x.store_id', key: 'i.key', name: 'i.name' });
    const counts = ['count(*) AS "tickets"', `${items ? '0' : 'count(*) FILTER (WHERE x.suggested)'} AS "suggested"`, `${items ? '0' : 'count(*) FILTER (WHERE x.corrected)'} AS "corrected"`];
    const causeColumn = keys.select.length + 1;
    const sql = `SELECT ${[...keys.select, 'x.cause AS "cause"', ...counts].join(', ')} FROM (${inner}) x ${lateral} GROUP BY ${[...keys.group, causeColumn].join(', ')}`;
    return ((await this.db.query(sql, params)) as Raw[]).map(toCountRow);
  }
}

function toCountRow(r: Raw): CountRow {
  const row: CountRow = { cause: (r.cause as CauseCode | null) ?? null, tickets: Number(r.tickets), suggested: Number(r.suggested), corrected: Number(r.corrected) };
  for (const k of [...KEY_FIELDS, 'name'] as const) if (r[k] !== undefined && r[k] !== null) row[k] = String(r[k]);
  return row;
}
