import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { Receiver, RevealInput, RevealResult } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PiiSeal } from './pii-seal.js';
import { DeskError, notFound } from '../errors/desk-error.js';

export const REVEAL_ACTION = 'customer.reveal';

/**
 * Shows a buyer's sealed personal data in clear to an agent or supervisor of the store, for a purpose they
 * state, at most `piiRevealsPerDay` times a desk day each; every reveal is audited (who, which customer and
 * order, which fields, why) in the same transaction that counts it, so the quota cannot be raced past.
 */
@Injectable()
export class RevealService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly seal: PiiSeal,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reveal(caller: Caller, customerId: string, input: RevealInput): Promise<RevealResult> {
    const params: unknown[] = [customerId];
    const [customer] = (await this.db.query(`SELECT id, store_id, external_id FROM customers WHERE id = $1 AND ${caller.scope.sql('store_id', params)}`, params)) as { id: string; store_id: string; external_id: string }[];
    if (!customer) throw notFound('Customer');
    const [order] = (await this.db.query(
      `SELECT order_ref, receiver_sealed FROM orders
        WHERE store_id = $1 AND customer_external_id = $2 AND receiver_sealed IS NOT NULL AND ($3::text IS NULL OR order_ref = $3)
        ORDER BY paid_at DESC NULLS LAST LIMIT 1`,
      [customer.store_id, customer.external_id, input.orderRef ?? null],
    )) as { order_ref: string; receiver_sealed: string }[];
    if (!order) throw new DeskError('NOT_FOUND', input.orderRef ? 'No receiver on that order' : 'No order of this customer names a receiver');
    const since = DateTime.now().setZone(this.config.deskTimezone).startOf('day').toJSDate();
    return this.db.transaction(async (m) => {
      // One reveal at a time per user, so two at once cannot both take the last one left.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('reveal:' || $1))`, [caller.user.id]);
      const [{ n }] = (await m.query(`SELECT count(*)::int n FROM audit_events WHERE actor_id = $1 AND action = $2 AND at >= $3`, [caller.user.id, REVEAL_ACTION, since])) as { n: number }[];
      if (n >= this.config.piiRevealsPerDay)
        throw new DeskError('REVEAL_QUOTA_EXCEEDED', `At most ${this.config.piiRevealsPerDay} reveals a day`);
      await this.audit.record(
        { actorId: caller.user.id, action: REVEAL_ACTION, targetType: 'customer', targetId: customer.id, details: { storeId: customer.store_id, orderRef: order.order_ref, fields: input.fields, purpose: input.purpose } },
        m,
      );
      const all = this.seal.open(order.receiver_sealed);
      const receiver: Receiver = Object.fromEntries(input.fields.filter((f) => all[f] !== undefined).map((f) => [f, all[f]]));
      return { customerId: customer.id, orderRef: order.order_ref, receiver, remainingToday: this.config.piiRevealsPerDay - n - 1 };
    });
  }
}
