import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { orderTotal, type Receiver } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { maskReceiver } from '../privacy/pii-mask.js';
import { PiiSeal } from '../privacy/pii-seal.js';
import { StoreEntity } from '../store/store.entity.js';
import { OrderEntity } from './order.entity.js';
import { PLATFORM_ORDERS, type PlatformOrder, type PlatformOrders } from './platform-orders.js';

/** Orders from the platform, through a PostgreSQL cache (fresh for ORDER_CACHE_SECONDS). */
@Injectable()
export class OrderService {
  private readonly logger = new Logger(OrderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PLATFORM_ORDERS) private readonly platform: PlatformOrders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seal: PiiSeal,
  ) {}

  /** One order of a store; the cached copy when the platform cannot be reached. */
  async find(store: StoreEntity, orderRef: string): Promise<OrderEntity | null> {
    const cached = await this.db.getRepository(OrderEntity).findOneBy({ storeId: store.id, orderRef });
    if (cached && this.fresh(cached)) return cached;
    try {
      const fetched = await this.platform.order(store, orderRef);
      return fetched ? this.save(store.id, fetched, cached?.customerExternalId ?? null) : cached;
    } catch (err) {
      this.logger.warn(`order ${orderRef} of store ${store.id} not fetched: ${(err as Error).message}`);
      return cached;
    }
  }

  /** The customer's recent orders, newest first (cached ones when the platform cannot be reached). */
  async ofCustomer(store: StoreEntity, customerExternalId: string): Promise<OrderEntity[]> {
    try {
      const fetched = await this.platform.ordersOf(store, customerExternalId);
      return Promise.all(fetched.map((o) => this.save(store.id, o, customerExternalId)));
    } catch (err) {
      this.logger.warn(`orders of customer ${customerExternalId} not fetched: ${(err as Error).message}`);
      return this.db.getRepository(OrderEntity).find({ where: { storeId: store.id, customerExternalId }, order: { paidAt: 'DESC' }, take: 20 });
    }
  }

  /** An order the platform reported (its order webhook): stored as fetched now. */
  record(storeId: string, o: PlatformOrder): Promise<OrderEntity> {
    return this.save(storeId, o, null);
  }

  private fresh(o: OrderEntity): boolean {
    return Date.now() - o.fetchedAt.getTime() < this.config.orderCacheSeconds * 1000;
  }

  /**
   * Stores a snapshot of an order, in one statement so concurrent deliveries cannot interleave. A
   * snapshot older than the stored one (by the platform's update time, else its latest event) changes
   * nothing but when it was checked: platforms replay webhooks. A newer one replaces the order, but
   * its state never moves backwards: paid, shipped and delivered, once known, stay.
   */
  private async save(storeId: string, o: PlatformOrder, knownCustomer: string | null): Promise<OrderEntity> {
    const events = [o.paidAt, o.shippedAt, o.deliveredAt].filter((d): d is Date => !!d).map((d) => d.getTime());
    const updatedAt = o.updatedAt ?? (events.length ? new Date(Math.max(...events)) : null);
    const newer = '(orders.platform_updated_at IS NULL OR EXCLUDED.platform_updated_at >= orders.platform_updated_at)';
    const replace = (column: string) => `${column} = CASE WHEN ${newer} THEN EXCLUDED.${column} ELSE orders.${column} END`;
    const keep = (column: string) => `${column} = CASE WHEN ${newer} THEN COALESCE(EXCLUDED.${column}, orders.${column}) ELSE orders.${column} END`;
    await this.db.query(
      `INSERT INTO orders (store_id, order_ref, customer_external_id, items, total_paid, paid_at, shipped_at, delivered_at, carrier, tracking_number, platform_updated_at, receiver_sealed, receiver_masked, fetched_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       ON CONFLICT (store_id, order_ref) DO UPDATE SET
         ${['items', 'total_paid'].map(replace).join(', ')},
         ${['customer_external_id', 'paid_at', 'shipped_at', 'delivered_at', 'carrier', 'tracking_number', 'platform_updated_at', 'receiver_sealed', 'receiver_masked'].map(keep).join(', ')},
         fetched_at = EXCLUDED.fetched_at`,
      [storeId, o.orderRef, o.customerExternalId ?? knownCustomer, JSON.stringify(o.items), orderTotal(o.items), o.paidAt, o.shippedAt, o.deliveredAt, o.carrier, o.trackingNumber, updatedAt, ...this.sealed(o.receiver)],
    );
    return this.db.getRepository(OrderEntity).findOneByOrFail({ storeId, orderRef: o.orderRef });
  }

  /** The receiver as stored: sealed, and masked for every view (nothing when the platform did not say). */
  private sealed(receiver: Receiver | null | undefined): [string | null, string | null] {
    if (!receiver || Object.keys(receiver).length === 0) return [null, null];
    return [this.seal.seal(receiver), JSON.stringify(maskReceiver(receiver))];
  }
}
