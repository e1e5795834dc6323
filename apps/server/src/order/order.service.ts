import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { orderTotal } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
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

  private async save(storeId: string, o: PlatformOrder, knownCustomer: string | null): Promise<OrderEntity> {
    const values = {
      storeId,
      orderRef: o.orderRef,
      customerExternalId: o.customerExternalId ?? knownCustomer,
      items: o.items,
      totalPaid: orderTotal(o.items),
      paidAt: o.paidAt,
      shippedAt: o.shippedAt,
      deliveredAt: o.deliveredAt,
      carrier: o.carrier,
      trackingNumber: o.trackingNumber,
      fetchedAt: new Date(),
    };
    await this.db.createQueryBuilder().insert().into(OrderEntity).values(values).orUpdate(Object.keys(values).filter((k) => k !== 'storeId' && k !== 'orderRef').map(snake), ['store_id', 'order_ref']).execute();
    return this.db.getRepository(OrderEntity).findOneByOrFail({ storeId, orderRef: o.orderRef });
  }
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
