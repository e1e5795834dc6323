import { z } from 'zod';
import { CreateTicketInput, text, type TicketDraft } from '@kefu/contracts';

/**
 * The "open a ticket" form: the contract's own rules for type, reason and cause, the order picked among the customer's
 * ('' = none) and the SKUs of its items the ticket is about.
 */
export const TicketDialogForm = CreateTicketInput.pick({ type: true, customerReason: true, cause: true }).extend({
  orderRef: text(),
  skus: z.array(text()),
});
export type TicketDialogValues = z.input<typeof TicketDialogForm>;

export const valuesFromDraft = (d: TicketDraft): TicketDialogValues => ({
  type: d.type,
  customerReason: d.customerReason,
  cause: undefined,
  orderRef: d.orderRef ?? '',
  skus: d.items.map((i) => i.sku),
});

/** What is sent: the form's choices with the order facts of the draft that previewed them (validated by the contract). */
export function ticketInput(conversationId: string, v: z.output<typeof TicketDialogForm>, draft: TicketDraft) {
  const withOrder = v.orderRef !== '' && draft.orderRef === v.orderRef;
  return CreateTicketInput.safeParse({
    conversationId,
    type: v.type,
    customerReason: v.customerReason,
    cause: v.cause,
    ...(withOrder && {
      orderRef: draft.orderRef,
      orderedAt: draft.orderedAt ?? undefined,
      deliveredAt: draft.deliveredAt,
      items: draft.items.length ? draft.items.filter((i) => v.skus.includes(i.sku)) : undefined,
    }),
  });
}
