// Root-cause analytics at scale: 1,000,000 tickets over 20 stores and 2 years (skewed store sizes,
// causes skewed per store and category, 双11 / 618 peaks, a few SKUs with many quality issues),
// inserted with the rollup triggers on; then the breakdown by store and by week over one year,
// through the HTTP API as an analyst, ≥ 30 times each. Target: p50 < 200 ms.
// Run: npm run bench:analytics (BENCH_TICKETS=100000 for a quick run, BENCH_KEEP=1 keeps the database).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { CAUSE_CODES, type CauseCode, type TicketType } from '@kefu/contracts';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { dataSourceOptions } from '../../apps/server/src/database/data-source.js';
import { ENTITIES } from '../../apps/server/src/entities.js';
import { rebuildRollups } from '../../apps/server/src/analytics/rollup-rebuild.js';
import { seedIfEmpty } from '../../apps/server/src/seed/seed.js';
import { login } from '../support/client.js';
import { spawnServer } from '../support/desk.js';
import { benchEnvironment, fmt, percentile } from './support.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const DAYS = 730;
const BATCH = 5000;

/** A small deterministic PRNG (mulberry32), so every run generates the same desk. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261111);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
/** Index drawn with the given weights (cumulative array). */
function draw(cumulative: number[]): number {
  const x = random() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const cumulate = (weights: number[]) => weights.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? 0) + w], []);

type Category = 'apparel' | 'shoes' | 'beauty' | 'electronics' | 'food' | 'home' | 'baby';
// Causes per category (weights in CAUSE_CODES order: quality, not_as_described, wrong_or_missing,
// shipping_damage, logistics_delay, size_fit, changed_mind, price_promotion, service, other).
const CAUSES_BY_CATEGORY: Record<Category, number[]> = {
  apparel: [12, 15, 7, 1, 8, 30, 20, 4, 2, 1],
  shoes: [20, 12, 6, 1, 10, 28, 15, 4, 3, 2],
  beauty: [25, 20, 8, 10, 12, 0, 15, 5, 3, 2],
  electronics: [35, 10, 10, 10, 12, 0, 10, 7, 4, 2],
  food: [25, 3, 10, 20, 25, 0, 5, 8, 4, 3],
  home: [20, 15, 10, 20, 15, 0, 10, 5, 3, 2],
  baby: [25, 15, 10, 5, 15, 8, 15, 6, 4, 2],
};
const PRODUCTS: Record<Category, string[]> = {
  apparel: ['纯棉T恤', '羽绒服', '牛仔裤', '连衣裙', '卫衣', '衬衫'],
  shoes: ['跑步鞋', '帆布鞋', '皮鞋', '凉鞋', '雪地靴'],
  beauty: ['面霜', '精华液', '口红', '防晒霜', '洗面奶'],
  electronics: ['蓝牙耳机', '充电宝', '手机壳', '智能手表', '数据线'],
  food: ['坚果礼盒', '牛肉干', '茶叶', '月饼', '车厘子'],
  home: ['四件套', '收纳箱', '保温杯', '台灯', '拖把'],
  baby: ['纸尿裤', '奶瓶', '婴儿车', '辅食机', '爬行垫'],
};
const TYPES_BY_CAUSE: Record<CauseCode, [TicketType, number][]> = {
  product_quality: [['quality_complaint', 40], ['return', 35], ['exchange', 25]],
  not_as_described: [['return', 70], ['exchange', 30]],
  wrong_or_missing_item: [['exchange', 60], ['return', 40]],
  shipping_damage: [['refund_only', 40], ['exchange', 30], ['return', 30]],
  logistics_delay: [['refund_only', 70], ['return', 30]],
  size_fit: [['exchange', 60], ['return', 40]],
  changed_mind: [['return', 100]],
  price_promotion: [['refund_only', 100]],
  service_experience: [['refund_only', 50], ['return', 50]],
  other: [['return', 50], ['refund_only', 50]],
};
const REASONS: Partial<Record<CauseCode, string>> = {
  product_quality: '用了两天就坏了,质量太差',
  size_fit: '尺码偏小,想换大一码',
  logistics_delay: '快递三天了还没到',
  changed_mind: '不想要了,七天无理由退货',
  shipping_damage: '收到时外包装破损,东西摔坏了',
  price_promotion: '刚买就降价了,申请价保',
};

