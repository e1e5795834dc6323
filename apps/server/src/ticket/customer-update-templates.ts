import type { Language, TicketTemplateKey, TicketTemplates } from '@kefu/contracts';

/** Default customer-update texts; a store may replace any of them (`Store.ticketTemplates`). */
export const DEFAULT_TICKET_TEMPLATES: Record<Language, Record<TicketTemplateKey, string>> = {
  zh: {
    created: '{customerName}您好,您的{ticketType}申请已受理,服务单号 {ticketNumber}。我们会尽快审核并第一时间通知您。',
    approved: '您好,服务单 {ticketNumber} 已审核通过。{shippingNote}',
    rejected: '很抱歉,服务单 {ticketNumber} 未能通过审核:{reason}。如有疑问请随时联系我们。',
    awaiting_return: '请将商品寄回:{returnAddress},并在包裹内附上服务单号 {ticketNumber}。寄出后把快递单号发给我们即可。{shippingNote}',
    received: '您寄回的商品已签收(服务单 {ticketNumber}),我们正在检查,结果出来后马上通知您。',
    refunded: '服务单 {ticketNumber} 已退款 ¥{amount},将原路退回,一般 1–3 个工作日到账。',
    replacement_shipped: '服务单 {ticketNumber} 的换货已发出:{carrier} {trackingNumber},请注意查收。',
    awaiting_customer: '您好,为了继续处理服务单 {ticketNumber},还需要您的帮助:{note}',
    closed: '服务单 {ticketNumber} 已处理完毕,感谢您的耐心。如还有问题欢迎随时联系{storeName}。',
  },
  en: {
    created: 'Hi {customerName}, we have received your {ticketType} request: ticket {ticketNumber}. We will review it shortly and keep you posted.',
    approved: 'Good news: ticket {ticketNumber} has been approved. {shippingNote}',
    rejected: 'We are sorry, ticket {ticketNumber} could not be approved: {reason}. Reply here if you have any questions.',
    awaiting_return: 'Please send the item back to: {returnAddress}, with the ticket number {ticketNumber} in the parcel, and send us the tracking number. {shippingNote}',
    received: 'We have received your return (ticket {ticketNumber}) and are checking it; we will let you know the result.',
    refunded: 'Ticket {ticketNumber}: ¥{amount} has been refunded to your original payment method; it usually arrives within 1–3 working days.',
    replacement_shipped: 'Ticket {ticketNumber}: your replacement is on its way with {carrier}, tracking number {trackingNumber}.',
    awaiting_customer: 'To continue with ticket {ticketNumber} we need your help: {note}',
    closed: 'Ticket {ticketNumber} is now closed. Thank you for your patience — {storeName} is here if you need anything else.',
  },
};

export const TICKET_TYPE_WORDS: Record<Language, Record<string, string>> = {
  zh: { return: '退货', exchange: '换货', refund_only: '仅退款', quality_complaint: '质量问题' },
  en: { return: 'return', exchange: 'exchange', refund_only: 'refund', quality_complaint: 'quality complaint' },
};

export const SHIPPING_NOTES: Record<Language, Record<'seller' | 'customer' | 'none', string>> = {
  zh: { seller: '退回运费由我们承担。', customer: '退回运费需由您承担,敬请谅解。', none: '' },
  en: { seller: 'We pay the return shipping.', customer: 'Return shipping is at your cost.', none: '' },
};

export const RETURN_ADDRESS_FALLBACK: Record<Language, string> = {
  zh: '订单页「申请售后」中显示的退货地址',
  en: 'the return address shown on the order’s after-sales page',
};

/** The store's text for a step in a language (its own or the default), with `{variables}` filled. */
export function renderTicketUpdate(key: TicketTemplateKey, lang: Language, storeTemplates: TicketTemplates | null | undefined, vars: Record<string, string | number | null | undefined>): string {
  const template = storeTemplates?.[lang]?.[key] ?? DEFAULT_TICKET_TEMPLATES[lang][key];
  return template
    .replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''))
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
