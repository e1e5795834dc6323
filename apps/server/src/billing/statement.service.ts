import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Statement, StatementOrder, StatementQuery, StoreContract, StoreContractInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { cents, finalAfter, monthsBetween, monthWindow } from './statement-month.js';
import { DeskError, notFound } from '../errors/desk-error.js';

interface ContractRow {
  store_id: string;
  base_fee_monthly: string;
  commission_rate: string;
  attribution_hours: number;
  promotion_fees: { month: string; amount: number; note: string }[];
  updated_at: Date;
}
interface StoreRow {
  id: string;
  timezone: string;
  return_days: number;
}
interface OrderRow {
  order_ref: string;
  paid_at: Date;
  delivered_at: Date | null;
  total_paid: string;
  refunded: string;
  conversation_id: string;
  agent_id: string | null;
}

const contractOf = (r: ContractRow): StoreContract => ({
  storeId: r.store_id,
  baseFeeMonthly: Number(r.base_fee_monthly),
  commissionRate: Number(r.commission_rate),
  attributionHours: r.attribution_hours,
  promotionFees: r.promotion_fees,
  updatedAt: r.updated_at.toISOString(),
});

/**
 * Orders of the store paid in [start, end) that the desk's service brought in: within the contract's hours
 * of the start of a pre-sale conversation of the same customer (no order named, no after-sales ticket) that
 * an agent answered — inquiry conversion's definition — each with the refunds of its tickets (never more
 * than it cost). A customer's latest such conversation before the payment is the one counted.
 */
const ATTRIBUTED_ORDERS = `
  SELECT o.order_ref, o.paid_at, o.delivered_at, o.total_paid,
         LEAST(o.total_paid, COALESCE((SELECT sum(k.refunded_amount) FROM tickets k WHERE k.store_id = o.store_id AND k.order_ref = o.order_ref), 0)) AS refunded,
         a.conversation_id, a.agent_id
    FROM orders o
    JOIN customers cu ON cu.store_id = o.store_id AND cu.external_id = o.customer_external_id
    CROSS JOIN LATERAL (
      SELECT c.id AS conversation_id,
             (SELECT m.author_id FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'outbound' AND m.author_id IS NOT NULL ORDER BY m.created_at LIMIT 1) AS agent_id
        FROM conversations c
       WHERE c.store_id = o.store_id AND c.customer_id = cu.id AND c.order_ref IS NULL
         AND c.created_at <= o.paid_at AND o.paid_at < c.created_at + make_interval(hours => $4)
         AND NOT EXISTS (SELECT 1 FROM tickets k WHERE k.conversation_id = c.id)
         AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'outbound' AND m.author_id IS NOT NULL)
       ORDER BY c.created_at DESC
       LIMIT 1
    ) a
   WHERE o.store_id = $1 AND o.paid_at >= $2 AND o.paid_at < $3
   ORDER BY o.paid_at, o.order_ref`;

