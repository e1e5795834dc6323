// What simulated customers do besides writing: some order after asking (inquiry conversion), and
// some answer the satisfaction question when a chat is resolved.
import { SIGNATURE_HEADER, type OrderItem, type PlatformOrderInput } from '@kefu/contracts';
import { signature } from './sign.js';
import type { SimChannel } from './simulator.js';

const PRODUCTS: Omit<OrderItem, 'qty'>[] = [
  { sku: 'TS-2041-WH-M', name: '纯棉圆领T恤 白色 M', category: 'apparel', price: 79 },
  { sku: 'SN-8802-BK-42', name: '透气跑步鞋 黑色 42码', category: 'shoes', price: 359 },
  { sku: 'EB-0931-WH', name: '降噪蓝牙耳机 白色', category: 'electronics', price: 499 },
  { sku: 'KT-1500-SS', name: 'Electric kettle 1.5 L', category: 'home', price: 159 },
  { sku: 'SC-3030-50', name: '保湿面霜 50ml', category: 'beauty', price: 268 },
  { sku: 'TE-4401-250', name: '明前龙井 250g', category: 'food', price: 198 },
];

/** The platform's order webhook: the customer paid for an order in the channel's store. */
export async function placeOrder(baseUrl: string, channel: SimChannel, customerExternalId: string, random: () => number): Promise<number> {
  const product = PRODUCTS[Math.floor(random() * PRODUCTS.length)];
  const body: PlatformOrderInput = {
    orderRef: String(2_026_000_000_000_000 + Math.floor(random() * 999_999_999_999)),
    customer: { externalId: customerExternalId },
    items: [{ ...product, qty: 1 + Math.floor(random() * 2) }],
    paidAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
  const raw = JSON.stringify(body);
  const res = await fetch(`${baseUrl}/api/channels/${channel.id}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature(channel.secret, raw) },
    body: raw,
  });
  await res.arrayBuffer();
  return res.status;
}

const SURVEY = /打分|How satisfied/;
const ANSWERS = { zh: ['5', '非常满意', '满意', '4分', '一般', '不满意', '5星'], en: ['5', 'very satisfied', 'satisfied', '4', 'ok', 'dissatisfied'] };

/** A reply the customer gives to a message the desk sent, or null (most messages need none). */
export function surveyAnswer(body: string, random: () => number): string | null {
  if (!SURVEY.test(body) || random() > 0.6) return null;
  const answers = /How satisfied/.test(body) ? ANSWERS.en : ANSWERS.zh;
  // Skewed to the satisfied end, as real ratings are.
  return answers[Math.min(answers.length - 1, Math.floor(random() ** 2 * answers.length))];
}
