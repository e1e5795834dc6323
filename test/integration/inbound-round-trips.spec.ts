import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, waitFor } from '../support/client.js';

/**
 * The webhook's request path on a promotion day is the desk's hot path: every PostgreSQL and Redis round trip
 * of one customer message is counted here (queries sent by any pg client, commands sent by any ioredis
 * client of the process), for the message that opens a conversation and routes it, and for a follow-up.
 */
describe('round trips of one customer message', () => {
  let desk: Desk;
  let admin: string;
  const sockets: Socket[] = [];
  const counts = { pg: 0, redis: 0, sql: [] as string[] };
  const pgQuery = pg.Client.prototype.query;
  const redisSend = Redis.prototype.sendCommand;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      counts.pg++;
      const q = args[0] as string | { text?: string };
      counts.sql.push((typeof q === 'string' ? q : (q?.text ?? '')).replace(/\s+/g, ' ').slice(0, 120));
      return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pgQuery;
    Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
      counts.redis++;
      return redisSend.apply(this, args);
    };
  });
  afterAll(async () => {
    pg.Client.prototype.query = pgQuery;
    Redis.prototype.sendCommand = redisSend;
    for (const s of sockets) s.close();
    await desk.close();
  });

  const measured = async <T>(work: () => Promise<T>) => {
    counts.pg = 0;
    counts.redis = 0;
    counts.sql = [];
    const result = await work();
    return { result, pg: counts.pg, redis: counts.redis, sql: [...counts.sql] };
  };

  it('a new conversation, routed to an online agent, and a follow-up message', async () => {
    const store = (await http(desk.url, 'POST', '/api/stores', { token: admin, body: { name: `Hot ${randomUUID().slice(0, 6)}`, platform: 'tmall', businessHours: null } })).body;
    const channel = (await http(desk.url, 'POST', `/api/stores/${store.id}/channels`, { token: admin, body: { kind: 'marketplace_chat', name: 'chat' } })).body;
    const email = `hot-${randomUUID().slice(0, 8)}@example.test`;
    const agent = (await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: 'Hot agent', password: 'agent-pass-1', role: 'agent', storeIds: [store.id], languages: ['zh', 'en'], maxConcurrent: 10 } })).body;
    const live = await deskSocket(desk.url, await login(desk.url, email, 'agent-pass-1'));
    sockets.push(live.socket);
    // Warm the channel cache and the connection pool with another customer's message.
    await signedInbound(desk.url, channel, inboundBody('你好', `warm-${randomUUID()}`));
    await waitFor(async () => ((await desk.db.query(`SELECT 1 FROM conversations WHERE assignee_id = $1`, [agent.id])).length ? true : undefined), 5000, 'warm-up routed');

    const first = await measured(() => signedInbound(desk.url, channel, inboundBody('在吗？这件外套有M码吗', `buyer-${randomUUID()}`)));
    expect(first.result.status).toBe(202);
    const routed = await desk.db.query(`SELECT assignee_id FROM conversations WHERE id = $1`, [first.result.body.conversationId]);
    expect(routed[0].assignee_id).toBe(agent.id);
    const customer = (await desk.db.query(`SELECT external_id FROM customers c JOIN conversations v ON v.customer_id = c.id WHERE v.id = $1`, [first.result.body.conversationId]))[0].external_id;
    const next = await measured(() => signedInbound(desk.url, channel, inboundBody('急用，今天能发吗', customer)));
    expect(next.result.status).toBe(202);
    expect(next.result.body.conversationId).toBe(first.result.body.conversationId);

    // One fact, one event: the follow-up changed nothing but the last activity, so its message.created
    // carries the conversation (preview and time) and no conversation.updated follows. The first message
    // says both facts: a conversation (routed: with its assignee) and a message.
    const events = (id: string) => live.events.filter((e) => e.payload?.conversationId === id || e.payload?.id === id).map((e) => e.name);
    await waitFor(() => (events(first.result.body.conversationId).length >= 3 ? true : undefined), 5000, 'the three events');
    const shown = events(first.result.body.conversationId);
    expect(shown).toEqual(['conversation.created', 'message.created', 'message.created']);
    const followUp = live.events.filter((e) => e.name === 'message.created' && e.payload.conversationId === first.result.body.conversationId)[1].payload;
    expect(followUp.conversation).toMatchObject({ id: first.result.body.conversationId, assigneeId: agent.id, lastMessagePreview: '急用，今天能发吗', lastMessageAt: followUp.createdAt });

    process.stdout.write(`round trips: new routed conversation pg ${first.pg} redis ${first.redis}; follow-up pg ${next.pg} redis ${next.redis}\n`);
    // Before the routing moved into the inbound transaction: 19 and 8 PostgreSQL round trips.
    // New: channel, BEGIN, customer, conversation looked up then inserted, message, response timer, conversation, agent chosen, assigned, COMMIT.
    expect(first.pg <= 11 ? 'at most 11' : first.sql).toBe('at most 11'); // on failure: the statements sent
    expect(first.redis).toBeLessThanOrEqual(7);
    // Follow-up: channel, BEGIN, customer, conversation locked, message, conversation, COMMIT.
    expect(next.pg <= 7 ? 'at most 7' : next.sql).toBe('at most 7');
    expect(next.redis).toBeLessThanOrEqual(4);
  });
});
