import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RoutingModule } from '../../apps/server/src/routing/routing.module.js';
import { RoutingService } from '../../apps/server/src/routing/routing.service.js';
import { makeAgent, makeConversation, makeStore, startMedium, type Medium } from '../support/medium.js';

describe('routing (medium: RoutingModule on PostgreSQL, no HTTP)', () => {
  let m: Medium;
  let routing: RoutingService;

  beforeAll(async () => {
    m = await startMedium(RoutingModule);
    routing = m.app.get(RoutingService);
  });
  afterAll(() => m.close());

  const assigneeOf = async (id: string) => (await m.db.query(`SELECT assignee_id FROM conversations WHERE id = $1`, [id]))[0].assignee_id;

  it('gives a chat two agents take at the same instant to exactly one of them', async () => {
    const s = await makeStore(m.db);
    const [a, b] = [await makeAgent(m.db, [s.storeId]), await makeAgent(m.db, [s.storeId])];
    for (let round = 0; round < 10; round++) {
      const { conversationId } = await makeConversation(m.db, s);
      const taken = await Promise.all([routing.assign(conversationId, { available: [a] }), routing.assign(conversationId, { available: [b] })]);
      const winners = taken.filter((t) => t !== null);
      expect(winners).toHaveLength(1);
      expect(await assigneeOf(conversationId)).toBe(winners[0]);
    }
  });

  it('holds maxConcurrent when many chats are assigned to one agent at once', async () => {
    const s = await makeStore(m.db);
    const agent = await makeAgent(m.db, [s.storeId], 3);
    const chats = await Promise.all(Array.from({ length: 12 }, () => makeConversation(m.db, s)));
    const results = await Promise.all(chats.map((c) => routing.assign(c.conversationId, { available: [agent] })));
    expect(results.filter((r) => r === agent)).toHaveLength(3);
    const [{ n }] = await m.db.query(`SELECT count(*)::int n FROM conversations WHERE assignee_id = $1 AND status = 'open'`, [agent]);
    expect(n).toBe(3);
  });
});