interface BenchStore {
  id: string;
  name: string;
  timezone: string;
  weight: number;
  categories: Category[];
  /** Per-store taste for each cause (some stores ship slowly, some have rude agents…). */
  causeBias: number[];
  skus: { sku: string; name: string; category: Category; popularity: number; bad: boolean }[];
  skuCumulative: number[];
  conversations: { id: string; customerId: string }[];
  /** UTC instant of local midnight per day index. */
  midnights: number[];
}

/** How busy a (local) calendar day is, and how its causes lean: 双11 and 618 after-sales waves, Spring Festival. */
function season(day: DateTime): { volume: number; bias: Partial<Record<CauseCode, number>> } {
  const md = day.month * 100 + day.day;
  if (md >= 1111 && md <= 1130) return { volume: md <= 1120 ? 4 : 2.5, bias: { price_promotion: 4, logistics_delay: 3, wrong_or_missing_item: 1.5 } };
  if (md >= 618 && md <= 630) return { volume: 2.5, bias: { price_promotion: 3, logistics_delay: 2 } };
  if (md >= 1212 && md <= 1218) return { volume: 1.6, bias: { price_promotion: 2 } };
  if ((day.month === 1 && day.day >= 20) || (day.month === 2 && day.day <= 10)) return { volume: 0.6, bias: { logistics_delay: 3 } };
  return { volume: day.weekday >= 6 ? 1.15 : 1, bias: {} };
}
// Hour of creation (local): quiet at night, busy in the evening.
const HOURS = cumulate([1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 3, 5, 6, 6, 5.5, 6, 6, 6, 5.5, 5, 5, 6, 7, 7, 5, 3]);

