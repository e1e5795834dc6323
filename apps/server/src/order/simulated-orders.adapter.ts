import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OrderItem } from '@kefu/contracts';
import type { PlatformOrder, PlatformOrders, PlatformStoreRef } from './platform-orders.js';

/** Made-up catalogue of the simulated platform. */
const CATALOGUE: Omit<OrderItem, 'qty'>[] = [
  { sku: 'TS-2041-WH-M', name: '纯棉圆领T恤 白色 M', category: 'apparel', price: 79 },
  { sku: 'JK-3310-NV-L', name: '轻薄防风夹克 藏青 L', category: 'apparel', price: 299 },
  { sku: 'DR-1207-RD-S', name: 'Linen summer dress, red, S', category: 'apparel', price: 189 },
  { sku: 'SN-8802-BK-42', name: '透气跑步鞋 黑色 42码', category: 'shoes', price: 359 },
  { sku: 'BT-5521-GY-39', name: 'Chelsea boots, grey, 39', category: 'shoes', price: 429 },
  { sku: 'EB-0931-WH', name: '降噪蓝牙耳机 白色', category: 'electronics', price: 499 },
  { sku: 'PB-2200-10K', name: '10000mAh 充电宝', category: 'electronics', price: 129 },
  { sku: 'KT-1500-SS', name: 'Electric kettle 1.5 L, stainless', category: 'home', price: 159 },
  { sku: 'TW-0600-BL', name: '全棉浴巾两件套 蓝色', category: 'home', price: 89 },
  { sku: 'SC-3030-50', name: '保湿面霜 50ml', category: 'beauty', price: 268 },
  { sku: 'LS-0712-03', name: 'Matte lipstick #03', category: 'beauty', price: 139 },
  { sku: 'TE-4401-250', name: '明前龙井 250g', category: 'food', price: 198 },
  { sku: 'NT-2010-MIX', name: 'Mixed nuts gift box 750 g', category: 'food', price: 99 },
  { sku: 'UW-1101-SK-M', name: '莫代尔内衣套装 肤色 M', category: 'underwear', price: 119 },
  { sku: 'CU-9000-ENG', name: '定制刻字保温杯', category: 'customized', price: 168 },
];
const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '京东物流', '韵达快递'];
const DAY = 24 * 3600 * 1000;

/** Deterministic pseudo-random numbers from a seed string: the same order looks the same every time. */
function rng(seed: string): () => number {
  let counter = 0;
  return () => {
    const h = createHash('sha256').update(`${seed}:${counter++}`).digest();
    return h.readUInt32BE(0) / 0x1_0000_0000;
  };
}

/**
 * The simulated platform's order API: any order number has an order, made up from its number
 * (items, price paid, paid/shipped/delivered dates, courier and tracking number). Most orders are
 * delivered 1–20 days ago; some are still on the way.
 */
@Injectable()
export class SimulatedOrdersAdapter implements PlatformOrders {
  async order(store: PlatformStoreRef, orderRef: string): Promise<PlatformOrder | null> {
    return this.madeUp(store, orderRef, null);
  }

  async ordersOf(store: PlatformStoreRef, customerExternalId: string): Promise<PlatformOrder[]> {
    const next = rng(`${store.id}:customer:${customerExternalId}`);
    const count = 1 + Math.floor(next() * 3);
    const refs = Array.from({ length: count }, () => String(2_026_000_000_000_000 + Math.floor(next() * 999_999_999_999)));
    return refs.map((ref) => this.madeUp(store, ref, customerExternalId)).sort((a, b) => (b.paidAt?.getTime() ?? 0) - (a.paidAt?.getTime() ?? 0));
  }

  private madeUp(store: PlatformStoreRef, orderRef: string, customerExternalId: string | null): PlatformOrder {
    const next = rng(`${store.id}:order:${orderRef}`);
    const lines = 1 + Math.floor(next() * 2);
    const items: OrderItem[] = [];
    for (let i = 0; i < lines; i++) {
      const product = CATALOGUE[Math.floor(next() * CATALOGUE.length)];
      if (!items.some((it) => it.sku === product.sku)) items.push({ ...product, qty: 1 + Math.floor(next() * 2) });
    }
    const now = Date.now();
    const deliveredDaysAgo = Math.floor(next() * 22) - 2; // -2..19: a few not delivered yet
    const paidAt = new Date(now - (Math.max(deliveredDaysAgo, 0) + 3) * DAY - Math.floor(next() * DAY));
    const shippedAt = new Date(paidAt.getTime() + DAY / 2);
    const deliveredAt = deliveredDaysAgo >= 0 ? new Date(now - deliveredDaysAgo * DAY - Math.floor(next() * (DAY / 2))) : null;
    return {
      orderRef,
      customerExternalId,
      items,
      paidAt,
      shippedAt,
      deliveredAt,
      carrier: CARRIERS[Math.floor(next() * CARRIERS.length)],
      trackingNumber: `SF${Math.floor(next() * 1e12).toString().padStart(12, '0')}`,
      // A made-up order last changed with its latest event.
      updatedAt: deliveredAt ?? shippedAt,
    };
  }
}
