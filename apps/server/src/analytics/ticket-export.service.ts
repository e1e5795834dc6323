import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Readable } from 'node:stream';
import type { OrderItem, TicketExportQuery } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { CustomerEntity } from '../customer/customer.entity.js';
import { ticketNumber } from '../ticket/ticket.dto.js';
import { CSV_BOM, csvRow } from '../common/csv.util.js';
import { maskAddress, maskName, maskPersonalText, maskPhone } from '../privacy/pii-mask.js';
import { TicketDrilldownService } from './ticket-drilldown.service.js';

const HEADER = ['number', 'store', 'created', 'type', 'status', 'cause', 'causeSource', 'orderRef', 'skus', 'customerName', 'customerPhone', 'customerAddress', 'customerReason'];
const BATCH = 2000;

interface Row {
  id: string;
  seq: string;
  store_name: string;
  timezone: string;
  created_at: Date;
  type: string;
  status: string;
  cause: string | null;
  cause_source: string | null;
  order_ref: string | null;
  items: OrderItem[];
  customer_name: string | null;
  phone: string | null;
  address: string | null;
  customer_reason: string;
}

/** `GET /api/analytics/tickets.csv`: the tickets behind a figure, personal data masked, audited. */
@Injectable()
export class TicketExportService {
  constructor(
    private readonly drilldown: TicketDrilldownService,
    private readonly audit: AuditService,
  ) {}

  /** Validates and audits first (a bad query is a 400, not a broken file), then streams in keyset batches. */
  async export(caller: Caller, q: TicketExportQuery): Promise<Readable> {
    const base = await this.drilldown.query(caller, q);
    await this.audit.record({ actorId: caller.user.id, action: 'analytics.exported', targetType: 'analytics', targetId: 'tickets.csv', details: { export: 'tickets.csv', query: q } });
    base
      .innerJoin('t.store', 's')
      .leftJoin(CustomerEntity, 'c', 'c.id = t.customerId')
      .select([
        't.id AS id',
        't.seq AS seq',
        's.name AS store_name',
        's.timezone AS timezone',
        't.created_at AS created_at',
        't.type AS type',
        't.status AS status',
        't.cause AS cause',
        't.cause_source AS cause_source',
        't.order_ref AS order_ref',
        't.items AS items',
        'c.name AS customer_name',
        'c.phone AS phone',
        'c.address AS address',
        't.customer_reason AS customer_reason',
      ])
      .orderBy('t.createdAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(BATCH);
    async function* lines() {
      yield CSV_BOM + csvRow(HEADER);
      let after: Row | undefined;
      for (;;) {
        const qb = base.clone();
        if (after) qb.andWhere('(t.createdAt, t.id) > (:afterAt, :afterId)', { afterAt: after.created_at, afterId: after.id });
        const rows = await qb.getRawMany<Row>();
        if (rows.length) yield rows.map(toLine).join('');
        if (rows.length < BATCH) return;
        after = rows[rows.length - 1];
      }
    }
    return Readable.from(lines());
  }
}

function toLine(r: Row): string {
  return csvRow([
    ticketNumber(Number(r.seq)),
    r.store_name,
    DateTime.fromJSDate(r.created_at, { zone: r.timezone }).toISO({ suppressMilliseconds: true }),
    r.type,
    r.status,
    r.cause,
    r.cause_source,
    r.order_ref,
    [...new Set(r.items.map((i) => i.sku))].join(';'),
    maskName(r.customer_name),
    maskPhone(r.phone),
    maskAddress(r.address),
    maskPersonalText(r.customer_reason, [r.customer_name]),
  ]);
}
