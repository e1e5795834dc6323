import { z } from 'zod';
import { displayName, instant, text } from './input.js';

/** One line of an order (or of a ticket). `price` is what the customer paid per unit, in yuan. */
export const OrderItem = z.object({
  sku: text().trim().min(1).max(100),
  name: text().trim().min(1).max(300),
  category: text().trim().min(1).max(100),
  qty: z.number().int().min(1).max(10_000),
  price: z.number().min(0).max(10_000_000),
});
export type OrderItem = z.infer<typeof OrderItem>;

/** Who an order goes to: personal data, sealed by the desk and shown masked (`138****5678`, the address to its district). */
export const Receiver = z.object({
  name: displayName().trim().min(1).max(100).optional(),
  phone: text().trim().regex(/^[+\d][\d\s()-]{4,30}$/, 'must be a phone number').optional(),
  address: text().trim().min(1).max(500).optional(),
});
export type Receiver = z.infer<typeof Receiver>;
/** A receiver as the desk shows it: masked (`138****5678`, the address to its district) unless revealed. */
export const ShownReceiver = z.object({ name: text().optional(), phone: text().optional(), address: text().optional() });
export type ShownReceiver = z.infer<typeof ShownReceiver>;

/** An order as the platform reports it, cached by the desk. */
export const Order = z.object({
  id: text(),
  storeId: text(),
  orderRef: text(),
  customerExternalId: text().nullable(),
  items: z.array(OrderItem),
  /** Sum of qty × price. */
  totalPaid: z.number(),
  paidAt: text().nullable(),
  shippedAt: text().nullable(),
  deliveredAt: text().nullable(),
  carrier: text().nullable(),
  trackingNumber: text().nullable(),
  /** When the platform last changed the order, as of the snapshot the desk holds. */
  platformUpdatedAt: text().nullable(),
  fetchedAt: text(),
  /** Masked; `POST /api/customers/:id/reveal` shows it in clear for a stated purpose. */
  receiver: ShownReceiver.nullable(),
});
export type Order = z.infer<typeof Order>;

export const RevealField = z.enum(['name', 'phone', 'address']);
/** `POST /api/customers/:id/reveal`: an agent or supervisor of the store, for a stated purpose, within a daily quota; audited. */
export const RevealInput = z.object({
  fields: z.array(RevealField).min(1).max(3),
  purpose: text().trim().min(4, 'say why (at least 4 characters)').max(200),
  /** The order whose receiver to show; the customer's latest order with one when absent. */
  orderRef: text().trim().min(1).max(64).optional(),
});
export type RevealInput = z.infer<typeof RevealInput>;
export const RevealResult = z.object({ customerId: text(), orderRef: text(), receiver: ShownReceiver, remainingToday: z.number() });
export type RevealResult = z.infer<typeof RevealResult>;

export const orderTotal = (items: readonly Pick<OrderItem, 'qty' | 'price'>[]) => Math.round(items.reduce((s, i) => s + i.qty * i.price, 0) * 100) / 100;

/** Most an order (and so a refund) may come to, in yuan. */
export const MAX_ORDER_TOTAL = 10_000_000;
/** The lines of an order or ticket: 1–100, together at most MAX_ORDER_TOTAL. */
export const OrderItems = z
  .array(OrderItem)
  .min(1)
  .max(100)
  .refine((items) => orderTotal(items) <= MAX_ORDER_TOTAL, `must come to at most ${MAX_ORDER_TOTAL.toLocaleString('en')} in total`);

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

const when = instant();

/** `POST /api/channels/:channelId/orders`: the platform reports an order placed or changed (signed like inbound messages). */

export const PlatformOrderInput = z.object({
  orderRef: text().trim().min(1).max(64),
  customer: z.object({ externalId: text().trim().min(1).max(200), name: displayName().trim().max(120).optional() }),
  items: OrderItems,
  paidAt: when,
  shippedAt: when.optional(),
  deliveredAt: when.optional(),
  carrier: text().trim().max(100).optional(),
  trackingNumber: text().trim().max(100).optional(),
  /**
   * When the platform last changed the order. A snapshot older than the one stored is ignored (a
   * replay); without it, the snapshot's latest event (delivered, shipped, paid) stands for it.
   */
  updatedAt: when.optional(),
  receiver: Receiver.optional(),
});
export type PlatformOrderInput = z.infer<typeof PlatformOrderInput>;
