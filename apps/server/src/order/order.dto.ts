import type { Order } from '@kefu/contracts';
import type { OrderEntity } from './order.entity.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toOrderDto = (o: OrderEntity): Order => ({
  id: o.id,
  storeId: o.storeId,
  orderRef: o.orderRef,
  customerExternalId: o.customerExternalId,
  items: o.items,
  totalPaid: Number(o.totalPaid),
  paidAt: iso(o.paidAt),
  shippedAt: iso(o.shippedAt),
  deliveredAt: iso(o.deliveredAt),
  carrier: o.carrier,
  trackingNumber: o.trackingNumber,
  platformUpdatedAt: iso(o.platformUpdatedAt),
  fetchedAt: o.fetchedAt.toISOString(),
  receiver: o.receiverMasked ?? null,
});
