import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { MaskKbGaps1796170600000 } from '../../apps/server/src/database/migrations/1796170600000-MaskKbGaps.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

/** Issue 13, item 9 (knowledge-base half): the questions nothing answered are kept without customers' personal data. */
describe('knowledge-base gaps without personal data', () => {
  let desk: Desk;
  let admin: string;
  let s: Awaited<ReturnType<typeof storeWithAgent>>;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    s = await storeWithAgent(desk.url, admin, 'Gaps', { businessHours: null });
  });
  afterAll(() => desk.close());

  const gaps = async () => ((await http(desk.url, 'GET', `/api/kb/stats?storeId=${s.store.id}&limit=50`, { token: admin })).body.gaps as { query: string; count: number }[]).map((g) => g.query);

  it('masks phones, e-mails, addresses and names before a searched or suggested question is stored', async () => {
    const tag = randomUUID().slice(0, 4);
    const searched = `冥王星 ${tag} 我叫王小明 手机 13812345678 邮箱 xiaoming.wang@example.com 寄到广东省深圳市南山区科苑路15号3栋501室`;
    expect((await http(desk.url, 'GET', `/api/kb/search?q=${encodeURIComponent(searched)}&storeId=${s.store.id}`, { token: s.agentToken })).body.items).toEqual([]);
    // A suggestion for a conversation: the customer's own name is masked wherever it appears.
    const customer = { externalId: `gap-${randomUUID()}`, name: '欧阳娜娜' };
    const chat = await signedInbound(desk.url, s.channel, { ...inboundBody(''), text: `海王星 ${tag} 欧阳娜娜 的火山熔岩`, customer });
    expect((await http(desk.url, 'GET', `/api/kb/suggest?conversationId=${chat.body.conversationId}`, { token: s.agentToken })).body.items).toEqual([]);

    const stored = await waitFor(async () => {
      const g = (await gaps()).filter((q) => q.includes(tag));
      return g.length === 2 ? g : undefined;
    }, 5000, 'both gaps');
    const all = stored.join('\n');
    for (const personal of ['13812345678', 'xiaoming.wang', '王小明', '科苑路15号', '501室', '欧阳娜娜']) expect(all).not.toContain(personal);
    expect(all).toContain('138****5678');
    expect(all).toContain('广东省深圳市****');
    expect(all).toContain('欧*');
    expect(all).toContain('冥王星'); // the question itself stays
  });

  it('masks the gaps stored before, merging those that become one question', async () => {
    const tag = randomUUID().slice(0, 4);
    await desk.db.query(
      `INSERT INTO kb_gaps (store_id, lang, query, count, first_seen_at, last_seen_at) VALUES
         ($1, 'zh', $2, 2, now() - interval '3 days', now() - interval '2 days'),
         ($1, 'zh', $3, 5, now() - interval '5 days', now() - interval '1 day'),
         ($1, 'en', $4, 1, now(), now())`,
      [s.store.id, `改地址 ${tag} 13812345678`, `改地址 ${tag} 13800005678`, `my name is anna ${tag}, call me`],
    );
    await new MaskKbGaps1796170600000().up(desk.db.createQueryRunner());
    const rows = await desk.db.query(
      `SELECT lang, query, count, first_seen_at < now() - interval '4 days' AS first_kept, last_seen_at > now() - interval '36 hours' AS last_kept
       FROM kb_gaps WHERE store_id = $1 AND query LIKE $2 ORDER BY lang`,
      [s.store.id, `%${tag}%`],
    );
    expect(rows).toEqual([
      { lang: 'en', query: `my name is a* ${tag}, call me`, count: 1, first_kept: false, last_kept: true },
      { lang: 'zh', query: `改地址 ${tag} 138****5678`, count: 7, first_kept: true, last_kept: true },
    ]);
  });
});
