import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import type { AnalyticsTicketsQuery, Page, Ticket, TicketExportQuery } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { toTicketDto } from '../ticket/ticket.dto.js';
import { TicketEntity } from '../ticket/ticket.entity.js';
import { correctedSql } from './cause-counts.service.js';
import { bucketDays, bucketWindow, resolvePeriod } from '../common/period.util.js';
import { byTimezone, scopedStores } from './scoped-stores.js';

/**
 * The tickets behind a figure of the breakdown: the same period, stores and filters, narrowed to
 * one bar (a store-local day/week/month, a store, a SKU, a category, a cause). Selects exactly the
 * tickets the breakdown counted there.
 */
@Injectable()
export class TicketDrilldownService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async query(caller: Caller, q: TicketExportQuery): Promise<SelectQueryBuilder<TicketEntity>> {
    const period = resolvePeriod(q, new Date());
    const stores = await scopedStores(this.db, caller, q.storeId);
    const bucket = bucketDays(q);
    const windows = byTimezone(stores).flatMap((z) => {
      const w = bucketWindow(period, bucket, z.timezone);
      return w ? [{ ids: z.ids, ...w }] : [];
    });
    const qb = caller.scope.apply(this.db.getRepository(TicketEntity).createQueryBuilder('t'), 't.storeId');
    if (windows.length === 0) return qb.andWhere('false');
    // The overall bounds, redundant with the per-timezone ones, let the planner read one time range.
    const lo = new Date(Math.min(...windows.map((w) => w.from.getTime())));
    const hi = new Date(Math.max(...windows.map((w) => w.to.getTime())));
    qb.andWhere('t.createdAt >= :lo AND t.createdAt < :hi', { lo, hi });
    qb.andWhere(
      new Brackets((w) =>
        windows.forEach((z, i) =>
          w.orWhere(`(t.storeId = ANY(:ids${i}) AND t.createdAt >= :from${i} AND t.createdAt < :to${i})`, { [`ids${i}`]: z.ids, [`from${i}`]: z.from, [`to${i}`]: z.to }),
        ),
      ),
    );
    if (q.type) qb.andWhere('t.type = :type', { type: q.type });
    if (q.causeSource) qb.andWhere('t.causeSource = :causeSource', { causeSource: q.causeSource });
    if (q.cause === 'none') qb.andWhere('t.cause IS NULL');
    else if (q.cause) qb.andWhere('t.cause = :cause', { cause: q.cause });
    if (q.sku) qb.andWhere('t.items @> :skuItem::jsonb', { skuItem: JSON.stringify([{ sku: q.sku }]) });
    if (q.category) qb.andWhere('t.items @> :categoryItem::jsonb', { categoryItem: JSON.stringify([{ category: q.category }]) });
    if (q.corrections === 'auto') qb.andWhere('t.suggested_cause IS NOT NULL');
    if (q.corrections === 'corrected') qb.andWhere(correctedSql('t'));
    return qb;
  }

  async list(caller: Caller, q: AnalyticsTicketsQuery): Promise<Page<Ticket>> {
    const qb = await this.query(caller, q);
    return keysetPage(qb, { timeColumn: 't.createdAt', idColumn: 't.id', limit: q.limit, cursor: q.cursor, timeOf: (t) => t.createdAt, map: toTicketDto });
  }
}