/** The agency's contract with each store and the monthly statements computed from the desk's orders and conversations. */
@Injectable()
export class StatementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async contract(caller: Caller, storeId: string): Promise<StoreContract> {
    await this.visibleStore(caller, storeId);
    const [row] = (await this.db.query(`SELECT * FROM store_contracts WHERE store_id = $1`, [storeId])) as ContractRow[];
    if (!row) throw new DeskError('CONTRACT_NOT_SET', 'This store has no contract yet');
    return contractOf(row);
  }

  async setContract(caller: Caller, storeId: string, input: StoreContractInput): Promise<StoreContract> {
    await this.visibleStore(caller, storeId);
    return this.db.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO store_contracts (store_id, base_fee_monthly, commission_rate, attribution_hours, promotion_fees)
         VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (store_id) DO UPDATE SET base_fee_monthly = EXCLUDED.base_fee_monthly, commission_rate = EXCLUDED.commission_rate,
           attribution_hours = EXCLUDED.attribution_hours, promotion_fees = EXCLUDED.promotion_fees, updated_at = now()
         RETURNING *`,
        [storeId, input.baseFeeMonthly, input.commissionRate, input.attributionHours, JSON.stringify(input.promotionFees)],
      )) as ContractRow[];
      await this.audit.record({ actorId: caller.user.id, action: 'store.contract_set', targetType: 'store', targetId: storeId, details: { ...input } }, m);
      return contractOf(row);
    });
  }

  /** The month's statement of every store the caller may see that has a contract (or of `storeId`). */
  async list(caller: Caller, q: StatementQuery, now = new Date()): Promise<{ items: Statement[] }> {
    if (q.storeId) await this.visibleStore(caller, q.storeId);
    const params: unknown[] = [];
    const scope = caller.scope.sql('c.store_id', params);
    if (q.storeId) params.push(q.storeId);
    const contracts = (await this.db.query(
      `SELECT c.* FROM store_contracts c WHERE ${scope}${q.storeId ? ` AND c.store_id = $${params.length}` : ''} ORDER BY c.store_id`,
      params,
    )) as ContractRow[];
    const items: Statement[] = [];
    for (const c of contracts) items.push(await this.statement(c, q.month, now));
    return { items };
  }

  /** Frozen statements of months whose refund windows have passed (the worker's sweep). Returns how many it froze. */
  async freezeDue(now = new Date()): Promise<number> {
    const contracts = (await this.db.query(`SELECT * FROM store_contracts`)) as ContractRow[];
    let frozen = 0;
    for (const c of contracts) {
      // The months since the store's first order, counted in the store's timezone (as statements count them), up to now.
      const [{ first, timezone }] = (await this.db.query(`SELECT (SELECT min(paid_at) FROM orders WHERE store_id = s.id) AS first, s.timezone FROM stores s WHERE s.id = $1`, [c.store_id])) as {
        first: Date | null;
        timezone: string;
      }[];
      if (!first) continue;
      for (const month of monthsBetween(first, now, timezone)) if ((await this.statement(c, month, now)).status === 'final') frozen++;
    }
    return frozen;
  }

  /** A frozen statement as it was frozen; otherwise computed now, and frozen if its refund window has passed. */
  private async statement(c: ContractRow, month: string, now: Date): Promise<Statement> {
    const [kept] = (await this.db.query(`SELECT body FROM statements WHERE store_id = $1 AND month = $2`, [c.store_id, month])) as { body: Statement }[];
    if (kept) return kept.body;
    const [store] = (await this.db.query(
      `SELECT id, timezone, GREATEST((return_policy->>'noReasonReturnDays')::int, (return_policy->>'qualityReturnDays')::int, 0) AS return_days FROM stores WHERE id = $1`,
      [c.store_id],
    )) as StoreRow[];
    const { start, end } = monthWindow(month, store.timezone);
    const rows = (await this.db.query(ATTRIBUTED_ORDERS, [c.store_id, start, end, c.attribution_hours])) as OrderRow[];
    const orders: StatementOrder[] = rows.map((r) => ({
      orderRef: r.order_ref,
      paidAt: r.paid_at.toISOString(),
      totalPaid: Number(r.total_paid),
      refunded: Number(r.refunded),
      conversationId: r.conversation_id,
      agentId: r.agent_id,
    }));
    const attributedSales = cents(orders.reduce((s, o) => s + o.totalPaid, 0));
    const refundsDeducted = cents(orders.reduce((s, o) => s + o.refunded, 0));
    const commissionRate = Number(c.commission_rate);
    const commission = cents((attributedSales - refundsDeducted) * commissionRate);
    const promotionFees = cents(c.promotion_fees.filter((f) => f.month === month).reduce((s, f) => s + f.amount, 0));
    const baseFee = Number(c.base_fee_monthly);
    const ready = finalAfter(end, rows.map((r) => ({ paidAt: r.paid_at, deliveredAt: r.delivered_at })), store.return_days);
    const statement: Statement = {
      storeId: c.store_id,
      month,
      baseFee,
      attributedSales,
      refundsDeducted,
      commissionRate,
      commission,
      promotionFees,
      total: cents(baseFee + commission + promotionFees),
      status: now >= ready ? 'final' : 'draft',
      finalAfter: ready.toISOString(),
      orders,
    };
    if (statement.status === 'draft') return statement;
    // Frozen once: whoever freezes it first wins, and that is what everyone reads from then on.
    const [frozen] = (await this.db.query(
      `INSERT INTO statements (store_id, month, body) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (store_id, month) DO UPDATE SET store_id = statements.store_id RETURNING body`,
      [c.store_id, month, JSON.stringify(statement)],
    )) as { body: Statement }[];
    return frozen.body;
  }

  private async visibleStore(caller: Caller, storeId: string): Promise<void> {
    const params: unknown[] = [storeId];
    const [store] = await this.db.query(`SELECT 1 FROM stores WHERE id = $1 AND ${caller.scope.sql('id', params)}`, params);
    if (!store) throw notFound('Store');
  }
}
