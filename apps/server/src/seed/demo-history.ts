// Eight weeks of made-up history for the demo stores, so that the analysts' desk, the reports and
// the SLA figures have something to show on a fresh `npm start`: served conversations with their
// response times, after-sales tickets with confirmed causes, satisfaction ratings, orders and the agency's contracts.
import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE, orderTotal, type CauseCode, type OrderItem, type TicketType } from '@kefu/contracts';

const DAY = 24 * 3600 * 1000;
const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '京东物流'];

/** Per demo store: what it sells and which causes its after-sales problems skew to. */
const PROFILES: Record<string, { products: Omit<OrderItem, 'qty'>[]; causes: [CauseCode, number][] }> = {
  home: {
    products: [
      { sku: 'LY-LAMP-01', name: '北欧落地灯', category: 'home', price: 399 },
      { sku: 'LY-TOWEL-02', name: '长绒棉浴巾', category: 'home', price: 89 },
      { sku: 'LY-VASE-03', name: '手工陶瓷花瓶', category: 'home', price: 159 },
    ],
    causes: [['shipping_damage', 5], ['product_quality', 4], ['not_as_described', 3], ['logistics_delay', 3], ['changed_mind', 2], ['other', 1]],
  },
  coffee: {
    products: [
      { sku: 'SC-BEAN-250', name: '云南小粒咖啡豆 250g', category: 'food', price: 78 },
      { sku: 'SC-DRIP-10', name: '挂耳咖啡 10 包', category: 'food', price: 49 },
      { sku: 'SC-KETTLE-1', name: '手冲细口壶', category: 'kitchen', price: 189 },
    ],
    causes: [['logistics_delay', 5], ['product_quality', 3], ['price_promotion', 3], ['wrong_or_missing_item', 2], ['service_experience', 1], ['other', 1]],
  },
  toys: {
    products: [
      { sku: 'CW-BLIND-S3', name: '盲盒 第三弹', category: 'toys', price: 69 },
      { sku: 'CW-FIG-07', name: '限定手办 07', category: 'toys', price: 299 },
      { sku: 'CW-CASE-01', name: '亚克力展示盒', category: 'toys', price: 59 },
    ],
    causes: [['wrong_or_missing_item', 5], ['product_quality', 3], ['not_as_described', 3], ['price_promotion', 2], ['changed_mind', 2], ['service_experience', 1]],
  },
  kids: {
    products: [
      { sku: 'LM-TEE-110', name: '纯棉短袖 110', category: 'apparel', price: 59 },
      { sku: 'LM-DRESS-120', name: '碎花连衣裙 120', category: 'apparel', price: 129 },
      { sku: 'LM-SHOE-26', name: '学步鞋 26 码', category: 'shoes', price: 149 },
    ],
    causes: [['size_fit', 6], ['changed_mind', 3], ['not_as_described', 2], ['product_quality', 2], ['logistics_delay', 1], ['other', 1]],
  },
};

const TYPE_OF: Partial<Record<CauseCode, TicketType>> = { size_fit: 'exchange', price_promotion: 'refund_only', logistics_delay: 'refund_only', product_quality: 'quality_complaint' };
const WORDS: Record<CauseCode, string> = {
  product_quality: '用了没几天就坏了,质量太差',
  not_as_described: '实物和详情页图片差别很大',
  wrong_or_missing_item: '发错货了,还少了一件',
  shipping_damage: '收到时箱子压坏了,里面也碎了',
  logistics_delay: '快递一个星期了还没到',
  size_fit: '尺码偏小,孩子穿不上,想换大一码',
  changed_mind: '不想要了,七天无理由退货',
  price_promotion: '刚买完就降价了,能退差价吗',
  service_experience: '客服回复太慢了',
  other: '麻烦帮我开一下发票',
};

