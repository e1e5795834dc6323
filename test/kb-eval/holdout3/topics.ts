// The third held-out evaluation store, step 1 of 3: its topics, written first. The questions
// (questions.ts) were written from this list alone, before any article existed; the articles
// (articles.ts) were written afterwards from this list, without going back to the questions. See
// README.md in this folder for how the set was made and how often it was looked at.
//
// The store is made up: 毛球星宠物用品 FurPlanet, a Douyin shop selling pet supplies — cat and dog
// food, treats, cat litter, flea and worm treatments, grooming tools, automatic feeders, water
// fountains and self-cleaning litter boxes, harnesses and leashes, carriers, beds, clothes, toys and
// cat trees, and food for small pets. A product line the search had never been tuned for (the
// lexicon had no pet words). It sees the demo seed's global articles too, as any store does.

export interface Holdout3Topic {
  key: string;
  /** What a customer needs to know, in neutral words (not the wording of the article or of any question). */
  about: string;
  /** The languages the store writes this topic's article in. */
  langs: ('zh' | 'en')[];
}

export const HOLDOUT3_TOPICS: Holdout3Topic[] = [
  // returns, refunds, exchanges
  { key: 'fp.return.no-reason', about: 'sending back an unwanted item within seven days without a reason: conditions and how to apply', langs: ['zh', 'en'] },
  { key: 'fp.return.food-opened', about: 'whether food, treats or litter whose bag has been opened can still be sent back', langs: ['zh'] },
  { key: 'fp.return.pet-refuses', about: 'the pet will not eat the food or will not use the product: what the store can do', langs: ['zh', 'en'] },
  { key: 'fp.return.quality', about: 'an item that is faulty on arrival or soon after: how long there is to report it, what evidence, who pays the postage', langs: ['zh', 'en'] },
  { key: 'fp.return.shipping-fee', about: 'who pays the postage when sending an item back, and the return-postage insurance', langs: ['zh'] },
  { key: 'fp.refund.time', about: 'how long the money takes to come back after a return or a cancelled order', langs: ['zh', 'en'] },
  { key: 'fp.exchange.size', about: 'swapping a harness, collar, clothes or bed for another size', langs: ['zh', 'en'] },
  { key: 'fp.return.live-gift', about: 'what happens to the free gift or the live-stream bundle price when part of an order is sent back', langs: ['zh'] },
  // food and treats
  { key: 'fp.food.expiry', about: 'how long the food and treats keep, where the date is printed, and how long an opened bag lasts', langs: ['zh', 'en'] },
  { key: 'fp.food.storage', about: 'keeping an opened bag of dry food fresh, and what to do with tinned food left over', langs: ['zh'] },
  { key: 'fp.food.switch', about: 'changing a pet over to a new food gradually so its stomach is not upset', langs: ['zh', 'en'] },
  { key: 'fp.food.amount', about: 'how much to feed each day according to weight and age', langs: ['zh'] },
  { key: 'fp.food.young', about: 'which food suits a kitten or a puppy, and from what age to move to adult food', langs: ['zh'] },
  { key: 'fp.food.ingredients', about: 'what the food is made of: meat content, grain-free recipes, pets with allergies', langs: ['zh', 'en'] },
  { key: 'fp.food.upset', about: 'the pet vomits, has diarrhoea or soft stools after eating the food', langs: ['zh'] },
  { key: 'fp.food.genuine', about: 'whether imported food is genuine: batch codes, customs papers, checking authenticity', langs: ['zh'] },
  { key: 'fp.food.trial', about: 'small trial packs to try before buying a big bag', langs: ['zh'] },
  { key: 'fp.food.bag-damaged', about: 'a food bag that arrived torn or leaking, or with bugs or mould inside', langs: ['zh'] },
  { key: 'fp.food.prescription', about: 'whether the store sells prescription or veterinary diets', langs: ['en'] },
  // litter
  { key: 'fp.litter.types', about: 'the difference between tofu, clay and mixed cat litter', langs: ['zh', 'en'] },
  { key: 'fp.litter.flush', about: 'whether the litter can be flushed down the toilet', langs: ['zh'] },
  { key: 'fp.litter.dust', about: 'litter that is too dusty, sticks to paws or does not clump well', langs: ['zh'] },
  { key: 'fp.litter.amount', about: 'how deep to fill the litter box and how often to replace all of it', langs: ['zh'] },
  // health and grooming
  { key: 'fp.deworm.use', about: 'how to apply the flea and worm treatment, how often, and the age and weight limits', langs: ['zh', 'en'] },
  { key: 'fp.deworm.reaction', about: 'the pet drools, licks the spot or seems unwell after the flea and worm treatment', langs: ['zh'] },
  { key: 'fp.groom.shedding', about: 'brushes and combs for pets that shed a lot, and how to use them', langs: ['zh'] },
  { key: 'fp.groom.nails', about: 'trimming a pet\'s nails with the clipper without cutting too short', langs: ['zh'] },
  { key: 'fp.groom.shampoo', about: 'which shampoo suits cats and which dogs, and how often to bathe them', langs: ['zh'] },
  // smart devices
  { key: 'fp.feeder.setup', about: 'setting up the automatic feeder: meal times, portion size, the app', langs: ['zh', 'en'] },
  { key: 'fp.feeder.jam', about: 'an automatic feeder that jams or does not drop food', langs: ['zh'] },
  { key: 'fp.feeder.power', about: 'what the automatic feeder does in a power cut or when the wifi goes down', langs: ['zh'] },
  { key: 'fp.fountain.clean', about: 'cleaning the water fountain and changing its filter', langs: ['zh', 'en'] },
  { key: 'fp.fountain.noise', about: 'a water fountain that is noisy or has stopped pumping water', langs: ['zh'] },
  { key: 'fp.litterbox.auto', about: 'the self-cleaning litter box: which cats can use it, its weight sensor and safety', langs: ['zh'] },
  { key: 'fp.app.wifi', about: 'connecting a smart pet device to the app and the home wifi', langs: ['zh'] },
  { key: 'fp.device.abroad', about: 'using the feeders and fountains in another country: voltage and plugs', langs: ['en'] },
  { key: 'fp.manual.download', about: 'getting a device\'s instructions when the paper manual is lost', langs: ['en'] },
  // gear
  { key: 'fp.harness.size', about: 'measuring a dog or cat for a harness or collar, and the size chart', langs: ['zh', 'en'] },
  { key: 'fp.leash.retractable', about: 'locking and using the retractable lead safely, and a lead that will not wind back', langs: ['zh'] },
  { key: 'fp.carrier.travel', about: 'carriers for taking a pet on a plane, train or car: size rules and comfort', langs: ['zh', 'en'] },
  { key: 'fp.bed.wash', about: 'washing a pet bed or cushion, and whether its cover comes off', langs: ['zh'] },
  { key: 'fp.clothes.size', about: 'choosing the size of pet clothes by back length and chest, by breed', langs: ['zh'] },
  { key: 'fp.toy.safety', about: 'toys that get chewed apart, small parts, toys for strong chewers', langs: ['zh'] },
  { key: 'fp.cattree.assembly', about: 'putting the cat tree together, making it stable, screws that are missing', langs: ['zh'] },
  { key: 'fp.scratcher.use', about: 'cats that ignore the scratching post, and replacing worn cardboard scratchers', langs: ['zh'] },
  { key: 'fp.smallpet', about: 'food, bedding and cages for hamsters, rabbits and guinea pigs', langs: ['zh'] },
  // shipping and orders
  { key: 'fp.ship.dispatch', about: 'how soon an order leaves the warehouse after payment, and pre-sale items', langs: ['zh'] },
  { key: 'fp.ship.courier', about: 'which courier carries the parcels and whether one can be chosen', langs: ['zh'] },
  { key: 'fp.ship.delivery-time', about: 'how many days delivery takes to different regions, remote areas', langs: ['zh'] },
  { key: 'fp.ship.tracking', about: 'following a parcel, and tracking that stops updating', langs: ['zh', 'en'] },
  { key: 'fp.ship.heavy', about: 'heavy bags of litter and food: split parcels, delivery to the door or upstairs', langs: ['zh'] },
  { key: 'fp.ship.international', about: 'sending orders outside mainland China', langs: ['en'] },
  { key: 'fp.ship.not-received', about: 'the parcel shows as delivered but the customer does not have it', langs: ['zh'] },
  { key: 'fp.order.cancel', about: 'cancelling an order before or after it ships', langs: ['zh'] },
  { key: 'fp.order.address', about: 'changing the delivery address or phone number after ordering', langs: ['zh'] },
  { key: 'fp.order.missing', about: 'something missing from the box: screws, a filter, the free gift', langs: ['zh'] },
  // payment, prices, invoices
  { key: 'fp.pay.methods', about: 'ways to pay, paying later or in instalments', langs: ['zh'] },
  { key: 'fp.price.drop', about: 'the price went down soon after buying, or is lower in a live stream', langs: ['zh'] },
  { key: 'fp.invoice', about: 'getting an invoice for an order, personal or company', langs: ['zh', 'en'] },
  { key: 'fp.coupon', about: 'coupons that will not apply, and which can be combined', langs: ['zh'] },
  { key: 'fp.subscribe', about: 'regular repeat deliveries of food and litter at a discount', langs: ['zh'] },
  { key: 'fp.gift.wrap', about: 'gift wrapping and a card for an order sent as a present', langs: ['en'] },
  // the shop
  { key: 'fp.live.schedule', about: 'when the shop goes live and how to get the live-stream prices', langs: ['zh'] },
  { key: 'fp.service.hours', about: 'when the customer service answers', langs: ['zh'] },
  { key: 'fp.wholesale', about: 'large orders for shelters, catteries and pet shops', langs: ['zh'] },
];
