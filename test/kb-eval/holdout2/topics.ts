// The second held-out evaluation store, step 1 of 3: its topics, written first. The questions
// (questions.ts) were written from this list alone, before any article existed; the articles
// (articles.ts) were written afterwards from this list, without going back to the questions. See
// README.md in this folder for how the set was made and how often it was looked at.
//
// The store is made up: 极客岛数码配件 GeekIsle, a JD shop selling phone and computer accessories —
// cases and screen protectors, chargers, cables and power banks, wireless earbuds, smartwatch straps,
// keyboards and mice, USB-C hubs, memory cards, car mounts. It sees the demo seed's global articles
// too, as any store of the desk does, so those compete with its own.

export interface Holdout2Topic {
  key: string;
  /** What a customer needs to know, in neutral words (not the wording of the article or of any question). */
  about: string;
  /** The languages the store writes this topic's article in. */
  langs: ('zh' | 'en')[];
}

export const HOLDOUT2_TOPICS: Holdout2Topic[] = [
  // returns, refunds, exchanges
  { key: 'gi.return.no-reason', about: 'sending back an unwanted item within seven days without a reason: conditions and how to apply', langs: ['zh', 'en'] },
  { key: 'gi.return.opened', about: 'whether an item whose retail box was opened, or earbuds already paired and used, can still be returned without a reason', langs: ['zh'] },
  { key: 'gi.return.protector', about: 'a screen protector that was already stuck on the screen (or failed to stick) cannot be returned; the store sends a spare at a discount', langs: ['zh'] },
  { key: 'gi.return.quality', about: 'an item that is faulty on arrival or soon after: how long there is to report it, what evidence, who pays the postage', langs: ['zh', 'en'] },
  { key: 'gi.return.shipping-fee', about: 'who pays the postage when sending an item back, and the return-postage insurance', langs: ['zh'] },
  { key: 'gi.refund.time', about: 'how long the money takes to come back after a return, by payment method', langs: ['zh', 'en'] },
  { key: 'gi.exchange.model', about: 'swapping an item for another phone model, colour or connector type', langs: ['zh', 'en'] },
  { key: 'gi.return.bundle-gift', about: 'what happens to the free gift or the bundle price when part of an order is sent back', langs: ['zh'] },
  // warranty and repair
  { key: 'gi.warranty.period', about: 'how long each kind of product is under warranty', langs: ['zh', 'en'] },
  { key: 'gi.warranty.claim', about: 'how to get a product repaired or replaced under warranty, what to send', langs: ['zh'] },
  { key: 'gi.warranty.excluded', about: 'damage the warranty does not cover: water, drops, taking it apart', langs: ['zh'] },
  // charging
  { key: 'gi.charger.fast', about: 'whether a charger fast-charges a given phone or laptop, and the wattage needed', langs: ['zh', 'en'] },
  { key: 'gi.charger.heat', about: 'a charger or power bank that gets warm while charging: what is normal and when to stop', langs: ['zh'] },
  { key: 'gi.charger.slow', about: 'a phone that charges slowly or not at all with the store charger or cable', langs: ['zh'] },
  { key: 'gi.cable.fit', about: 'which cable or connector fits which phone or device, and the lengths on offer', langs: ['zh', 'en'] },
  { key: 'gi.cable.fault', about: 'a cable that works only at some angles, frays near the plug or stopped working', langs: ['zh'] },
  { key: 'gi.powerbank.flight', about: 'taking a power bank on a plane: capacity limits and labels', langs: ['zh', 'en'] },
  { key: 'gi.powerbank.capacity', about: 'why a power bank gives fewer phone charges than its stated capacity suggests', langs: ['zh'] },
  { key: 'gi.powerbank.recharge', about: 'charging the power bank itself: time, the lights that show its level', langs: ['zh'] },
  { key: 'gi.charger.wireless', about: 'a wireless charging pad that does not charge the phone: cases, placement', langs: ['zh'] },
  { key: 'gi.charger.abroad', about: 'using the chargers in other countries: voltage and plug shapes', langs: ['en'] },
  // earbuds and audio
  { key: 'gi.earbuds.pairing', about: 'connecting wireless earbuds to a phone or computer for the first time', langs: ['zh', 'en'] },
  { key: 'gi.earbuds.one-side', about: 'only one earbud plays sound', langs: ['zh'] },
  { key: 'gi.earbuds.reset', about: 'resetting earbuds to factory settings', langs: ['zh'] },
  { key: 'gi.earbuds.single', about: 'buying a single replacement earbud or charging case after losing one', langs: ['zh'] },
  { key: 'gi.earbuds.anc', about: 'noise cancelling and transparency modes: what they do and how to switch', langs: ['zh'] },
  { key: 'gi.earbuds.mic', about: 'the person on the other end of a call cannot hear well', langs: ['zh'] },
  { key: 'gi.earbuds.water', about: 'whether the earbuds stand sweat, rain and swimming', langs: ['zh', 'en'] },
  { key: 'gi.earbuds.latency', about: 'sound lagging behind the picture in games and videos', langs: ['zh'] },
  // cases and screen protectors
  { key: 'gi.case.choose', about: 'finding the case that fits a particular phone model', langs: ['zh'] },
  { key: 'gi.case.yellowing', about: 'a clear case turning yellow over time', langs: ['zh'] },
  { key: 'gi.protector.apply', about: 'putting a screen protector on without bubbles or dust', langs: ['zh', 'en'] },
  { key: 'gi.protector.sensor', about: 'fingerprint unlock or touch response after fitting a screen protector', langs: ['zh'] },
  { key: 'gi.case.magnetic', about: 'magnetic cases and magnetic chargers or wallets working together', langs: ['en'] },
  // watch straps, keyboards, mice, hubs, storage, car
  { key: 'gi.strap.fit', about: 'which smartwatch straps fit which watch and wrist size, adjusting the length', langs: ['zh'] },
  { key: 'gi.keyboard.devices', about: 'using the keyboard with several devices and switching between them, Mac and Windows', langs: ['zh', 'en'] },
  { key: 'gi.keyboard.switches', about: 'the mechanical switch types and changing switches', langs: ['zh'] },
  { key: 'gi.mouse.drop', about: 'a wireless mouse that stutters or keeps losing connection', langs: ['zh'] },
  { key: 'gi.hub.display', about: 'a USB-C hub or dock that shows nothing on the external monitor', langs: ['zh', 'en'] },
  { key: 'gi.storage.capacity', about: 'a memory card or USB drive showing less space than its label, formatting', langs: ['zh'] },
  { key: 'gi.storage.speed', about: 'read and write speed of memory cards and drives, and checking they are genuine', langs: ['zh'] },
  { key: 'gi.car.mount', about: 'a car phone holder that slips, falls off or does not fit the air vent', langs: ['zh'] },
  { key: 'gi.stylus.tablet', about: 'which tablets the stylus works with and why it might not write', langs: ['en'] },
  { key: 'gi.manual.download', about: 'getting the instructions when the paper manual is lost', langs: ['en'] },
  { key: 'gi.app.firmware', about: 'the companion app and updating the firmware of earbuds or a keyboard', langs: ['zh', 'en'] },
  // shipping and orders
  { key: 'gi.ship.dispatch', about: 'how soon an order leaves the warehouse after payment', langs: ['zh'] },
  { key: 'gi.ship.courier', about: 'which courier carries the parcels and whether one can be chosen', langs: ['zh'] },
  { key: 'gi.ship.delivery-time', about: 'how many days delivery takes to different regions', langs: ['zh'] },
  { key: 'gi.ship.tracking', about: 'following a parcel, and tracking that stops updating', langs: ['zh', 'en'] },
  { key: 'gi.ship.international', about: 'sending orders outside mainland China', langs: ['en'] },
  { key: 'gi.ship.damaged', about: 'the parcel or the item arrived crushed or broken', langs: ['zh'] },
  { key: 'gi.ship.not-received', about: 'the parcel shows as delivered but the customer does not have it', langs: ['zh'] },
  { key: 'gi.order.cancel', about: 'cancelling an order before or after it ships', langs: ['zh'] },
  { key: 'gi.order.address', about: 'changing the delivery address or phone number after ordering', langs: ['zh'] },
  { key: 'gi.order.missing-part', about: 'something missing from the box: a cable, an ear tip, a spare film', langs: ['zh'] },
  // payment, prices, invoices
  { key: 'gi.pay.methods', about: 'ways to pay, paying in instalments', langs: ['zh'] },
  { key: 'gi.price.drop', about: 'the price went down soon after buying', langs: ['zh'] },
  { key: 'gi.invoice', about: 'getting an invoice for an order, personal or company', langs: ['zh', 'en'] },
  { key: 'gi.coupon', about: 'coupons that will not apply, and which can be combined', langs: ['zh'] },
  { key: 'gi.bulk', about: 'large orders for companies and events, printing a logo', langs: ['zh', 'en'] },
  // the shop
  { key: 'gi.genuine', about: 'whether the products are genuine and brand-authorised, certification marks', langs: ['zh'] },
  { key: 'gi.service.hours', about: 'when the customer service answers', langs: ['zh'] },
  { key: 'gi.recycle', about: 'trading in or recycling old chargers, cables and batteries', langs: ['zh'] },
  { key: 'gi.custom.print', about: 'printing your own photo or name on a phone case', langs: ['zh'] },
];
