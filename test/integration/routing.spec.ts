import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { createApi } from '../../apps/server/src/bootstrap.js';
import { RoutingSweeper } from '../../apps/server/src/routing/routing-sweeper.service.js';
import { startDesk, type Desk } from '../support/desk.js';
import { drainQueues } from '../support/queues.js';
import { deskSocket, http, inboundBody, login, signedInbound, sleep, waitFor } from '../support/client.js';

const GRACE_MS = 800;
const REBALANCE_MS = 1200;

describe('routing, presence and the collision guard', () => {
  let desk: Desk;
  let admin: string;
  let supervisor: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    desk = await startDesk({ env: { PRESENCE_GRACE_MS: String(GRACE_MS), REBALANCE_AFTER_MS: String(REBALANCE_MS), PRESENCE_HEARTBEAT_MS: '500' } });
    admin = await login(desk.url, 'admin@demo.kefu');
    supervisor = await login(desk.url, 'supervisor@demo.kefu');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await desk.close();
  });

  /** A store with a channel; agents are added with `agent()`. */
  async function store(name: string, fields: Record<string, unknown> = {}) {
    const s = (await http(desk.url, 'POST', '/api/stores', { token: admin, body: { name: `${name} ${randomUUID().slice(0, 6)}`, platform: 'jd', businessHours: null, ...fields } })).body;
    const channel = (await http(desk.url, 'POST', `/api/stores/${s.id}/channels`, { token: admin, body: { kind: 'marketplace_chat', name: 'chat' } })).body;
    return { store: s, channel };
  }

  async function agent(storeIds: string[], opts: { languages?: string[]; maxConcurrent?: number; online?: boolean } = {}) {
    const email = `a-${randomUUID().slice(0, 8)}@example.test`;
    const user = (
      await http(desk.url, 'POST', '/api/users', {
        token: admin,
        body: { email, name: email.slice(0, 10), password: 'agent-pass-1', role: 'agent', storeIds, languages: opts.languages ?? ['zh', 'en'], maxConcurrent: opts.maxConcurrent ?? 10 },
      })
    ).body;
    const token = await login(desk.url, email, 'agent-pass-1');
    let live: Awaited<ReturnType<typeof deskSocket>> | null = null;
    if (opts.online !== false) {
      live = await deskSocket(desk.url, token);
      sockets.push(live.socket);
    }
    return { user, token, live };
  }

  const assigneeCounts = async (storeId: string) => {
    const rows: { assignee_id: string | null; n: number }[] = await desk.db.query(
      `SELECT assignee_id, count(*)::int n FROM conversations WHERE store_id = $1 AND status = 'open' GROUP BY 1`,
      [storeId],
    );
    return new Map(rows.map((r) => [r.assignee_id, r.n]));
  };
  const assigneeOf = async (conversationId: string) => (await desk.db.query(`SELECT assignee_id FROM conversations WHERE id = $1`, [conversationId]))[0].assignee_id;

  it('spreads load: 30 conversations over 3 online agents with maxConcurrent 10 → 10 each', async () => {
    const { store: s, channel } = await store('Spread');
    const agents = await Promise.all([1, 2, 3].map(() => agent([s.id], { maxConcurrent: 10 })));
    for (let i = 0; i < 30; i++) expect((await signedInbound(desk.url, channel, inboundBody(`问题 ${i}`, `buyer-spread-${i}`))).status).toBe(202);
    const counts = await assigneeCounts(s.id);
    expect(agents.map((a) => counts.get(a.user.id))).toEqual([10, 10, 10]);
    expect(counts.get(null)).toBeUndefined();
  });

  it('respects store and language; an away or offline agent gets nothing', async () => {
    const { store: s, channel } = await store('Lang');
    const other = await store('Elsewhere');
    const zh = await agent([s.id], { languages: ['zh'] });
    const en = await agent([s.id], { languages: ['en'] });
    const elsewhere = await agent([other.store.id], { languages: ['zh', 'en'] });
    const away = await agent([s.id], { languages: ['zh', 'en'] });
    expect((await http(desk.url, 'POST', '/api/presence', { token: away.token, body: { status: 'away' } })).body.presence).toBe('away');
    const offline = await agent([s.id], { languages: ['zh', 'en'], online: false });

    for (let i = 0; i < 4; i++) {
      const c = await signedInbound(desk.url, channel, inboundBody(`请问有货吗 ${i}`, `buyer-zh-${i}`));
      expect(await assigneeOf(c.body.conversationId)).toBe(zh.user.id);
      const e = await signedInbound(desk.url, channel, inboundBody(`Is this in stock? ${i}`, `buyer-en-${i}`));
      expect(await assigneeOf(e.body.conversationId)).toBe(en.user.id);
    }
    const counts = await assigneeCounts(s.id);
    for (const nobody of [elsewhere, away, offline]) expect(counts.get(nobody.user.id)).toBeUndefined();

    const list = await http(desk.url, 'GET', '/api/presence', { token: supervisor });
    const presence = new Map(list.body.items.map((u: { id: string; presence: string }) => [u.id, u.presence]));
    expect([presence.get(zh.user.id), presence.get(away.user.id), presence.get(offline.user.id)]).toEqual(['online', 'away', 'offline']);
  });

  it('never exceeds maxConcurrent nor assigns twice when 20 conversations arrive at once through two api processes', async () => {
    const second = await createApi(desk.config);
    await second.listen(0, '127.0.0.1');
    const url2 = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    try {
      const { store: s, channel } = await store('Race');
      const agents = await Promise.all([1, 2, 3].map(() => agent([s.id], { maxConcurrent: 3 })));
      const watcher = await deskSocket(desk.url, supervisor);
      sockets.push(watcher.socket);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => signedInbound(i % 2 ? url2 : desk.url, channel, inboundBody(`并发 ${i}`, `buyer-race-${i}`))),
      );
      expect(answers.every((a) => a.status === 202)).toBe(true);
      const counts = await assigneeCounts(s.id);
      for (const a of agents) expect(counts.get(a.user.id)).toBe(3);
      expect(counts.get(null)).toBe(11);
      // Each conversation was given to one agent once: one assignment event per assigned conversation.
      await drainQueues(desk.worker!);
      const announced = watcher.events.filter((e) => (e.name === 'conversation.created' || e.name === 'conversation.updated') && e.payload.storeId === s.id);
      const created = announced.filter((e) => e.name === 'conversation.created');
      expect(created).toHaveLength(20);
      // One fact, one event: a conversation routed on arrival is announced once, already with its assignee (one the
      // race left in the queue is assigned by the sweep later: that is a second fact, and an update).
      const routedOnArrival = new Set(created.filter((e) => e.payload.assigneeId).map((e) => e.payload.id));
      expect(routedOnArrival.size).toBeGreaterThan(0);
      expect(announced.filter((e) => e.name === 'conversation.updated' && routedOnArrival.has(e.payload.id))).toEqual([]);
      const assignedEvents = announced.filter((e) => e.payload.assigneeId);
      const perConversation = new Map<string, Set<string>>();
      for (const e of assignedEvents) perConversation.set(e.payload.id, (perConversation.get(e.payload.id) ?? new Set()).add(e.payload.assigneeId));
      expect(perConversation.size).toBe(9);
      for (const owners of perConversation.values()) expect(owners.size).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('queues conversations when everyone is full and assigns them in arrival order as slots free', async () => {
    const { store: s, channel } = await store('Queue');
    const only = await agent([s.id], { maxConcurrent: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await signedInbound(desk.url, channel, inboundBody(`排队 ${i}`, `buyer-q-${i}`))).body.conversationId);
      await sleep(5); // the scenario: distinct arrival times
    }
    expect(await Promise.all(ids.map(assigneeOf))).toEqual([only.user.id, only.user.id, null, null, null]);
    const waiting = await http(desk.url, 'GET', `/api/conversations?storeId=${s.id}&assigneeId=none`, { token: supervisor });
    expect(waiting.body.items.every((c: { queuedAt: string | null }) => c.queuedAt !== null)).toBe(true);

    await http(desk.url, 'POST', `/api/conversations/${ids[0]}/status`, { token: only.token, body: { status: 'resolved' } });
    await waitFor(async () => ((await assigneeOf(ids[2])) === only.user.id ? true : undefined), 10000, 'the oldest waiting conversation');
    expect(await assigneeOf(ids[3])).toBeNull();
    await http(desk.url, 'POST', `/api/conversations/${ids[1]}/status`, { token: only.token, body: { status: 'resolved' } });
    await waitFor(async () => ((await assigneeOf(ids[3])) === only.user.id ? true : undefined), 10000, 'the next one');
    expect(await assigneeOf(ids[4])).toBeNull();
  });

  it('keeps chats through a reload within the grace period; past it and the hold time, they return to the queue', async () => {
    const { store: s, channel } = await store('Grace');
    const a = await agent([s.id]);
    const watcher = await deskSocket(desk.url, supervisor);
    sockets.push(watcher.socket);
    const c1 = (await signedInbound(desk.url, channel, inboundBody('一', 'buyer-g-1'))).body.conversationId;
    const c2 = (await signedInbound(desk.url, channel, inboundBody('二', 'buyer-g-2'))).body.conversationId;
    expect([await assigneeOf(c1), await assigneeOf(c2)]).toEqual([a.user.id, a.user.id]);

    a.live!.socket.close(); // a page reload
    await sleep(GRACE_MS / 3); // the scenario: back within the grace period
    const again = await deskSocket(desk.url, a.token);
    sockets.push(again.socket);
    await sleep(GRACE_MS + REBALANCE_MS + 500); // the scenario: past the grace and hold periods
    expect([await assigneeOf(c1), await assigneeOf(c2)]).toEqual([a.user.id, a.user.id]);
    expect(watcher.events.some((e) => e.name === 'agent.presence' && e.payload.userId === a.user.id && e.payload.presence === 'offline')).toBe(false);

    again.socket.close(); // gone for good
    await waitFor(() => watcher.events.find((e) => e.name === 'agent.presence' && e.payload.userId === a.user.id && e.payload.presence === 'offline'), 5000, 'offline');
    expect(await assigneeOf(c1)).toBe(a.user.id); // still held during the hold time
    await waitFor(async () => ((await assigneeOf(c1)) === null && (await assigneeOf(c2)) === null ? true : undefined), 5000, 'chats back in the queue');
    await drainQueues(desk.worker!); // the release is audited after it is made
    const audit = await http(desk.url, 'GET', `/api/audit?targetId=${c1}`, { token: admin });
    expect(audit.body.items[0]).toMatchObject({ action: 'conversation.assigned', details: { from: a.user.id, to: null, reason: 'agent offline' } });

    // A colleague coming online picks them up, oldest first.
    const b = await agent([s.id]);
    await waitFor(async () => ((await assigneeOf(c1)) === b.user.id && (await assigneeOf(c2)) === b.user.id ? true : undefined), 5000, 'reassigned');
  });

  it('guards collisions: shows who is viewing, refuses a non-assignee reply with 409 unless they take over', async () => {
    const { store: s, channel } = await store('Collide');
    const a = await agent([s.id]);
    const c = (await signedInbound(desk.url, channel, inboundBody('在吗', 'buyer-c'))).body.conversationId;
    expect(await assigneeOf(c)).toBe(a.user.id);
    const b = await agent([s.id]);

    const ack = await a.live!.socket.emitWithAck('conversation.activity', { conversationId: c, state: 'typing' });
    expect(ack).toEqual({ ok: true });
    const seen = await waitFor(() => b.live!.events.find((e) => e.name === 'conversation.activity' && e.payload.conversationId === c), 3000, 'activity');
    expect(seen.payload).toMatchObject({ userId: a.user.id, state: 'typing', storeId: s.id });

    const refused = await http(desk.url, 'POST', `/api/conversations/${c}/messages`, { token: b.token, body: { body: '我来回复' } });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/takeover/);
    expect(refused.body.assigneeId).toBe(a.user.id);
    expect((await desk.db.query(`SELECT count(*)::int n FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [c]))[0].n).toBe(0);
    const note = await http(desk.url, 'POST', `/api/conversations/${c}/messages`, { token: b.token, body: { body: '备注可以写', kind: 'note' } });
    expect(note.status).toBe(201);

    const taken = await http(desk.url, 'POST', `/api/conversations/${c}/messages`, { token: b.token, body: { body: '我来回复', takeover: true } });
    expect(taken.status).toBe(201);
    expect(await assigneeOf(c)).toBe(b.user.id);
    const bySupervisor = await http(desk.url, 'POST', `/api/conversations/${c}/messages`, { token: supervisor, body: { body: '主管补充一句' } });
    expect(bySupervisor.status).toBe(201);
    expect(await assigneeOf(c)).toBe(b.user.id);
  });

  it('lets a supervisor move all of an agent’s chats, audited', async () => {
    const { store: s, channel } = await store('Bulk');
    const a = await agent([s.id], { maxConcurrent: 5 });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await signedInbound(desk.url, channel, inboundBody(`bulk ${i}`, `buyer-b-${i}`))).body.conversationId);
    const b = await agent([s.id], { maxConcurrent: 5 });
    const moved = await http(desk.url, 'POST', `/api/users/${a.user.id}/reassign`, { token: supervisor, body: { toUserId: b.user.id } });
    expect(moved.status).toBe(201);
    expect(new Set(moved.body.moved)).toEqual(new Set(ids));
    expect(await Promise.all(ids.map(assigneeOf))).toEqual([b.user.id, b.user.id, b.user.id]);
    expect((await http(desk.url, 'POST', `/api/users/${a.user.id}/reassign`, { token: a.token, body: { toUserId: null } })).status).toBe(403);

    // Back to the queue: not straight back to the agent they were taken from, though b is online with room.
    await http(desk.url, 'POST', '/api/presence', { token: a.token, body: { status: 'away' } });
    const queued = await http(desk.url, 'POST', `/api/users/${b.user.id}/reassign`, { token: supervisor, body: { toUserId: null } });
    expect(queued.body.moved).toHaveLength(3);
    await desk.worker!.get(RoutingSweeper).runOnce(); // a worker sweep assigns nothing back
    await drainQueues(desk.worker!);
    expect(await Promise.all(ids.map(assigneeOf))).toEqual([null, null, null]);
    const me = await http(desk.url, 'GET', '/api/auth/me', { token: b.token });
    expect(me.body).toMatchObject({ presence: 'online', status: 'available' });
  });

  it('escalates a breach by reassigning to the least-loaded other online agent, when the store asks for it', async () => {
    const { store: s, channel } = await store('Escalate', {
      slaPolicy: { firstResponseSeconds: 2, nextResponseSeconds: 2, warnBeforeSeconds: 1 },
      slaEscalation: { reassign: true },
    });
    const a = await agent([s.id]);
    const c = (await signedInbound(desk.url, channel, inboundBody('超时测试', 'buyer-esc'))).body.conversationId;
    expect(await assigneeOf(c)).toBe(a.user.id);
    const b = await agent([s.id]);
    await waitFor(async () => ((await assigneeOf(c)) === b.user.id ? true : undefined), 6000, 'escalated to the other agent');
    await drainQueues(desk.worker!); // the breach job audits the reassignment after making it
    const audit = await http(desk.url, 'GET', `/api/audit?targetId=${c}`, { token: admin });
    expect(audit.body.items[0]).toMatchObject({ action: 'conversation.assigned', details: { from: a.user.id, to: b.user.id, reason: 'sla breach escalation' } });
  });
});
