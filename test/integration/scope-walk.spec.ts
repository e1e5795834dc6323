import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDesk, type Desk } from '../support/desk.js';
import { http } from '../support/client.js';
import { bodiesOf, operations, pathWith, queriesOf, type Fill, type Operation } from '../support/openapi.js';
import { MARKER, twoStores, type IdKind, type StoreIds, type TwoStores } from '../support/two-stores.js';

/** Which kind of id a parameter or field holds, by its name (`storeId`, `toUserId`, `conversationId`…). */
const KINDS: [RegExp, IdKind][] = [
  [/channel/i, 'channel'],
  [/conversation/i, 'conversation'],
  [/customer/i, 'customer'],
  [/message/i, 'message'],
  [/ticket/i, 'ticket'],
  [/article/i, 'article'],
  [/report/i, 'report'],
  [/user|assignee|agent|actor/i, 'user'],
  [/store/i, 'store'],
];
const kindOf = (name: string) => KINDS.find(([re]) => re.test(name))?.[1];

const fillWith = (ids: StoreIds): Fill => ({
  id: (name) => {
    const kind = kindOf(name);
    return kind && /id$/i.test(name) ? ids[kind][0] : undefined;
  },
  text: () => 'scope walk 退货',
});

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** Every request the document allows, with `ids` in the path (each of them), query and body. */
function callsOf(op: Operation, ids: StoreIds, pathIds: string[]): Call[] {
  const fill = fillWith(ids);
  const paths = op.pathParams.length ? pathIds.map((id) => pathWith(op, Object.fromEntries(op.pathParams.map((p) => [p, id])))) : [op.path];
  return paths.flatMap((path) => queriesOf(op, fill).flatMap((query) => bodiesOf(op, fill).map((body) => ({ method: op.method, url: path + query, body }))));
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: size }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

/** Flattens a JSON answer into path → value, arrays with their length, for comparing two answers. */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    out.set(`${prefix}.length`, String(value.length));
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, out);
  else out.set(prefix, JSON.stringify(value));
  return out;
}

/**
 * Issue 13, item 3: the store scope holds on every route. Walks every operation of `/api/docs-json`
 * as store A's store-limited agent, supervisor, analyst and brand (client), with store B's ids in the path, the query
 * and the body; no 2xx answer may show B's ids, names (all carry the marker LEAKB) or figures.
 */
describe('store scope on every documented route', () => {
  let desk: Desk;
  let fx: TwoStores;
  let ops: Operation[];

  beforeAll(async () => {
    desk = await startDesk({ env: { CLASSIFIER_RETRAIN_MS: String(24 * 3600_000), REPORT_SWEEP_MS: String(24 * 3600_000) } });
    fx = await twoStores(desk.url);
    ops = (await operations(desk.url)).filter((op) => op.secured);
  }, 120_000);
  afterAll(() => desk.close());

  const bIds = () => [...new Set(Object.values(fx.b.ids).flat())];

  it('walks a document that has the routes of every area', () => {
    const paths = new Set(ops.map((op) => op.path));
    for (const p of ['/api/users/{id}/reassign', '/api/analytics/conversion', '/api/sla/summary', '/api/kb/stats', '/api/reports/{id}/csv', '/api/analytics/tickets.csv', '/api/tickets/{id}/transitions'])
      expect(paths).toContain(p);
    // Query parameters are documented, so the walk puts store B's ids into them too.
    expect(ops.find((op) => op.path === '/api/analytics/conversion')!.query.map((q) => q.name)).toContain('storeId');
  });

  it("never answers 2xx with store B's ids or names, nor 5xx, whatever B ids are sent", async () => {
    const markers = bIds();
    const pathIds = [...markers, fx.shared.id];
    const failures: string[] = [];
    let calls = 0;
    for (const caller of fx.callers) {
      const all = ops.flatMap((op) => callsOf(op, fx.b.ids, pathIds));
      await inPool(all, 4, async (c) => {
        calls++;
        const r = await http(desk.url, c.method, c.url, { token: caller.token, body: c.body });
        const what = `${caller.role} ${c.method} ${c.url}${c.body === undefined ? '' : ` ${JSON.stringify(c.body).slice(0, 120)}`} → ${r.status}`;
        if (r.status >= 500) return void failures.push(`${what}: server error`);
        if (r.status >= 300) return;
        const text = (typeof r.body === 'string' ? r.body : JSON.stringify(r.body)).toLowerCase();
        const shown = [MARKER, ...markers].filter((m) => text.includes(m.toLowerCase()));
        if (shown.length) failures.push(`${what}: shows ${shown.join(', ')}`);
      });
    }
    expect(calls).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);

  it("answers A's people with the same figures however store B's data grows", async () => {
    const pathIds = [...new Set(Object.values(fx.a.ids).flat()), fx.shared.id];
    const gets = ops.filter((op) => op.method === 'GET');
    const snapshot = async () => {
      const answers = new Map<string, Map<string, string>>();
      for (const caller of fx.callers)
        await inPool(gets.flatMap((op) => callsOf(op, fx.a.ids, pathIds)), 4, async (c) => {
          const r = await http(desk.url, 'GET', c.url, { token: caller.token });
          if (r.status < 300) answers.set(`${caller.role} GET ${c.url}`, flatten(typeof r.body === 'string' ? { csv: r.body.split('\n').length } : r.body));
        });
      return answers;
    };
    const first = await snapshot();
    const again = await snapshot();
    // What moves by itself (clocks, "now", the walk's own searches) is not compared.
    const moving = new Set<string>();
    for (const [key, fields] of again) for (const [path, v] of fields) if (first.get(key)?.get(path) !== v) moving.add(`${key} ${path}`);
    for (const [key, fields] of first) for (const path of fields.keys()) if (!again.get(key)?.has(path)) moving.add(`${key} ${path}`);

    await fx.growB(3);
    const after = await snapshot();
    const changed: string[] = [];
    for (const [key, fields] of again) {
      const now = after.get(key);
      if (!now) changed.push(`${key}: no longer answered`);
      else
        for (const path of new Set([...fields.keys(), ...now.keys()]))
          if (fields.get(path) !== now.get(path) && !moving.has(`${key} ${path}`)) changed.push(`${key} ${path}: ${fields.get(path)} → ${now.get(path)}`);
    }
    expect(again.size).toBeGreaterThan(40);
    expect(changed).toEqual([]);
  }, 600_000);
});
