import type { OrderItem, Receiver } from '@kefu/contracts';

/** An order as a sales platform's order API describes it. */
export interface PlatformOrder {
  orderRef: string;
  customerExternalId: string | null;
  items: OrderItem[];
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** When the platform last changed the order, if it says. */
  updatedAt: Date | null;
  /** Who it goes to, if the platform says (sealed when stored). */
  receiver?: Receiver | null;
}

export interface PlatformStoreRef {
  id: string;
  platform: string;
}

/**
 * The boundary to a sales platform's order API (Taobao 订单, JD 订单, Douyin 订单…). A real
 * integration implements it per platform; the desk ships the simulated platform.
 */
export interface PlatformOrders {
  /** One order by its number, or null when the platform has no such order in this store. */
  order(store: PlatformStoreRef, orderRef: string): Promise<PlatformOrder | null>;
  /** The customer's recent orders, newest first. */
  ordersOf(store: PlatformStoreRef, customerExternalId: string): Promise<PlatformOrder[]>;
}

export const PLATFORM_ORDERS = Symbol('PLATFORM_ORDERS');
