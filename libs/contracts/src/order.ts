import { z } from 'zod';

/** One line of an order (or of a ticket). `price` is what the customer paid per unit, in yuan. */
export const OrderItem = z.object({
  sku: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(300),
  category: z.string().trim().min(1).max(100),
  qty: z.number().int().min(1).max(10_000),
  price: z.number().min(0).max(10_000_000),
});
export type OrderItem = z.infer<typeof OrderItem>;

/** An order as the platform reports it, cached by the desk. */
export const Order = z.object({
  id: z.string(),
  storeId: z.string(),
  orderRef: z.string(),
  customerExternalId: z.string().nullable(),
  items: z.array(OrderItem),
  /** Sum of qty × price. */
  totalPaid: z.number(),
  paidAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  fetchedAt: z.string(),
});
export type Order = z.infer<typeof Order>;

export const orderTotal = (items: readonly Pick<OrderItem, 'qty' | 'price'>[]) => Math.round(items.reduce((s, i) => s + i.qty * i.price, 0) * 100) / 100;

/**
 * Order numbers in a customer's words: "订单号 2026112712345", "order #A123-456", a bare long number.
 * Returns the first one found, or null.
 */
export function orderRefIn(text: string): string | null {
  const labelled = /(?:订单号?|單號|订单编号|order\s*(?:no\.?|number|id|#)?)\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9-]{5,39})/i.exec(text);
  if (labelled && /\d{4,}/.test(labelled[1])) return labelled[1];
  const bare = /(?<![\d-])(\d{12,24})(?![\d-])/.exec(text);
  return bare ? bare[1] : null;
}

const when = z.iso.datetime({ offset: true });

/** `POST /api/channels/:channelId/orders`: the platform reports an order placed or changed (signed like inbound messages). */
export const PlatformOrderInput = z.object({
  orderRef: z.string().trim().min(1).max(64),
  customer: z.object({ externalId: z.string().trim().min(1).max(200), name: z.string().trim().max(120).optional() }),
  items: z.array(OrderItem).min(1).max(100),
  paidAt: when,
  shippedAt: when.optional(),
  deliveredAt: when.optional(),
  carrier: z.string().trim().max(100).optional(),
  trackingNumber: z.string().trim().max(100).optional(),
});
export type PlatformOrderInput = z.infer<typeof PlatformOrderInput>;