describe('root-cause analytics at scale', () => {
  let env: Awaited<ReturnType<typeof benchEnvironment>>;
  let db: DataSource;
  let api: ChildProcess;
  let url: string;
  let token: string;
  const stores: BenchStore[] = [];
  const now = new Date();

  beforeAll(async () => {
    env = await benchEnvironment('analytics');
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const config = loadConfig({ ...process.env, PORT: port, LOG_LEVEL: 'warn', CONSOLE_DIST: '' });
    db = await new DataSource(dataSourceOptions(config.databaseUrl, ENTITIES)).initialize();
    await seedIfEmpty(db, config);
    await createStores();
    api = spawnServer('main.js', { LOG_LEVEL: 'warn', RATE_LIMIT_PER_USER: '1000000', PORT: port, CONSOLE_DIST: '', SIMULATOR: 'off' });
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 150 && !(await fetch(`${url}/health`).then((r) => r.ok).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 200));
    token = await login(url, 'analyst@demo.kefu');
  });
  afterAll(async () => {
    api?.kill('SIGTERM');
    await db?.destroy();
    if (process.env.BENCH_KEEP) console.log(`kept ${env?.databaseUrl}`);
    else await env?.drop();
  });

  async function createStores() {
    const sizes = [22, 15, 11, 9, 7, 6, 5, 4, 3.5, 3, 2.5, 2.2, 2, 1.7, 1.5, 1.3, 1.1, 1, 0.7, 0.5];
    const cats = Object.keys(CAUSES_BY_CATEGORY) as Category[];
    const firstDay = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' }).startOf('day').minus({ days: DAYS - 1 });
    for (let i = 0; i < sizes.length; i++) {
      // Mostly mainland stores; a Japanese and a US cross-border store live in their own days.
      const timezone = i === 7 ? 'Asia/Tokyo' : i === 13 ? 'America/Los_Angeles' : 'Asia/Shanghai';
      const categories = [cats[i % cats.length], ...(i % 3 === 0 ? [cats[(i + 3) % cats.length]] : [])];
      const [row] = await db.query(
        `INSERT INTO stores (name, platform, timezone, business_hours, sla_policy, return_policy) VALUES ($1, $2, $3, NULL, $4, $5) RETURNING id`,
        [`Bench ${String(i + 1).padStart(2, '0')} ${categories.join('+')}`, pick(['tmall', 'jd', 'douyin', 'pdd', 'taobao']), timezone, '{"firstResponseSeconds":900,"nextResponseSeconds":900,"warnBeforeSeconds":300,"resolutionHours":48}', '{"noReasonReturnDays":7,"qualityReturnDays":15,"qualityExchangeDays":15,"excludedCategories":[]}'],
      );
      const skuCount = 40 + Math.floor(random() * 300 * Math.sqrt(sizes[i] / 22));
      const skus = Array.from({ length: skuCount }, (_, k) => {
        const category = categories[k % categories.length];
        return { sku: `S${i + 1}-${category.slice(0, 3).toUpperCase()}-${String(k + 1).padStart(4, '0')}`, name: `${pick(PRODUCTS[category])} ${k + 1}号款`, category, popularity: 1 / Math.pow(k + 1, 0.8), bad: false };
      });
      // Three stores have a couple of SKUs with a manufacturing problem.
      if (i === 0 || i === 2 || i === 5) for (const k of [3, 11]) Object.assign(skus[k], { bad: true, popularity: skus[k].popularity * 3 });
      const [ch] = await db.query(`INSERT INTO channels (store_id, kind, name, secret) VALUES ($1, 'marketplace_chat', 'bench', 'bench') RETURNING id`, [row.id]);
      const conversations: { id: string; customer_id: string }[] = await db.query(
        `WITH cu AS (INSERT INTO customers (store_id, external_id, name, phone, address)
                     SELECT $1, 'bench-' || g, '买家' || g, '138' || lpad((g * 7919 % 100000000)::text, 8, '0'), '广东省深圳市南山区科技园' || g || '号' FROM generate_series(1, 500) g RETURNING id)
         INSERT INTO conversations (store_id, channel_id, customer_id, status, last_message_at) SELECT $1, $2, id, 'resolved', now() FROM cu RETURNING id, customer_id`,
        [row.id, ch.id],
      );
      const midnights = Array.from({ length: DAYS }, (_, d) => DateTime.fromISO(firstDay.plus({ days: d }).toISODate()!, { zone: timezone }).toMillis());
      const causeBias = CAUSE_CODES.map(() => Math.exp((random() - 0.5) * 1.4));
      stores.push({ id: row.id, name: `Bench ${i + 1}`, timezone, weight: sizes[i], categories, causeBias, skus, skuCumulative: cumulate(skus.map((s) => s.popularity)), conversations: conversations.map((c) => ({ id: c.id, customerId: c.customer_id })), midnights });
    }
  }

  /** One day's tickets for all stores, in time order. */
  function* generate(): Generator<unknown[]> {
    const firstDay = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' }).startOf('day').minus({ days: DAYS - 1 });
    const seasons = Array.from({ length: DAYS }, (_, d) => season(firstDay.plus({ days: d })));
    const growth = (d: number) => 0.7 + (0.6 * d) / DAYS; // the agency grows over two years
    const dayWeights = seasons.map((s, d) => s.volume * growth(d));
    const scale = TICKETS / dayWeights.reduce((a, b) => a + b, 0);
    const storeCumulative = cumulate(stores.map((s) => s.weight));
    let made = 0;
    let carry = 0;
    for (let d = 0; d < DAYS; d++) {
      const exact = dayWeights[d] * scale + carry;
      const n = d === DAYS - 1 ? TICKETS - made : Math.floor(exact);
      carry = exact - n;
      made += n;
      const rows: unknown[][] = [];
      for (let k = 0; k < n; k++) {
        const store = stores[draw(storeCumulative)];
        const minute = draw(HOURS) * 60 + Math.floor(random() * 60);
        const createdAt = store.midnights[d] + minute * 60_000 + Math.floor(random() * 60_000);
        if (createdAt > now.getTime()) continue;
        const first = store.skus[draw(store.skuCumulative)];
        const items = [first];
        while (items.length < 3 && random() < (items.length === 1 ? 0.25 : 0.3)) items.push(store.skus[draw(store.skuCumulative)]);
        const weights = CAUSES_BY_CATEGORY[first.category].map((w, c) => w * store.causeBias[c] * (seasons[d].bias[CAUSE_CODES[c]] ?? 1) * (first.bad && c === 0 ? 8 : 1));
        const truth = CAUSE_CODES[draw(cumulate(weights))];
        const types = TYPES_BY_CAUSE[truth];
        const type = types[draw(cumulate(types.map((t) => t[1])))][0];
        // 2% never classified; 70% the classifier's cause; 20% confirmed by an agent; 8% corrected.
        const r = random();
        const [cause, source, suggested] =
          r < 0.02 ? [null, null, null] : r < 0.72 ? [truth, 'auto', truth] : r < 0.92 ? [truth, 'agent', truth] : [truth, 'agent', pick(CAUSE_CODES.filter((c) => c !== truth))];
        const conv = pick(store.conversations);
        const age = now.getTime() - createdAt;
        rows.push([
          store.id,
          conv.id,
          conv.customerId,
          type,
          age > 20 * 86_400_000 ? 'closed' : pick(['requested', 'approved', 'awaiting_return', 'refunded', 'closed']),
          REASONS[truth] ?? '有问题,请处理',
          cause,
          source,
          suggested,
          JSON.stringify(items.map((it) => ({ sku: it.sku, name: it.name, category: it.category, qty: 1, price: 99 }))),
          new Date(createdAt),
        ]);
      }
      rows.sort((a, b) => (a[10] as Date).getTime() - (b[10] as Date).getTime());
      for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
    }
  }

  async function insert(rows: unknown[][]) {
    const col = (i: number) => rows.map((r) => r[i]);
    await db.query(
      `INSERT INTO tickets (store_id, conversation_id, customer_id, type, status, customer_reason, cause, cause_source, suggested_cause, items, created_at, updated_at, policy_decision, total_paid)
       SELECT s, cv, cu, ty, st, re, ca, so, su, it, at, at, '{"eligible":true,"rule":"bench","reason":"bench","returnShippingPaidBy":"seller","daysSinceDelivery":null,"windowEndsOn":null,"decidedAt":"2026-01-01T00:00:00Z"}', 99
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[]) AS x(s, cv, cu, ty, st, re, ca, so, su, it, at)`,
      Array.from({ length: 11 }, (_, i) => col(i)),
    );
  }

  async function time(path: string, runs = RUNS): Promise<{ p50: number; p99: number; body: any }> {
    const get = async () => {
      const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
      const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    for (let i = 0; i < 3; i++) await get(); // warm up
    const ms: number[] = [];
    let body: any;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      body = await get();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return { p50: percentile(ms, 0.5), p99: percentile(ms, 0.99), body };
  }

  it(`breaks ${fmt(TICKETS)} tickets down by store and by week for a year with p50 < 200 ms`, async () => {
    let t = performance.now();
    let inserted = 0;
    let insertMs = 0;
    for (const rows of generate()) {
      const t0 = performance.now();
      await insert(rows);
      insertMs += performance.now() - t0;
      inserted += rows.length;
    }
    const totalS = (performance.now() - t) / 1000;
    const insertS = insertMs / 1000;
    t = performance.now();
    await db.query('VACUUM (ANALYZE) tickets, ticket_cause_rollup, ticket_item_rollup');
    const vacuumS = (performance.now() - t) / 1000;
    const [sizes] = await db.query(
      `SELECT (SELECT count(*) FROM ticket_cause_rollup) AS causes, (SELECT count(*) FROM ticket_item_rollup WHERE kind = 'sku') AS skus,
              (SELECT count(*) FROM ticket_item_rollup WHERE kind = 'category') AS categories, pg_size_pretty(pg_total_relation_size('tickets')) AS tickets_size`,
    );
    // The rollups the triggers kept must equal a rebuild from scratch.
    const snapshot = async () => (await db.query(`SELECT md5(string_agg(r::text, ',' ORDER BY r::text)) AS h FROM (SELECT store_id, grain, period, type, cause_source, cause, tickets, suggested, corrected, '' AS item FROM ticket_cause_rollup WHERE tickets <> 0 UNION ALL SELECT store_id, grain, period, '', '', cause, tickets, 0, 0, kind || ':' || key || ':' || name FROM ticket_item_rollup WHERE tickets <> 0) r`))[0].h;
    const before = await snapshot();
    t = performance.now();
    await rebuildRollups(db);
    const rebuildS = (performance.now() - t) / 1000;
    expect(await snapshot()).toBe(before);
    await db.query('VACUUM (ANALYZE) ticket_cause_rollup, ticket_item_rollup');

    const to = now.toISOString();
    const from = new Date(now.getTime() - 365 * 86_400_000).toISOString();
    const q = (extra: string) => `/api/analytics/causes?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${extra}`;
    const byStore = await time(q('&groupBy=store'));
    const byWeek = await time(q('&groupBy=week'));
    const others = {
      'no groupBy': await time(q(''), 30),
      month: await time(q('&groupBy=month'), 30),
      day: await time(q('&groupBy=day'), 30),
      'sku (top 100)': await time(q('&groupBy=sku'), 30),
      category: await time(q('&groupBy=category'), 30),
      'week, type=return, causeSource=agent': await time(q('&groupBy=week&type=return&causeSource=agent'), 30),
      'week, one store': await time(q(`&groupBy=week&storeId=${stores[0].id}`), 30),
    };
    // The same figures straight from tickets, for comparison (what the rollup saves).
    const direct: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await db.query(
        `SELECT t.store_id, to_char(date_trunc('week', (t.created_at AT TIME ZONE s.timezone)::date), 'YYYY-MM-DD'), t.cause, count(*)
         FROM tickets t JOIN stores s ON s.id = t.store_id WHERE t.created_at >= $1 AND t.created_at < $2 GROUP BY 1, 2, 3`,
        [from, to],
      );
      direct.push(performance.now() - t0);
    }
    direct.sort((a, b) => a - b);
    const week = byWeek.body.groups.find((g: { total: number }) => g.total > 0);
    const drill = await time(`/api/analytics/tickets?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&week=${week.week}&cause=${byWeek.body.items.find((i: { week: string }) => i.week === week.week).cause}`, 30);
    t = performance.now();
    const csv = await fetch(`${url}/api/analytics/tickets.csv?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&week=${week.week}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.text());
    const csvMs = performance.now() - t;
    const csvRows = csv.split('\r\n').length - 2;

    console.log(
      [
        `root-cause analytics: ${fmt(inserted)} tickets, ${stores.length} stores, ${DAYS} days`,
        `  generated and inserted in ${fmt(totalS, 1)} s = ${fmt(inserted / totalS)} tickets/s; of which INSERT with the rollup triggers ${fmt(insertS, 1)} s = ${fmt(inserted / insertS)} tickets/s (one statement per day, ≤ ${fmt(BATCH)} rows); VACUUM ANALYZE ${fmt(vacuumS, 1)} s`,
        `  rollups (day + week + month): ${fmt(Number(sizes.causes))} cause rows, ${fmt(Number(sizes.skus))} sku rows, ${fmt(Number(sizes.categories))} category rows (tickets table ${sizes.tickets_size}); rebuild from tickets ${fmt(rebuildS, 1)} s, identical to the triggers' result`,
        `  one year (${fmt(byWeek.body.total)} tickets), HTTP as analyst, ${RUNS} runs each:`,
        `    groupBy=store   p50 ${fmt(byStore.p50, 1)} ms, p99 ${fmt(byStore.p99, 1)} ms`,
        `    groupBy=week    p50 ${fmt(byWeek.p50, 1)} ms, p99 ${fmt(byWeek.p99, 1)} ms`,
        ...Object.entries(others).map(([name, r]) => `    ${name.padEnd(15)} p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms (30 runs)`),
        `  for comparison, by store and week straight from tickets (SQL only): p50 ${fmt(percentile(direct, 0.5))} ms`,
        `  drill-down to the tickets of one week and cause: p50 ${fmt(drill.p50, 1)} ms, p99 ${fmt(drill.p99, 1)} ms (${fmt(drill.body.total)} tickets, first page)`,
        `  tickets.csv of one week: ${fmt(csvRows)} rows in ${fmt(csvMs)} ms`,
      ].join('\n'),
    );
    expect(byStore.body.total).toBe(byWeek.body.total);
    expect(byStore.p50).toBeLessThan(200);
    expect(byWeek.p50).toBeLessThan(200);
  });
});
