import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StoreScope } from '../../apps/server/src/auth/store-scope.js';
import { ConversationEntity } from '../../apps/server/src/conversation/conversation.entity.js';
import { KbArticleEntity } from '../../apps/server/src/kb/kb-article.entity.js';
import { UserEntity } from '../../apps/server/src/auth/user.entity.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

/** The scope mechanism itself, on real queries: whatever is written after it, it cannot be dropped. */
describe('StoreScope on PostgreSQL queries', () => {
  let desk: Desk;
  let a: Awaited<ReturnType<typeof storeWithAgent>>;
  let b: Awaited<ReturnType<typeof storeWithAgent>>;
  let scopeA: StoreScope;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    const admin = await login(desk.url, 'admin@demo.kefu');
    a = await storeWithAgent(desk.url, admin, 'Scope A');
    b = await storeWithAgent(desk.url, admin, 'Scope B');
    for (const s of [a, b]) for (const buyer of ['x', 'y']) await signedInbound(desk.url, s.channel, inboundBody('你好', `${buyer}-${s.store.id}`));
    await http(desk.url, 'POST', '/api/kb/articles', { token: admin, body: { storeId: b.store.id, lang: 'zh', title: 'B only', body: 'b', status: 'published' } });
    await http(desk.url, 'POST', '/api/kb/articles', { token: admin, body: { storeId: a.store.id, lang: 'zh', title: 'A only', body: 'a', status: 'published' } });
    scopeA = StoreScope.of({ role: 'supervisor', storeIds: [a.store.id] });
  });
  afterAll(() => desk.close());

  const conversations = () => desk.db.getRepository(ConversationEntity).createQueryBuilder('c');
  const storesOf = (rows: { storeId: string | null }[]) => [...new Set(rows.map((r) => r.storeId))];

  it('keeps the scope when .where() replaces the conditions or .orWhere() widens them, before or after', async () => {
    expect(storesOf(await scopeA.apply(conversations(), 'c.storeId').where('TRUE').getMany())).toEqual([a.store.id]);
    expect(storesOf(await scopeA.apply(conversations(), 'c.storeId').where('c.storeId = :b', { b: b.store.id }).getMany())).toEqual([]);
    expect(storesOf(await scopeA.apply(conversations(), 'c.storeId').andWhere('FALSE').orWhere('TRUE').getMany())).toEqual([a.store.id]);
    expect(storesOf(await scopeA.apply(conversations().where('TRUE'), 'c.storeId').getMany())).toEqual([a.store.id]);
    expect(await scopeA.apply(conversations(), 'c.storeId').where('TRUE').getCount()).toBe(2);
    // A clone, a page and a raw aggregate keep it too; so does a second scope on the same query.
    const qb = scopeA.apply(conversations(), 'c.storeId');
    expect(storesOf(await qb.clone().where('TRUE').orderBy('c.createdAt').take(5).getMany())).toEqual([a.store.id]);
    expect(await qb.clone().where('TRUE').select('c.store_id AS store, count(*)::int AS n').groupBy('1').getRawMany()).toEqual([{ store: a.store.id, n: 2 }]);
    expect(await StoreScope.of({ role: 'agent', storeIds: [b.store.id] }).apply(qb.clone(), 'c.storeId').getCount()).toBe(0);
  });

  it('sees nothing with no stores, everything unrestricted', async () => {
    expect(await StoreScope.of({ role: 'agent', storeIds: [] }).apply(conversations(), 'c.storeId').where('TRUE').getCount()).toBe(0);
    expect(storesOf(await StoreScope.of({ role: 'admin', storeIds: [] }).apply(conversations(), 'c.storeId').getMany())).toEqual(expect.arrayContaining([a.store.id, b.store.id]));
  });

  it('shows global rows to everyone and store rows within the scope, whatever follows', async () => {
    const titles = (await scopeA.applyWithGlobal(desk.db.getRepository(KbArticleEntity).createQueryBuilder('a'), 'a.storeId').where('TRUE').getMany()).map((x) => x.title);
    expect(titles).toContain('A only');
    expect(titles).not.toContain('B only');
    expect(titles.length).toBeGreaterThan(1); // the demo seed's global articles
  });

  it('limits users to those sharing a store (and oneself), whatever follows', async () => {
    const users = desk.db.getRepository(UserEntity).createQueryBuilder('u');
    const names = (await scopeA.applyToMembers(users, 'u.storeIds', b.agent.id).where('TRUE').orWhere('TRUE').getMany()).map((u) => u.id);
    expect(names.sort()).toEqual([a.agent.id, b.agent.id].sort());
  });

  it('gives raw SQL the same condition', async () => {
    const params: unknown[] = [];
    const rows = await desk.db.query(`SELECT DISTINCT store_id FROM conversations WHERE ${scopeA.sql('store_id', params)}`, params);
    expect(rows).toEqual([{ store_id: a.store.id }]);
  });
});