/** A small deterministic PRNG: the same demo every time. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1664525 + 1013904223) % 4294967296;
    return a / 4294967296;
  };
}

const weighted = <T>(items: [T, number][], r: number): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
};

/** Each demo store's made-up contract with the agency (base fee a month, commission, attribution window), with a promotion fee last month. */
const CONTRACTS: Record<string, { baseFeeMonthly: number; commissionRate: number; attributionHours: number; promotion?: { amount: number; note: string } }> = {
  home: { baseFeeMonthly: 8000, commissionRate: 0.06, attributionHours: 48, promotion: { amount: 3000, note: '大促会场服务费' } },
  coffee: { baseFeeMonthly: 5000, commissionRate: 0.08, attributionHours: 24 },
  toys: { baseFeeMonthly: 6000, commissionRate: 0.1, attributionHours: 48, promotion: { amount: 1500, note: '直播间活动' } },
  kids: { baseFeeMonthly: 4500, commissionRate: 0.05, attributionHours: 72 },
};

export async function seedHistory(m: EntityManager, storeIds: Map<string, string>, agentIds: Map<string, string[]>, now = new Date()): Promise<void> {
  const random = prng(20261127);
  const lastMonth = DateTime.fromJSDate(now, { zone: DEFAULT_TIMEZONE }).minus({ months: 1 }).toFormat('yyyy-MM');
  for (const [key, storeId] of storeIds) {
    const contract = CONTRACTS[key];
    if (contract)
      await m.query(`INSERT INTO store_contracts (store_id, base_fee_monthly, commission_rate, attribution_hours, promotion_fees) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
        storeId,
        contract.baseFeeMonthly,
        contract.commissionRate,
        contract.attributionHours,
        JSON.stringify(contract.promotion ? [{ month: lastMonth, ...contract.promotion }] : []),
      ]);
  }
  for (const [key, storeId] of storeIds) {
    const profile = PROFILES[key];
    const agents = agentIds.get(key) ?? [];
    const [channel] = await m.query(`SELECT id FROM channels WHERE store_id = $1 ORDER BY created_at LIMIT 1`, [storeId]);
    if (!profile || !channel || !agents.length) continue;
    for (let i = 0; i < 140; i++) {
      const at = new Date(now.getTime() - (1 + random() * 55) * DAY);
      const agentId = agents[Math.floor(random() * agents.length)];
      const withTicket = i < 80;
      const cause = weighted(profile.causes, random());
      const text = withTicket ? WORDS[cause] : '请问这款有现货吗?什么时候发货?';
      const [customer] = await m.query(`INSERT INTO customers (store_id, external_id, name) VALUES ($1, $2, $3) RETURNING id`, [storeId, `demo-${key}-${i}`, `顾客${String(i).padStart(3, '0')}`]);
      const responseSeconds = Math.round(20 + random() ** 3 * 1500);
      const answeredAt = new Date(at.getTime() + responseSeconds * 1000);
      const [conv] = await m.query(
        `INSERT INTO conversations (store_id, channel_id, customer_id, status, assignee_id, first_response_at, last_message_at, last_message_preview, language, created_at)
         VALUES ($1, $2, $3, 'resolved', $4, $5, $5, '好的,已为您处理', 'zh', $6) RETURNING id`,
        [storeId, channel.id, customer.id, agentId, answeredAt, at],
      );
      await m.query(
        `INSERT INTO messages (conversation_id, store_id, channel_id, direction, body, external_id, created_at) VALUES ($1, $2, $3, 'inbound', $4, $5, $6)`,
        [conv.id, storeId, channel.id, text, `demo-in-${key}-${i}`, at],
      );
      await m.query(
        `INSERT INTO messages (conversation_id, store_id, channel_id, direction, body, author_id, delivery_status, delivered_at, created_at) VALUES ($1, $2, $3, 'outbound', '好的,已为您处理', $4, 'delivered', $5, $5)`,
        [conv.id, storeId, channel.id, agentId, answeredAt],
      );
      const breached = responseSeconds > 900;
      await m.query(
        `INSERT INTO sla_timers (store_id, conversation_id, kind, status, started_at, target_seconds, warn_before_seconds, counting_since, due_at, met_at, breached_at, responded_at, response_seconds, responded_by, breach_assignee_id)
         VALUES ($1, $2, 'first_response', $3, $4, 900, 300, $4, NULL, $5, $6, $7, $8, $9, $10)`,
        [storeId, conv.id, breached ? 'breached' : 'met', at, breached ? null : answeredAt, breached ? new Date(at.getTime() + 900_000) : null, answeredAt, responseSeconds, agentId, breached ? agentId : null],
      );
      if (random() < 0.55) {
        const rating = breached ? 1 + Math.floor(random() * 3) : 3 + Math.floor(random() * 3);
        await m.query(
          `INSERT INTO csat_surveys (conversation_id, store_id, agent_id, lang, message_id, sent_at, rating, rated_at, reply) VALUES ($1, $2, $3, 'zh', gen_random_uuid(), $4, $5, $4, $6)`,
          [conv.id, storeId, agentId, new Date(answeredAt.getTime() + 3600_000), rating, String(rating)],
        );
      }
      const product = profile.products[Math.floor(random() * profile.products.length)];
      const items = [{ ...product, qty: 1 }];
      const orderRef = String(2026_0000_0000_0000 + i * 7919 + key.length * 100_000);
      if (!withTicket) {
        // Pre-sale questions: about a third order within two days.
        if (random() < 0.35)
          await m.query(
            `INSERT INTO orders (store_id, order_ref, customer_external_id, items, total_paid, paid_at, carrier, fetched_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $6)`,
            [storeId, orderRef, `demo-${key}-${i}`, JSON.stringify(items), orderTotal(items), new Date(at.getTime() + random() * 40 * 3600_000), CARRIERS[Math.floor(random() * CARRIERS.length)]],
          );
        continue;
      }
      const deliveredAt = new Date(at.getTime() - (1 + random() * 6) * DAY);
      await m.query(
        `INSERT INTO orders (store_id, order_ref, customer_external_id, items, total_paid, paid_at, shipped_at, delivered_at, carrier, fetched_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9)`,
        [storeId, orderRef, `demo-${key}-${i}`, JSON.stringify(items), orderTotal(items), new Date(deliveredAt.getTime() - 3 * DAY), deliveredAt, CARRIERS[Math.floor(random() * CARRIERS.length)], at],
      );
      // Most causes were suggested by the classifier and confirmed; some were corrected by the agent.
      const corrected = random() < 0.12;
      const suggested = corrected ? weighted(profile.causes.filter(([c]) => c !== cause), random()) : cause;
      await m.query(
        `INSERT INTO tickets (store_id, conversation_id, customer_id, type, status, order_ref, ordered_at, delivered_at, items, total_paid, refunded_amount, customer_reason,
                              cause, cause_source, cause_confidence, suggested_cause, cause_confirmed_by_id, policy_decision, resolution, assignee_id, created_by_id, created_at, updated_at, closed_at)
         VALUES ($1, $2, $3, $4, 'closed', $5, $6, $7, $8, $9, 0, $10, $11, 'agent', $12, $13, $14, $15, $16, $14, $14, $17, $18, $18)`,
        [
          storeId, conv.id, customer.id, TYPE_OF[cause] ?? 'return', orderRef, new Date(deliveredAt.getTime() - 3 * DAY), deliveredAt, JSON.stringify(items), orderTotal(items), text,
          cause, Math.round((0.55 + random() * 0.44) * 100) / 100, suggested, agentId,
          JSON.stringify({ eligible: true, rule: 'demo', reason: 'demo history', returnShippingPaidBy: 'seller', daysSinceDelivery: 2, windowEndsOn: null, decidedAt: at.toISOString() }),
          JSON.stringify({ outcome: 'refunded' }), at, new Date(at.getTime() + (1 + random() * 40) * 3600_000),
        ],
      );
    }
  }
}
