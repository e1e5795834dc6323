// Made-up knowledge-base content for the demo stores (no real brand's policy or customer): global
// articles every store sees, store articles (some overriding a global one on the same topic), and
// quick replies. Also the labelled set of the search evaluation (test/kb-eval) is built on these.
import type { EntityManager } from 'typeorm';
import type { Language } from '@kefu/contracts';
import { insertArticles } from '../kb/kb-article.writer.js';
import { QuickReplyEntity } from '../kb/quick-reply.entity.js';

export interface DemoArticle {
  /** A demo store key (see demo-data.ts), or null for a global article. */
  store: string | null;
  lang: Language;
  topic: string;
  title: string;
  shortAnswer: string;
  body: string;
  tags: string[];
  status?: 'draft' | 'published';
}

export const DEMO_ARTICLES: DemoArticle[] = [
  // ── Global, Chinese ────────────────────────────────────────────────────────────────────────
  {
    store: null,
    lang: 'zh',
    topic: 'returns.no-reason',
    title: '七天无理由退货怎么申请',
    shortAnswer: '亲，签收后7天内、商品不影响二次销售的情况下支持七天无理由退货，在订单页点击“申请售后-退货退款”即可。',
    body:
      '{customerName}您好，{storeName}支持七天无理由退货，不喜欢、不想要了或者拍错了都可以退：\n1. 时间：自签收次日起7天内申请；\n2. 条件：商品、吊牌、包装和配件齐全，未经使用，不影响二次销售；\n' +
      '3. 不适用：定制商品、贴身衣物、已拆封的食品；\n4. 操作：订单详情 → 申请售后 → 退货退款，选择原因后按页面上的退货地址寄回，并填写快递单号。\n仓库签收验货后1–3个工作日内原路退款。',
    tags: ['退货', '七天无理由', '售后'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'returns.quality',
    title: '收到的商品有质量问题怎么办',
    shortAnswer: '非常抱歉给您带来不便！质量问题签收15天内可以退货或换货，来回运费由我们承担，请先把问题部位的照片或视频发给我们。',
    body:
      '若商品有开线、破洞、起球、掉色、功能故障、异味等质量问题：\n1. 签收15天内可申请退货或换货；\n2. 请在聊天中发送问题部位的照片或视频，以及订单号{orderRef}；\n' +
      '3. 客服核实后为您办理退换，寄回的运费由店铺承担，可先垫付，退款时一并补偿；\n4. 换货商品在仓库收到退回件后48小时内发出。',
    tags: ['质量问题', '退换货', '瑕疵', '售后'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'returns.shipping-fee',
    title: '退货运费谁承担？有运费险吗',
    shortAnswer: '质量问题退货的运费由店铺承担；七天无理由退货的运费由买家承担，下单时购买了运费险的可获得理赔。',
    body:
      '退货运费说明：\n- 质量问题、发错货：运费由店铺承担，请先垫付，退款时一起补偿；\n- 七天无理由：运费由买家承担；\n' +
      '- 运费险：退货寄出并填写快递单号后自动理赔，赔付金额按寄件地与收货地计算，一般72小时内到账。\n请不要使用到付，仓库会拒收到付件。',
    tags: ['运费', '运费险', '退货'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'returns.refund-time',
    title: '退款多久到账',
    shortAnswer: '仓库签收退货后1–3个工作日内审核退款，款项原路退回：余额即时到账，银行卡一般1–7个工作日到账。',
    body:
      '退款进度：\n1. 仓库签收退货并验货（1–3个工作日）；\n2. 审核通过后平台原路退款：支付宝/微信余额即时到账，花呗退回额度，银行卡1–7个工作日；\n' +
      '3. 未发货订单申请退款，24小时内自动退款。\n如超过时间仍未到账，请把订单号{orderRef}发给我们查询。',
    tags: ['退款', '到账', '售后'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'returns.address',
    title: '退货地址在哪里？怎么寄回',
    shortAnswer: '售后申请通过后，请按页面显示的退货地址寄回，不要寄到发货地址哦。',
    body:
      '寄回说明：\n1. 退货地址以售后申请通过后页面显示的为准；\n2. 包裹里放一张纸条，写明订单号{orderRef}和您的联系方式；\n' +
      '3. 寄出后在售后页面填写快递公司和单号；\n4. 不接受平邮和到付件。',
    tags: ['退货地址', '寄回', '退货'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'exchange.size',
    title: '尺码不合适可以换吗',
    shortAnswer: '可以的，签收7天内吊牌完好、未穿着洗涤的商品支持换码，在订单页申请“换货”并选择新的尺码即可。',
    body:
      '穿着偏大或偏小都可以换码。换码流程：\n1. 订单详情 → 申请售后 → 换货，选择想要的尺码或颜色；\n2. 按页面地址寄回原商品；\n3. 仓库收到后48小时内寄出新尺码。\n' +
      '寄回的运费由买家承担，寄出新商品的运费由店铺承担。新尺码缺货时可改为退货退款。',
    tags: ['换货', '尺码', '换码', '码数'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'shipping.dispatch-time',
    title: '下单后多久发货',
    shortAnswer: '现货商品付款后48小时内发货，每天16:00前付款的订单当天发出；预售商品以商品页标注的时间为准。',
    body:
      '发货时间：\n- 现货：付款后48小时内发货，16:00前付款当天发出；\n- 预售：按商品页标注的发货时间；\n- 节假日和大促期间顺延1–3天。\n' +
      '发货后可以在订单详情查看物流单号。',
    tags: ['发货', '发货时间'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'shipping.delivery-time',
    title: '快递几天能到',
    shortAnswer: '发货后江浙沪一般1–2天送达，其他地区2–4天，新疆、西藏等偏远地区5–7天。',
    body:
      '配送时效（从发货算起）：\n- 江浙沪皖：1–2天；\n- 其他省份：2–4天；\n- 新疆、西藏、青海、内蒙古：5–7天。\n' +
      '天气、节假日或大促可能有延误，可在订单详情查看物流进度。',
    tags: ['快递', '配送时效', '物流', '到货时间'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'shipping.tracking',
    title: '物流信息不更新怎么办',
    shortAnswer: '物流信息偶尔会延迟更新，超过48小时没有变化的话，我们帮您联系快递核实，请提供订单号。',
    body:
      '查询物流：订单详情 → 查看物流。\n如果物流停在某个站点超过48小时：\n1. 把订单号{orderRef}发给客服；\n2. 我们联系快递公司核实包裹位置；\n' +
      '3. 确认丢件的，为您补发或全额退款。',
    tags: ['物流', '查物流', '快递单号', '物流不更新'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'shipping.courier',
    title: '发什么快递？可以指定顺丰吗',
    shortAnswer: '默认发中通或圆通，随机分配；需要顺丰的话补运费差价即可，请下单时留言或联系客服备注。',
    body: '默认快递为中通、圆通，由仓库按地区分配。\n指定顺丰：补差价10元（偏远地区以实际运费为准），下单时留言“顺丰”或联系客服备注。\n暂不支持指定京东快递和EMS。',
    tags: ['快递', '顺丰', '指定快递'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'shipping.remote',
    title: '偏远地区包邮吗',
    shortAnswer: '全国大部分地区包邮；新疆、西藏、青海、内蒙古等偏远地区需补邮费，港澳台及海外暂不发货。',
    body: '包邮范围：除下列地区外全国包邮。\n需补邮费：新疆、西藏、青海、内蒙古、甘肃、宁夏（每单补15元）。\n暂不发货：港澳台及海外地址。',
    tags: ['包邮', '偏远地区', '运费'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'order.cancel',
    title: '怎么取消订单',
    shortAnswer: '未发货的订单可以在订单详情页点击“申请退款”直接取消；已发货的订单可以拒收，或收货后申请退货。',
    body:
      '取消订单：\n- 未付款：超时自动关闭；\n- 已付款未发货：订单详情 → 申请退款，24小时内自动退款；\n- 已发货：可拒收包裹，退回仓库后退款，或签收后申请退货。\n' +
      '拍错了规格的话，也可以联系客服在发货前帮您修改。',
    tags: ['取消订单', '退款', '拍错'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'order.address-change',
    title: '下单后可以修改收货地址吗',
    shortAnswer: '订单发货前可以修改，请把新的收货人、电话和地址发给我们，客服会帮您备注修改；已发货的需要联系快递改派。',
    body:
      '修改地址：\n1. 未发货：把新的收货人、电话和详细地址发给客服，我们备注并通知仓库；\n2. 已发货：我们联系快递改派，可能产生改派费用，不保证成功；\n' +
      '3. 跨省修改地址可能影响到货时间。',
    tags: ['修改地址', '收货地址', '改地址'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'order.merge',
    title: '多个订单可以合并发货吗',
    shortAnswer: '同一收货地址、同一天付款且都未发货的订单可以合并发货，请把订单号发给客服备注。',
    body: '合并发货条件：同一收货人和地址、都已付款且未发货。请把需要合并的订单号发给客服，我们通知仓库合并打包。合并后只有一个快递单号。',
    tags: ['合并发货', '一起发'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'invoice.request',
    title: '怎么开发票',
    shortAnswer: '支持开具电子普通发票，在订单详情页点击“申请开票”，填写抬头和税号即可，一般3个工作日内发送到您的邮箱。',
    body:
      '开票说明：\n1. 订单详情 → 申请开票，选择个人或企业抬头；\n2. 个人抬头填写姓名，企业抬头需填写税号；\n' +
      '3. 电子发票3个工作日内发送到邮箱，与纸质发票具有同等效力；\n4. 发票金额为实付金额，优惠券抵扣部分不开票。',
    tags: ['发票', '开票', '电子发票'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'invoice.vat',
    title: '能开增值税专用发票吗',
    shortAnswer: '可以开专票，企业客户请提供公司名称、税号、开户行及账号、注册地址和电话，专票在确认收货后10个工作日内邮寄。',
    body: '增值税专用发票：\n- 需提供：公司名称、纳税人识别号、开户银行及账号、注册地址及电话；\n- 确认收货后申请，10个工作日内邮寄纸质专票；\n- 专票开出后不支持七天无理由退货。',
    tags: ['发票', '专票', '增值税'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'invoice.fix',
    title: '发票抬头或税号填错了怎么办',
    shortAnswer: '可以重新开具：请把正确的抬头和税号发给我们，我们作废原发票后3个工作日内重开。',
    body: '发票信息有误：\n1. 把订单号{orderRef}和正确的抬头、税号发给客服；\n2. 我们作废或冲红原发票；\n3. 3个工作日内重新开具并发送到邮箱。\n每张订单可重开一次。',
    tags: ['发票', '抬头', '税号', '重开发票'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'price.protection',
    title: '买贵了可以退差价吗（价保）',
    shortAnswer: '支持价保：签收后7天内同款商品降价，可以申请退差价，在订单页点击“价格保护”或把订单号发给客服处理。',
    body:
      '价格保护规则：\n1. 时间：付款后至签收后7天内；\n2. 范围：同一商品同一规格在本店降价；\n' +
      '3. 不参与：直播间专享价、限时秒杀、优惠券叠加后的价格、定金预售；\n4. 差价原路退回，1–3个工作日到账。',
    tags: ['价保', '价格保护', '退差价', '降价'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'coupon.usage',
    title: '优惠券为什么用不了',
    shortAnswer: '请检查优惠券是否在有效期内、订单金额是否满足使用门槛、商品是否在适用范围内；部分特价商品不能使用店铺券。',
    body: '优惠券不能用的常见原因：\n1. 已过期或未到使用时间；\n2. 未达到满减门槛（如满199减20）；\n3. 商品不在券的适用范围；\n4. 特价、秒杀商品不能叠加店铺券；\n5. 每个订单只能用一张店铺券。',
    tags: ['优惠券', '满减', '领券'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'warranty.policy',
    title: '商品保修多久？怎么申请保修',
    shortAnswer: '电器类商品享受一年质保，质保期内非人为损坏免费维修或更换，请提供订单号和故障视频申请。',
    body: '保修政策：\n- 电器类一年质保，配件三个月；\n- 质保期内非人为损坏：免费维修或更换；\n- 申请方式：把订单号{orderRef}和故障视频发给客服，寄回检测（运费由店铺承担）；\n- 人为损坏、进水不在保修范围，可付费维修。',
    tags: ['保修', '质保', '维修', '坏了'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'gift.wrap',
    title: '可以礼品包装吗？能写贺卡吗',
    shortAnswer: '可以，下单时备注“礼品包装”和贺卡内容，我们免费包装并附手写贺卡，包裹里不放价格单。',
    body: '礼品服务：\n- 免费礼品包装（礼盒 + 丝带）；\n- 手写贺卡：在订单备注里写下贺卡内容，50字以内；\n- 送礼订单不放发货单和价格信息。',
    tags: ['礼品包装', '贺卡', '送礼', '礼盒'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'payment.methods',
    title: '支持花呗分期吗？有哪些付款方式',
    shortAnswer: '支持支付宝、微信和银行卡付款，满300元可以使用花呗分期（3/6/12期），以结算页显示为准。',
    body: '付款方式：支付宝、微信支付、银行卡、信用卡。\n花呗分期：满300元可分3/6/12期，部分商品免息，以结算页为准。\n付款遇到问题可以截图发给客服。',
    tags: ['付款', '花呗', '分期', '支付'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'damage.shipping',
    title: '收到的商品破损了怎么办',
    shortAnswer: '非常抱歉！请拍下外包装和破损部位的照片发给我们，核实后为您补发或退款，破损商品无需寄回。',
    body: '运输破损处理：\n1. 签收48小时内联系客服；\n2. 发送外包装、面单和破损部位的照片；\n3. 核实后为您补发或退款，破损商品无需寄回。\n如当面发现外箱严重破损，可以直接拒收。',
    tags: ['破损', '压坏', '快递破损', '摔坏'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'missing.item',
    title: '少发、漏发、缺件怎么办',
    shortAnswer: '抱歉给您添麻烦了！请拍下收到的全部商品和包装发给我们，仓库核对称重记录后尽快为您补发。',
    body: '少件处理：\n1. 请拍下收到的所有商品、包装和快递面单；\n2. 仓库核对打包记录和称重；\n3. 确认漏发后24小时内补发，赠品漏发同样补发。\n多件商品可能分开发货，请先查看是否还有其他包裹。',
    tags: ['漏发', '少件', '缺件', '补发'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'wrong.item',
    title: '发错货了怎么办',
    shortAnswer: '非常抱歉发错了！请拍照确认后申请换货，来回运费由我们承担，正确的商品会优先发出。',
    body: '发错颜色、尺码或款式：\n1. 拍下收到的商品和吊牌发给客服；\n2. 申请换货，选择“卖家发错货”；\n3. 正确的商品可以先行发出，收到后再寄回错发商品，运费由店铺承担。',
    tags: ['错发', '发错', '换货'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'delivery.not-received',
    title: '物流显示已签收但是没收到',
    shortAnswer: '请先看看快递柜、驿站、门卫或家人是否代收；还是没找到的话把订单号发给我们，我们马上联系快递核查。',
    body: '显示签收未收到：\n1. 查看快递柜、驿站、门卫、前台或家人是否代收；\n2. 联系派件快递员确认投放位置；\n3. 仍未找到：把订单号{orderRef}发给客服，我们向快递公司发起核查，确认丢件后补发或退款。',
    tags: ['没收到', '签收', '丢件'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'service.hours',
    title: '客服工作时间',
    shortAnswer: '在线客服每天9:00–24:00在线，非工作时间的留言会在次日上午优先回复。',
    body: '人工客服：每天早上9点上班，晚上12点下班（节假日照常）。\n非工作时间可以直接留言，我们上班后按顺序优先回复。',
    tags: ['客服时间', '人工客服', '上班时间'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'presale.shipping',
    title: '预售商品什么时候发货？定金能退吗',
    shortAnswer: '预售商品在付完尾款后按商品页标注的时间发货；因个人原因没有支付尾款的，定金不退。',
    body: '预售说明：\n1. 付定金后在尾款时间内支付尾款；\n2. 发货时间以商品页标注为准，一般尾款后7–15天；\n3. 未按时付尾款的，定金不退；因店铺原因无法发货的，定金全额退还。',
    tags: ['预售', '定金', '尾款'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'account.points',
    title: '会员积分怎么用',
    shortAnswer: '每消费1元累计1积分，100积分可抵扣1元，结算时勾选“使用积分”即可，积分有效期一年。',
    body: '积分规则：\n- 确认收货后按实付金额累计积分；\n- 100积分抵1元，每单最多抵扣订单金额的10%；\n- 积分有效期一年，退货后对应积分扣回。',
    tags: ['积分', '会员'],
  },
  {
    store: null,
    lang: 'zh',
    topic: 'shipping.holiday',
    title: '春节期间物流停发通知',
    shortAnswer: '春节期间仓库暂停发货，节后第一个工作日起按付款顺序陆续发出。',
    body: '春节放假安排以店铺公告为准。放假期间可以正常下单，节后按付款顺序发货。',
    tags: ['春节', '停发', '发货'],
    status: 'draft',
  },

  // ── Global, English ────────────────────────────────────────────────────────────────────────
  {
    store: null,
    lang: 'en',
    topic: 'returns.no-reason',
    title: '7-day no-reason returns',
    shortAnswer: 'You can return an item within 7 days of delivery for any reason, as long as it is unused with tags and packaging intact. Start it from your order page under "Return / Refund".',
    body:
      'Hi {customerName}, {storeName} accepts no-reason returns within 7 days of delivery.\n- The item must be unused, with tags, packaging and accessories.\n' +
      '- Not eligible: customised items, underwear, opened food.\n- Open the order, choose "Return / Refund", then ship the parcel to the return address shown and enter the tracking number.\n' +
      'We refund within 1–3 working days after the warehouse receives the return.',
    tags: ['return', 'refund', 'returns policy'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'returns.refund-time',
    title: 'When will I get my refund?',
    shortAnswer: 'Once the warehouse receives your return we approve the refund within 1–3 working days; it goes back to the original payment method, and bank cards take up to 7 working days.',
    body:
      'Refund timeline:\n1. The warehouse receives and checks the returned item (1–3 working days).\n2. The refund goes back to your original payment method: wallets instantly, bank cards in 1–7 working days.\n' +
      '3. Orders cancelled before shipping are refunded within 24 hours.\nIf it takes longer, send us your order number {orderRef}.',
    tags: ['refund', 'money back', 'refund status'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'shipping.delivery-time',
    title: 'How long does delivery take?',
    shortAnswer: 'Orders ship within 48 hours; delivery then takes 1–2 days to nearby provinces, 2–4 days elsewhere and 5–7 days to remote regions.',
    body: 'In-stock items ship within 48 hours of payment (same day if paid before 16:00).\nTransit: 1–2 days (Jiangsu, Zhejiang, Shanghai), 2–4 days (other provinces), 5–7 days (remote regions).\nHolidays and big sales can add a few days.',
    tags: ['shipping', 'delivery time', 'dispatch'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'shipping.tracking',
    title: 'How do I track my parcel? The tracking is not updating',
    shortAnswer: 'You can follow your parcel on the order page. If the tracking has not changed for 48 hours, send us your order number and we will check with the courier.',
    body: 'Open the order and choose "Track parcel".\nIf tracking is stuck for more than 48 hours, send us your order number {orderRef}; we contact the courier, and if the parcel is lost we resend it or refund you in full.',
    tags: ['tracking', 'courier', 'parcel', 'where is my order'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'order.address-change',
    title: 'Can I change my shipping address after ordering?',
    shortAnswer: 'Yes, before the order ships: send us the new name, phone number and address and we will update it. Once shipped, we can only ask the courier to redirect it.',
    body: 'Before dispatch: send the new recipient, phone and full address to customer service and we update the order.\nAfter dispatch: we ask the courier to redirect the parcel; this may cost extra and cannot be guaranteed.',
    tags: ['address', 'change address', 'wrong address'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'order.cancel',
    title: 'How do I cancel my order?',
    shortAnswer: 'If your order has not shipped, request a refund on the order page and it is cancelled automatically. If it has shipped, refuse the delivery or return it after it arrives.',
    body: 'Paid but not shipped: open the order and tap "Request refund"; it is cancelled and refunded within 24 hours.\nAlready shipped: refuse the parcel, or accept it and start a return.\nOrdered the wrong size or colour? Contact us before dispatch and we can change it.',
    tags: ['cancel', 'cancel order'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'invoice.request',
    title: 'Can I get an invoice (fapiao)?',
    shortAnswer: 'Yes. Request an electronic invoice from your order page with your name or company tax number; it is emailed within 3 working days.',
    body: 'Open the order and choose "Request invoice".\n- Personal: your name as the title.\n- Company: company name and tax ID.\nElectronic invoices (fapiao) are emailed within 3 working days. Coupon discounts are not invoiced.',
    tags: ['invoice', 'fapiao', 'receipt', 'tax'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'exchange.size',
    title: 'Can I exchange an item for a different size?',
    shortAnswer: 'Yes, within 7 days of delivery if the item is unworn and unwashed with tags. Request an exchange on your order page and pick the new size.',
    body: 'Open the order, choose "Exchange" and select the size or colour you want, then send the item back to the address shown.\nWe ship the new size within 48 hours of receiving it. You pay the postage back; we pay for sending the new one.',
    tags: ['exchange', 'size', 'wrong size'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'warranty.policy',
    title: 'How long is the warranty?',
    shortAnswer: 'Electrical items come with a one-year warranty: we repair or replace them for free if they fail without misuse. Send us your order number and a video of the fault.',
    body: 'Electrical items: 12 months; accessories: 3 months.\nWithin warranty, faults not caused by misuse or water are repaired or replaced free of charge, including postage.\nSend your order number {orderRef} and a short video of the fault to start a claim.',
    tags: ['warranty', 'guarantee', 'repair', 'broken'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'gift.wrap',
    title: 'Do you offer gift wrapping?',
    shortAnswer: 'Yes, for free: add "gift wrap" and your card message to the order note, and we leave the price list out of the parcel.',
    body: 'Gift service: free gift box with ribbon, a handwritten card (up to 50 characters, write it in the order note), and no invoice or price list in the parcel.',
    tags: ['gift wrap', 'gift', 'card'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'price.protection',
    title: 'The price dropped after I bought it. Can I get the difference back?',
    shortAnswer: 'Yes, with price protection: if the same item gets cheaper in our store within 7 days of delivery, we refund the difference. Send us your order number.',
    body: 'Price protection covers the same item and variant in our store, from payment until 7 days after delivery.\nNot covered: livestream-only prices, flash sales, prices after stacked coupons, pre-sale deposits.\nThe difference goes back to your original payment method within 1–3 working days.',
    tags: ['price protection', 'price drop', 'refund difference'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'coupon.usage',
    title: 'Why can’t I use my coupon?',
    shortAnswer: 'Please check that the coupon has not expired, that your order reaches its minimum spend, and that the items are eligible; sale items cannot take store coupons.',
    body: 'Common reasons a coupon does not apply:\n1. Expired or not yet valid.\n2. Minimum spend not reached.\n3. Items outside the coupon’s range.\n4. Flash-sale items cannot be combined with store coupons.\n5. One store coupon per order.',
    tags: ['coupon', 'voucher', 'discount code'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'damage.shipping',
    title: 'My item arrived damaged',
    shortAnswer: 'We are sorry! Please send photos of the box and the damage, and we will resend the item or refund you; you do not need to return it.',
    body: 'Contact us within 48 hours of delivery with photos of the outer box, the shipping label and the damage. Once confirmed we resend or refund, no return needed. If the box is badly crushed on delivery you may refuse it.',
    tags: ['damaged', 'broken', 'crushed'],
  },
  {
    store: null,
    lang: 'en',
    topic: 'delivery.not-received',
    title: 'Tracking says delivered but I did not receive it',
    shortAnswer: 'Please check parcel lockers, pickup points, reception or neighbours first. If it is still missing, send us your order number and we will open an investigation with the courier.',
    body: 'Check lockers, pickup stations, the front desk and family members. If the parcel is still missing, send us the order number {orderRef}: we open a case with the courier and resend or refund once the loss is confirmed.',
    tags: ['not received', 'missing parcel', 'lost parcel'],
  },

  // ── 鹿野家居旗舰店 (home) ────────────────────────────────────────────────────────────────────
  {
    store: 'home',
    lang: 'zh',
    topic: 'warranty.policy',
    title: '家具保修多久？坏了怎么保修',
    shortAnswer: '实木家具主体结构保修3年，五金配件保修1年，保修期内非人为损坏提供免费上门维修。',
    body: '鹿野家居保修政策：\n- 主体结构（框架、板材开裂）：3年；\n- 五金配件（铰链、滑轨、气撑）：1年；\n- 保修期内非人为损坏免费上门维修或更换配件；\n- 申请：把订单号{orderRef}、问题照片发给客服，我们预约师傅上门。',
    tags: ['保修', '家具', '维修', '质保'],
  },
  {
    store: 'home',
    lang: 'zh',
    topic: 'furniture.assembly',
    title: '可以送货上门并安装吗',
    shortAnswer: '大件家具包送货上门和免费安装，师傅会在到货前一天电话预约时间；小件商品附安装说明，可自行安装。',
    body: '送装服务：\n1. 床、衣柜、沙发、餐桌等大件：免费送货上门 + 安装；\n2. 师傅到货前一天电话预约，请保持电话畅通；\n3. 电梯房免费搬运上楼，无电梯6楼以上按楼层收取搬运费；\n4. 小件商品附安装视频和说明书。',
    tags: ['安装', '送货上门', '上门安装', '家具'],
  },
  {
    store: 'home',
    lang: 'zh',
    topic: 'shipping.delivery-time',
    title: '大件家具多久能送到',
    shortAnswer: '大件家具由专线物流配送，发货后7–15天送货上门，送货前师傅会电话预约；小件商品走快递，2–4天到。',
    body: '鹿野家居配送时效：\n- 大件家具：专线物流，发货后7–15天，偏远地区可能更久；送货前电话预约；\n- 小件家居用品：快递配送，2–4天；\n物流进度可以在订单详情查看，或把订单号发给客服查询。',
    tags: ['快递', '物流', '配送时效', '大件'],
  },
  {
    store: 'home',
    lang: 'zh',
    topic: 'returns.large-item',
    title: '大件家具怎么退货',
    shortAnswer: '大件家具不影响二次销售的，签收7天内可以退货，我们预约物流上门取件；无理由退货的往返物流费由买家承担。',
    body: '大件退货：\n1. 签收7天内申请，家具未安装、未使用、包装完好；\n2. 客服预约物流上门取件，请保留原包装；\n3. 质量问题免费取件；无理由退货需承担往返物流费（按体积计算）；\n4. 已安装的家具如无质量问题不支持无理由退货。',
    tags: ['退货', '大件', '上门取件', '家具'],
  },

  // ── 山茶咖啡 京东店 (coffee) ─────────────────────────────────────────────────────────────────
  {
    store: 'coffee',
    lang: 'zh',
    topic: 'coffee.shelf-life',
    title: '咖啡豆保质期多久',
    shortAnswer: '咖啡豆未开封保质期12个月，最佳赏味期是烘焙后15–60天，我们每周新鲜烘焙后发货。',
    body: '保质期与赏味期：\n- 未开封：保质期12个月（见包装底部生产日期）；\n- 最佳赏味期：烘焙后15–60天；\n- 挂耳咖啡：保质期12个月；\n我们每周二、周五烘焙，烘焙后3天内发货。',
    tags: ['保质期', '赏味期', '咖啡豆', '过期'],
  },
  {
    store: 'coffee',
    lang: 'zh',
    topic: 'coffee.grind',
    title: '可以帮忙磨成咖啡粉吗',
    shortAnswer: '可以免费研磨，下单时备注研磨度：手冲、法压、摩卡壶或意式；研磨后风味流失较快，建议两周内喝完。',
    body: '免费研磨：\n- 在订单备注写明冲煮方式：手冲（中细）、法压（粗）、摩卡壶（细）、意式（极细）；\n- 未备注默认发咖啡豆；\n- 研磨后建议两周内喝完，研磨过的咖啡不支持七天无理由退货。',
    tags: ['磨粉', '研磨', '咖啡粉'],
  },
  {
    store: 'coffee',
    lang: 'zh',
    topic: 'returns.no-reason',
    title: '咖啡拆封后还能退货吗',
    shortAnswer: '咖啡属于食品，未拆封的7天内可以无理由退货；拆封或研磨后如没有质量问题，不支持退货。',
    body: '山茶咖啡退货规则：\n1. 未拆封、包装完好：签收7天内支持无理由退货，运费由买家承担；\n2. 已拆封、已研磨：无质量问题不支持退货；\n3. 质量问题（胀袋、异味、发霉）：拍照联系客服，为您退款或补发。',
    tags: ['退货', '食品', '拆封', '七天无理由'],
  },
  {
    store: 'coffee',
    lang: 'zh',
    topic: 'coffee.storage',
    title: '咖啡豆开封后怎么保存',
    shortAnswer: '开封后挤出空气、封好单向排气阀袋口，避光常温保存；不建议放冰箱冷藏，容易受潮串味。',
    body: '保存方法：\n- 挤出袋内空气后封口，或倒入密封罐；\n- 放在阴凉避光处，常温即可；\n- 不要冷藏，冷热交替会让咖啡豆受潮；\n- 开封后一个月内喝完风味最好。',
    tags: ['保存', '咖啡豆', '储存'],
  },

  // ── 潮玩研究所 (toys) ──────────────────────────────────────────────────────────────────────
  {
    store: 'toys',
    lang: 'zh',
    topic: 'blindbox.rules',
    title: '盲盒抽到重复款可以换吗',
    shortAnswer: '盲盒为随机发货，拆封后不支持因重复款退换；整盒（端盒）购买保证一盒内不重复，隐藏款随机出现。',
    body: '盲盒规则：\n1. 单个盲盒随机发货，无法指定款式；\n2. 拆封后不支持因款式重复、没抽到隐藏款退换；\n3. 端盒（整盒12个）保证盒内不重复，隐藏款概率1/144；\n4. 玩偶有瑕疵、缺配件属于质量问题，可以联系客服处理。',
    tags: ['盲盒', '重复款', '端盒', '隐藏款'],
  },
  {
    store: 'toys',
    lang: 'zh',
    topic: 'returns.no-reason',
    title: '盲盒和手办可以七天无理由退货吗',
    shortAnswer: '塑封完好、未拆封的盲盒和手办支持七天无理由退货；拆封后仅质量问题可以退换。',
    body: '潮玩研究所退货规则：\n- 未拆封（塑封、封口贴完好）：签收7天内可无理由退货，运费由买家承担；\n- 已拆封：盲盒的款式属于随机，拆封后不支持无理由退货；\n- 质量问题（掉漆、断件、缺配件）：拍照联系客服，退换或补发配件。',
    tags: ['退货', '盲盒', '拆封', '七天无理由'],
  },
  {
    store: 'toys',
    lang: 'zh',
    topic: 'toys.authenticity',
    title: '是正品吗？怎么验证真假',
    shortAnswer: '本店所有潮玩都是品牌官方授权正品，盒底有防伪码，刮开涂层扫码即可在品牌官网验证。',
    body: '正品保障：\n1. 所有商品由品牌方官方授权供货；\n2. 盒底贴有防伪标签，刮开涂层扫码验证；\n3. 假一赔十，如验证有问题请联系客服。',
    tags: ['正品', '防伪', '真假', '授权'],
  },

  // ── Little Moon 小月亮童装 (kids) ────────────────────────────────────────────────────────────
  {
    store: 'kids',
    lang: 'zh',
    topic: 'kids.size-guide',
    title: '宝宝穿多大码？童装尺码怎么选',
    shortAnswer: '按身高选码最准：尺码数字约等于身高，例如身高90cm穿90码；宝宝长得快，介于两个尺码之间建议选大一码。',
    body: '小月亮尺码表（按身高）：\n- 73码：身高66–73cm（6–12个月）；\n- 80码：73–80cm（1岁）；\n- 90码：80–90cm（2岁）；\n- 100码：90–100cm（3岁）；\n- 110码：100–110cm（4–5岁）；\n- 120码：110–120cm（6–7岁）。\n偏胖的宝宝建议选大一码。',
    tags: ['尺码', '码数', '尺码表', '身高'],
  },
  {
    store: 'kids',
    lang: 'en',
    topic: 'kids.size-guide',
    title: 'What size should I choose for my child?',
    shortAnswer: 'Choose by height: the size number is roughly the height in centimetres (90 fits 80–90 cm). If your child is between sizes, take the larger one.',
    body: 'Little Moon size chart by height:\n- 73: 66–73 cm (6–12 months)\n- 80: 73–80 cm (1 year)\n- 90: 80–90 cm (2 years)\n- 100: 90–100 cm (3 years)\n- 110: 100–110 cm (4–5 years)\n- 120: 110–120 cm (6–7 years)\nFor a sturdier build, size up.',
    tags: ['size', 'size chart', 'sizing', 'height'],
  },
  {
    store: 'kids',
    lang: 'zh',
    topic: 'exchange.size',
    title: '童装尺码不合适可以换吗',
    shortAnswer: '可以，小月亮支持签收15天内免费换码，来回运费都由我们承担，吊牌完好、未洗涤即可。',
    body: '小月亮换码服务：\n1. 签收15天内，吊牌完好、未穿着洗涤；\n2. 订单详情 → 申请售后 → 换货，选择新尺码；\n3. 我们预约快递上门取件，来回运费全免；\n4. 收到退回件后24小时内寄出新尺码。',
    tags: ['换货', '尺码', '换码', '童装'],
  },
  {
    store: 'kids',
    lang: 'en',
    topic: 'exchange.size',
    title: 'Can I exchange kids’ clothes for another size?',
    shortAnswer: 'Yes, Little Moon offers free size exchanges within 15 days of delivery, and we pay the postage both ways, as long as the tags are on and the item is unwashed.',
    body: 'Free size exchange within 15 days of delivery:\n1. Tags attached, not worn outside or washed.\n2. Open the order, choose "Exchange" and pick the new size.\n3. We book a courier pick-up, postage free both ways.\n4. The new size ships within 24 hours of receiving the return.',
    tags: ['exchange', 'size', 'kids clothes'],
  },
  {
    store: 'kids',
    lang: 'zh',
    topic: 'kids.fabric',
    title: '童装面料安全吗？会不会掉色',
    shortAnswer: '小月亮童装符合婴幼儿A类标准，贴身款为纯棉面料，无荧光剂、无甲醛，首次洗涤建议冷水单独手洗。',
    body: '面料说明：\n- 婴幼儿A类安全标准（GB 31701）；\n- 贴身款100%纯棉，外套含棉量不低于60%；\n- 无荧光剂、甲醛不超标，附检测报告；\n- 深色衣物首次洗涤可能轻微浮色，建议冷水单独手洗，不影响安全。',
    tags: ['面料', 'A类', '纯棉', '掉色'],
  },
];

export const DEMO_QUICK_REPLIES: { store: string | null; lang: Language | null; shortcut: string; title: string; body: string }[] = [
  { store: null, lang: 'zh', shortcut: 'hi', title: '问候', body: '您好，欢迎光临{storeName}，我是您的专属客服，请问有什么可以帮您？' },
  { store: null, lang: 'zh', shortcut: 'wait', title: '请稍等', body: '好的亲，请稍等，我马上帮您查询一下~' },
  { store: null, lang: 'zh', shortcut: 'thanks', title: '感谢等待', body: '感谢您的耐心等待！还有其他问题随时联系我们哦~' },
  { store: null, lang: 'zh', shortcut: 'order', title: '要订单号', body: '麻烦亲提供一下订单号，我这边帮您核实~' },
  { store: null, lang: 'en', shortcut: 'hello', title: 'Greeting', body: 'Hi {customerName}, thanks for contacting {storeName}! How can I help you today?' },
  { store: null, lang: 'en', shortcut: 'bye', title: 'Closing', body: 'Thanks for chatting with us. Have a lovely day!' },
  { store: 'home', lang: 'zh', shortcut: 'install', title: '预约安装', body: '安装师傅会在到货前一天电话联系您预约上门时间，请保持电话畅通哦~' },
  { store: 'coffee', lang: 'zh', shortcut: 'grind', title: '研磨度', body: '请在订单备注里写明冲煮方式：手冲、法压、摩卡壶或意式，我们按对应研磨度免费磨粉~' },
  { store: 'toys', lang: 'zh', shortcut: 'blindbox', title: '盲盒说明', body: '盲盒是随机发货的哦，拆封后不支持因款式重复退换，端盒购买保证不重复~' },
  { store: 'kids', lang: 'zh', shortcut: 'size', title: '选码建议', body: '亲，按宝宝身高选码最准，介于两个尺码之间建议选大一码，15天内可以免费换码~' },
];

/** Demo articles, versions and quick replies; `storeIds` maps demo store keys to their ids. */
export async function seedKnowledgeBase(m: EntityManager, storeIds: Map<string, string>): Promise<void> {
  const storeOf = (key: string | null) => (key === null ? null : storeIds.get(key)!);
  await insertArticles(
    m,
    DEMO_ARTICLES.map((a) => ({
      storeId: storeOf(a.store),
      lang: a.lang,
      topic: a.topic,
      title: a.title,
      shortAnswer: a.shortAnswer,
      body: a.body,
      tags: a.tags,
      status: a.status ?? 'published',
    })),
    null,
  );
  await m.getRepository(QuickReplyEntity).insert(DEMO_QUICK_REPLIES.map((q) => ({ storeId: storeOf(q.store), lang: q.lang, shortcut: q.shortcut, title: q.title, body: q.body, createdById: null })));
}
