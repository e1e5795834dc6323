// The fourth held-out evaluation store, step 1 of 3: its topics, written first. The questions
// (questions.ts) were written from this list alone, before any article existed; the articles
// (articles.ts) were written afterwards from this list, without going back to the questions. See
// README.md in this folder for how the set was made and how often it was looked at.
//
// The store is made up: 小橡果母婴 AcornKids, a Tmall shop for mothers and babies — diapers and wipes,
// infant formula and baby food, feeding bottles and sterilisers, breast pumps and nursing products,
// maternity wear, strollers, car seats and baby carriers, baby clothes, toys and teethers, and bath
// and skincare for babies. It sees the demo seed's global articles too, as any store does.

export interface Holdout4Topic {
  key: string;
  /** What a customer needs to know, in neutral words (not the wording of the article or of any question). */
  about: string;
  /** The languages the store writes this topic's article in. */
  langs: ('zh' | 'en')[];
}

export const HOLDOUT4_TOPICS: Holdout4Topic[] = [
  // returns, refunds, exchanges
  { key: 'ak.return.no-reason', about: 'sending back an unwanted item within seven days without a reason: conditions and how to apply', langs: ['zh', 'en'] },
  { key: 'ak.return.hygiene', about: 'whether items that touch the baby\'s mouth or skin (teats, dummies, pump parts, opened packs of nappies or wipes) can be sent back once opened', langs: ['zh'] },
  { key: 'ak.return.quality', about: 'an item that is faulty on arrival or soon after: how long there is to report it, what evidence, who pays the postage', langs: ['zh', 'en'] },
  { key: 'ak.return.shipping-fee', about: 'who pays the postage when sending an item back, and the return-postage insurance', langs: ['zh'] },
  { key: 'ak.refund.time', about: 'how long the money takes to come back after a return or a cancelled order', langs: ['zh', 'en'] },
  { key: 'ak.exchange.size', about: 'swapping baby clothes or an unopened pack of nappies for another size', langs: ['zh', 'en'] },
  { key: 'ak.return.gift', about: 'what happens to the free gift or the bundle price when part of an order is sent back', langs: ['zh'] },
  // nappies and wipes
  { key: 'ak.diaper.size', about: 'choosing the nappy size by the baby\'s weight, and signs it is time for the next size', langs: ['zh', 'en'] },
  { key: 'ak.diaper.pullup', about: 'the difference between taped nappies and pull-up pants, and when to move a baby to pants', langs: ['zh'] },
  { key: 'ak.diaper.leak', about: 'nappies that leak at the back, the legs or overnight, and how to put them on so they do not', langs: ['zh'] },
  { key: 'ak.diaper.rash', about: 'red skin or a rash where the nappy sits: what the shop suggests and what if the baby reacts to the nappy', langs: ['zh'] },
  { key: 'ak.wipes.use', about: 'what the baby wipes contain and where they can be used (face, hands, bottom), whether they can be flushed', langs: ['zh'] },
  // formula and baby food
  { key: 'ak.genuine', about: 'whether imported formula and nappies are genuine: where the goods come from, batch codes, customs papers, checking a tin', langs: ['zh'] },
  { key: 'ak.formula.stage', about: 'which stage of formula suits which age, and when to move to the next stage', langs: ['zh', 'en'] },
  { key: 'ak.formula.switch', about: 'changing the baby from one formula to another gradually', langs: ['zh'] },
  { key: 'ak.formula.prepare', about: 'making up a bottle of formula: water temperature, scoops per amount of water, how long a made-up bottle keeps', langs: ['zh', 'en'] },
  { key: 'ak.formula.expiry', about: 'how long the formula keeps, where the date is printed, and how long an opened tin lasts', langs: ['zh'] },
  { key: 'ak.formula.damaged', about: 'a tin of formula that arrives dented, with a broken seal, or with lumps or something odd inside', langs: ['zh'] },
  { key: 'ak.formula.special', about: 'whether the shop sells hypoallergenic, lactose-free or other special formulas for babies with allergies', langs: ['en'] },
  { key: 'ak.food.solids', about: 'starting solid food: from what age, which first foods (rice cereal, purées), how to introduce them', langs: ['zh'] },
  { key: 'ak.food.ingredients', about: 'what the baby food and snacks contain: added salt or sugar, allergens, how they are stored once opened', langs: ['zh'] },
  // feeding
  { key: 'ak.bottle.teat', about: 'teat flow sizes by age, and when to change to a faster teat or a new one', langs: ['zh', 'en'] },
  { key: 'ak.bottle.material', about: 'the difference between glass, PPSU and silicone bottles, and whether they are free of harmful substances', langs: ['zh'] },
  { key: 'ak.bottle.clean', about: 'washing bottles after each feed and whether they can be boiled', langs: ['zh'] },
  { key: 'ak.sterilizer.use', about: 'using the steriliser and dryer: its programmes, how much to load, descaling', langs: ['zh', 'en'] },
  { key: 'ak.sterilizer.fault', about: 'a steriliser that does not heat up, beeps or shows an error code', langs: ['zh'] },
  { key: 'ak.soother', about: 'dummies and teethers: which size by age, how to clean them, how often to replace them', langs: ['zh'] },
  // breast pumps and nursing
  { key: 'ak.pump.use', about: 'using the electric breast pump: suction levels and modes, choosing the flange size', langs: ['zh', 'en'] },
  { key: 'ak.pump.parts', about: 'buying spare parts for the breast pump (valves, membranes, tubes, flanges) and how often to replace them', langs: ['zh'] },
  { key: 'ak.pump.weak', about: 'a breast pump whose suction is weak or whose motor will not start or charge', langs: ['zh'] },
  { key: 'ak.milk.storage', about: 'storing expressed breast milk: storage bags, how long in the fridge and freezer, thawing and warming', langs: ['zh', 'en'] },
  { key: 'ak.maternity.bra', about: 'choosing a nursing bra size during pregnancy and breastfeeding', langs: ['zh'] },
  { key: 'ak.maternity.pads', about: 'breast pads for leaking milk and maternity pads for after the birth: how many to buy, how to use', langs: ['zh'] },
  { key: 'ak.maternity.belt', about: 'the pregnancy support belt and the postpartum belly belt: when to wear them, choosing the size', langs: ['zh'] },
  // small appliances
  { key: 'ak.warranty', about: 'how long the electric items (pump, steriliser, bottle warmer) are guaranteed and how to claim a repair', langs: ['zh'] },
  { key: 'ak.device.voltage', about: 'using the electric items in another country: voltage and plugs', langs: ['en'] },
  // strollers, car seats, carriers
  { key: 'ak.stroller.fold', about: 'folding and unfolding the stroller, and its folded size', langs: ['zh', 'en'] },
  { key: 'ak.stroller.age', about: 'from what age a stroller can be used, lying flat for a newborn, the weight limit', langs: ['zh'] },
  { key: 'ak.stroller.plane', about: 'taking the stroller on a plane: cabin size and checking it in', langs: ['en'] },
  { key: 'ak.stroller.fault', about: 'a stroller whose wheel wobbles, whose brake does not hold or that squeaks', langs: ['zh'] },
  { key: 'ak.carseat.install', about: 'fitting the car seat with ISOFIX or the seat belt, facing backwards or forwards', langs: ['zh', 'en'] },
  { key: 'ak.carseat.fit', about: 'which car seat suits which age and height, and whether it fits a given car', langs: ['zh'] },
  { key: 'ak.babycarrier', about: 'the baby carrier and hip seat: from what age, how to wear it, how long at a time', langs: ['zh'] },
  // clothes, toys
  { key: 'ak.clothes.size', about: 'choosing the size of baby clothes by height and age', langs: ['zh', 'en'] },
  { key: 'ak.clothes.wash', about: 'washing new baby clothes before wearing them, shrinking and fading, what the fabric is', langs: ['zh'] },
  { key: 'ak.toy.age', about: 'the age each toy suits, small parts and other safety points', langs: ['zh'] },
  // bath and skincare
  { key: 'ak.bath.tub', about: 'the baby bath: folding it, the temperature display, bathing a newborn in it', langs: ['zh'] },
  { key: 'ak.skin.products', about: 'which baby lotion or cream suits dry or sensitive skin, and what the skincare contains', langs: ['zh'] },
  { key: 'ak.skin.reaction', about: 'a baby whose skin turns red or itchy after a skincare product: what to do and what the shop does', langs: ['zh'] },
  { key: 'ak.skin.sun', about: 'sun cream and mosquito repellent for babies: from what age and how to use', langs: ['zh'] },
  // shipping and orders
  { key: 'ak.ship.dispatch', about: 'how soon an order leaves the warehouse after payment, and pre-sale items', langs: ['zh'] },
  { key: 'ak.ship.courier', about: 'which courier carries the parcels and whether one can be chosen', langs: ['zh'] },
  { key: 'ak.ship.delivery-time', about: 'how many days delivery takes to different regions, remote areas', langs: ['zh'] },
  { key: 'ak.ship.tracking', about: 'following a parcel, and tracking that stops updating', langs: ['zh', 'en'] },
  { key: 'ak.ship.international', about: 'sending orders outside mainland China', langs: ['en'] },
  { key: 'ak.ship.bulky', about: 'big boxes of nappies and strollers: split parcels, delivery to the door or upstairs', langs: ['zh'] },
  { key: 'ak.order.cancel', about: 'cancelling an order before or after it ships', langs: ['zh'] },
  { key: 'ak.order.address', about: 'changing the delivery address or phone number after ordering', langs: ['zh'] },
  { key: 'ak.order.missing', about: 'something missing from the box: a part, the manual, the free gift', langs: ['zh'] },
  // payment, prices, invoices
  { key: 'ak.pay.methods', about: 'ways to pay, paying later or in instalments', langs: ['zh'] },
  { key: 'ak.price.protect', about: 'the price went down soon after buying, or is lower in a big sale', langs: ['zh'] },
  { key: 'ak.invoice', about: 'getting an invoice for an order, personal or company', langs: ['zh', 'en'] },
  { key: 'ak.coupon', about: 'coupons that will not apply, and which can be combined', langs: ['zh'] },
  { key: 'ak.subscribe', about: 'regular repeat deliveries of nappies and formula at a discount', langs: ['zh'] },
  { key: 'ak.gift.box', about: 'gift sets for a newborn and gift wrapping with a card', langs: ['en'] },
  // the shop
  { key: 'ak.service.hours', about: 'when the customer service answers', langs: ['zh'] },
  { key: 'ak.wholesale', about: 'large orders for confinement centres, nurseries and baby shops', langs: ['zh'] },
];
