// A tuning store, step 1 of 3: its topics, written first. The questions (questions.ts) were
// written from this list alone, before any article existed; the articles (articles.ts) were written
// afterwards from this list, without going back to the questions. Written as the held-out set of
// issue 19's first pass, it was looked at four times while tuning and is a tuning set since (the
// held-out set is test/kb-eval/holdout2).
//
// The store is made up: 栖木生活集合店 (Qimu Living), a Tmall select shop selling knitwear and
// clothing, skincare, small personal-care appliances, tea and snacks. It sees the demo seed's global
// articles too, as any store of the desk does, so those compete with its own.

export interface QimuTopic {
  key: string;
  /** What a customer needs to know, in neutral words (not the wording of the article or of any question). */
  about: string;
  /** The languages the store writes this topic's article in. */
  langs: ('zh' | 'en')[];
}

export const QIMU_TOPICS: QimuTopic[] = [
  // returns and refunds
  { key: 'qm.return.no-reason', about: 'returning an unwanted item within seven days without giving a reason: conditions and how to apply', langs: ['zh', 'en'] },
  { key: 'qm.return.opened-skincare', about: 'whether skincare or make-up that has been opened or tried can still be returned without a reason', langs: ['zh'] },
  { key: 'qm.return.intimate', about: 'underwear, socks and swimwear: hygiene items that cannot be returned once unpacked', langs: ['zh'] },
  { key: 'qm.return.food', about: 'whether tea and snacks can be returned, opened or not', langs: ['zh'] },
  { key: 'qm.return.quality', about: 'a defective item: how long there is to report it, what evidence, who pays the postage', langs: ['zh', 'en'] },
  { key: 'qm.return.shipping-fee', about: 'who pays the postage of a return, and the return-shipping insurance', langs: ['zh'] },
  { key: 'qm.return.address', about: 'where to send a return parcel and what to put in it', langs: ['zh'] },
  { key: 'qm.refund.time', about: 'how long a refund takes to arrive after a return, by payment method', langs: ['zh', 'en'] },
  { key: 'qm.refund.partial', about: 'returning only part of an order or one piece of a set, and how much comes back', langs: ['zh'] },
  { key: 'qm.return.gift-included', about: 'a free gift received with an order when the order is returned', langs: ['zh'] },
  { key: 'qm.exchange.size', about: 'exchanging an item for another size or colour', langs: ['zh', 'en'] },
  { key: 'qm.return.overdue', about: 'what can still be done once the return period is over', langs: ['zh'] },
  // shipping
  { key: 'qm.ship.dispatch', about: 'how soon an order leaves the warehouse after payment', langs: ['zh'] },
  { key: 'qm.ship.courier', about: 'which courier companies carry the parcels and whether the customer can choose one', langs: ['zh'] },
  { key: 'qm.ship.delivery-time', about: 'how many days delivery takes to different regions', langs: ['zh'] },
  { key: 'qm.ship.tracking', about: 'following a parcel, and tracking that stops updating', langs: ['zh', 'en'] },
  { key: 'qm.ship.remote', about: 'remote regions of China: extra postage and slower delivery', langs: ['zh'] },
  { key: 'qm.ship.international', about: 'shipping outside mainland China', langs: ['en'] },
  { key: 'qm.ship.not-received', about: 'the parcel shows as delivered but the customer does not have it', langs: ['zh'] },
  { key: 'qm.ship.damaged', about: 'the parcel or the item arrived crushed or broken', langs: ['zh'] },
  { key: 'qm.ship.missing', about: 'something ordered, a part or a promised gift is not in the parcel', langs: ['zh'] },
  { key: 'qm.ship.wrong', about: 'a different item, colour or size than ordered arrived', langs: ['zh'] },
  { key: 'qm.ship.split', about: 'one order arriving in several parcels on different days', langs: ['zh'] },
  { key: 'qm.ship.reject', about: 'refusing to accept a parcel at the door and what happens to the money', langs: ['zh'] },
  { key: 'qm.ship.holiday', about: 'deliveries around the Chinese New Year holiday', langs: ['zh'] },
  // orders
  { key: 'qm.order.cancel', about: 'cancelling an order', langs: ['zh', 'en'] },
  { key: 'qm.order.address', about: 'changing the delivery address or phone number of an order', langs: ['zh'] },
  { key: 'qm.order.merge', about: 'sending several orders together in one parcel', langs: ['zh'] },
  { key: 'qm.order.modify-item', about: 'changing the size, colour or quantity of an order that has not shipped', langs: ['zh'] },
  { key: 'qm.restock', about: 'an item that is sold out: when it comes back and being told', langs: ['zh'] },
  // payment, prices, promotions
  { key: 'qm.pay.methods', about: 'ways to pay, instalments', langs: ['zh'] },
  { key: 'qm.pay.foreign-card', about: 'paying with a card issued outside China or an overseas wallet', langs: ['en'] },
  { key: 'qm.price.protection', about: 'the price went down after buying: getting the difference back', langs: ['zh', 'en'] },
  { key: 'qm.coupon.usage', about: 'a coupon that cannot be applied at checkout', langs: ['zh'] },
  { key: 'qm.promo.presale', about: 'big sale pre-orders: deposit, final payment, when they ship, refunding a deposit', langs: ['zh'] },
  { key: 'qm.member.points', about: 'membership levels and loyalty points', langs: ['zh'] },
  { key: 'qm.member.birthday', about: "a member's birthday present", langs: ['zh'] },
  // invoices
  { key: 'qm.invoice.request', about: 'getting an invoice, personal or for a company', langs: ['zh'] },
  { key: 'qm.invoice.change', about: 'an invoice issued with the wrong company name or tax number', langs: ['zh'] },
  { key: 'qm.invoice.receipt-en', about: 'a receipt in English for expense claims abroad', langs: ['en'] },
  // skincare
  { key: 'qm.skin.shelf-life', about: 'how long skincare keeps, before and after opening, and where the dates are printed', langs: ['zh'] },
  { key: 'qm.skin.allergy', about: 'the skin reacts badly to a product', langs: ['zh'] },
  { key: 'qm.skin.authentic', about: 'whether the skincare is genuine and how to check it', langs: ['zh'] },
  { key: 'qm.skin.sensitive', about: 'whether products suit sensitive skin, pregnancy or children', langs: ['zh'] },
  { key: 'qm.skin.samples', about: 'free samples and travel sizes', langs: ['zh'] },
  { key: 'qm.skin.ingredients', about: 'ingredient lists, animal testing, vegan formulas', langs: ['en'] },
  // knitwear and clothing
  { key: 'qm.knit.care', about: 'washing and caring for cashmere and wool knitwear', langs: ['zh', 'en'] },
  { key: 'qm.knit.pilling', about: 'little balls of fibre appearing on knitwear', langs: ['zh'] },
  { key: 'qm.knit.shrink', about: 'knitwear that got smaller or lost shape after washing', langs: ['zh'] },
  { key: 'qm.apparel.size-guide', about: 'choosing a clothing size, measurements', langs: ['zh', 'en'] },
  { key: 'qm.apparel.color-difference', about: 'the colour of the item looks different from the product photos', langs: ['zh'] },
  { key: 'qm.apparel.material', about: 'what the clothes are made of and the composition label', langs: ['zh'] },
  // small appliances
  { key: 'qm.appliance.warranty', about: 'warranty of the small appliances and how to get one repaired', langs: ['zh', 'en'] },
  { key: 'qm.appliance.voltage', about: 'using the appliances abroad: voltage and plugs', langs: ['en'] },
  { key: 'qm.appliance.charging', about: 'charging an electric toothbrush or shaver, battery life, indicator lights', langs: ['zh'] },
  { key: 'qm.appliance.manual', about: 'instructions and first use of an appliance', langs: ['zh'] },
  { key: 'qm.appliance.brush-heads', about: 'replacement heads of electric toothbrushes: how often and where to get them', langs: ['zh'] },
  // tea and snacks
  { key: 'qm.food.shelf-life', about: 'how long tea and snacks keep and how to store them', langs: ['zh'] },
  { key: 'qm.food.allergen', about: 'allergens in the snacks (nuts, gluten, milk)', langs: ['en'] },
  { key: 'qm.food.melting', about: 'chocolate or snacks that melted or spoiled in hot weather on the way', langs: ['zh'] },
  // service and the shop
  { key: 'qm.service.hours', about: 'when the customer service answers, human agents', langs: ['zh'] },
  { key: 'qm.service.complaint', about: 'complaining about how the service treated the customer', langs: ['zh'] },
  { key: 'qm.gift.wrap', about: 'gift wrapping and a message card', langs: ['zh'] },
  { key: 'qm.corporate.bulk', about: 'large orders for companies, discounts for quantity', langs: ['zh', 'en'] },
  { key: 'qm.store.offline', about: 'whether there is a physical shop or pick-up point', langs: ['zh'] },
  { key: 'qm.account.privacy', about: 'deleting an account and personal data', langs: ['en'] },
];
