import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { User } from '@kefu/contracts';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, sleep, storeWithAgent, waitFor } from '../support/client.js';

/** Issue 13, item 3: what a store-limited supervisor or analyst does must stay inside their stores. */
describe('store scoping of people, reassignment, presence and knowledge-base gaps', () => {
  let desk: Desk;
  let admin: string;
  let a: Awaited<ReturnType<typeof storeWithAgent>>;
  let b: Awaited<ReturnType<typeof storeWithAgent>>;

  const user = async (role: User['role'], storeIds: string[], name = `${role} ${randomUUID().slice(0, 6)}`) => {
    const email = `${randomUUID().slice(0, 8)}@scope.test`;
    const r = await http<User>(desk.url, 'POST', '/api/users', { token: admin, body: { email, name, password: 'scope-pass-1', role, storeIds, languages: ['zh', 'en'] } });
    expect(r.status).toBe(201);
    return { user: r.body, token: await login(desk.url, email, 'scope-pass-1') };
  };
  const chat = async (s: typeof a, buyer: string) => (await signedInbound(desk.url, s.channel, inboundBody('你好,在吗', buyer))).body.conversationId as string;
  const assign = (conversationId: string, assigneeId: string) => http(desk.url, 'POST', `/api/conversations/${conversationId}/assign`, { token: admin, body: { assigneeId } });
  const assigneeOf = async (id: string) => (await http(desk.url, 'GET', `/api/conversations/${id}`, { token: admin })).body.assigneeId;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    a = await storeWithAgent(desk.url, admin, 'Scope A');
    b = await storeWithAgent(desk.url, admin, 'Scope B');
  });
  afterAll(() => desk.close());

  it("moves a shared agent's conversations of the supervisor's stores only, and only to agents who serve them", async () => {
    const supA = await user('supervisor', [a.store.id]);
    const shared = await user('agent', [a.store.id, b.store.id]);
    const inA = await chat(a, `a-${randomUUID()}`);
    const inB = await chat(b, `b-${randomUUID()}`);
    for (const c of [inA, inB]) expect((await assign(c, shared.user.id)).status).toBe(201);

    // Not to store B's agent, who cannot see store A's conversations; nothing moves.
    const toB = await http(desk.url, 'POST', `/api/users/${shared.user.id}/reassign`, { token: supA.token, body: { toUserId: b.agent.id } });
    expect(toB.status).toBe(400);
    expect(toB.body.fields).toHaveProperty('toUserId');
    expect(await assigneeOf(inA)).toBe(shared.user.id);

    const toA = await http(desk.url, 'POST', `/api/users/${shared.user.id}/reassign`, { token: supA.token, body: { toUserId: a.agent.id } });
    expect(toA.status).toBe(201);
    expect(toA.body.moved).toEqual([inA]);
    expect(await assigneeOf(inA)).toBe(a.agent.id);
    expect(await assigneeOf(inB)).toBe(shared.user.id);

    // Back to the queue: still only store A's. And store B's own agent is not theirs to empty.
    await assign(inA, shared.user.id);
    expect((await http(desk.url, 'POST', `/api/users/${shared.user.id}/reassign`, { token: supA.token, body: { toUserId: null } })).body.moved).toEqual([inA]);
    expect(await assigneeOf(inB)).toBe(shared.user.id);
    expect((await http(desk.url, 'POST', `/api/users/${b.agent.id}/reassign`, { token: supA.token, body: { toUserId: null } })).status).toBe(404);
  });

  it("lists colleagues without another store's agents, nor another store's ids in a colleague's stores", async () => {
    const supA = await user('supervisor', [a.store.id]);
    const shared = await user('agent', [a.store.id, b.store.id]);
    for (const path of ['/api/users', '/api/presence']) {
      const items: User[] = (await http(desk.url, 'GET', path, { token: supA.token })).body.items;
      expect(items.map((u) => u.id)).not.toContain(b.agent.id);
      expect(items.find((u) => u.id === shared.user.id)?.storeIds).toEqual([a.store.id]);
      expect(items.flatMap((u) => u.storeIds)).not.toContain(b.store.id);
    }
    const agentView: User[] = (await http(desk.url, 'GET', '/api/users', { token: a.agentToken })).body.items;
    expect(agentView.find((u) => u.id === shared.user.id)?.storeIds).toEqual([a.store.id]);
    expect((await http(desk.url, 'GET', `/api/users?storeId=${b.store.id}`, { token: supA.token })).status).toBe(404);
    // The unrestricted supervisor sees everything.
    const all: User[] = (await http(desk.url, 'GET', '/api/users', { token: await login(desk.url, 'supervisor@demo.kefu') })).body.items;
    expect(all.find((u) => u.id === shared.user.id)?.storeIds.sort()).toEqual([a.store.id, b.store.id].sort());
  });

  it("tells a store-limited supervisor of the presence of their stores' agents only, naming only their stores", async () => {
    const supA = await user('supervisor', [a.store.id]);
    const shared = await user('agent', [a.store.id, b.store.id]);
    const watcherA = await deskSocket(desk.url, supA.token);
    const watcherAll = await deskSocket(desk.url, await login(desk.url, 'supervisor@demo.kefu'));
    const agentB = await deskSocket(desk.url, b.agentToken);
    const sharedSocket = await deskSocket(desk.url, shared.token);
    const presence = (w: typeof watcherA, userId: string) => w.events.filter((e) => e.name === 'agent.presence' && e.payload.userId === userId);
    await waitFor(() => presence(watcherAll, b.agent.id).length > 0 && presence(watcherAll, shared.user.id).length > 0, 5000, 'presence events');
    await waitFor(() => presence(watcherA, shared.user.id).length > 0, 5000, "the shared agent's presence");
    await sleep(200); // a window for a stray event: the api published during the request (no worker here), over Redis pub/sub
    for (const s of [watcherA, watcherAll, agentB, sharedSocket]) s.socket.close();
    expect(presence(watcherA, b.agent.id)).toEqual([]);
    expect(presence(watcherA, shared.user.id).map((e) => e.payload)).toEqual([{ userId: shared.user.id, name: shared.user.name, presence: 'online', storeIds: [a.store.id] }]);
    expect(presence(watcherAll, shared.user.id)[0].payload.storeIds.sort()).toEqual([a.store.id, b.store.id].sort());
    expect(watcherA.events.flatMap((e) => JSON.stringify(e.payload))).not.toContain(b.store.id);
  });

  it("does not show a question asked without a store to other stores' supervisors", async () => {
    const supA = await user('supervisor', [a.store.id]);
    const supB = await user('supervisor', [b.store.id]);
    const question = `冥王星 火山 熔岩 ${randomUUID().slice(0, 6)}`;
    expect((await http(desk.url, 'GET', `/api/kb/search?q=${encodeURIComponent(question)}`, { token: b.agentToken })).body.items).toEqual([]);
    const gapsOf = async (token: string) => ((await http(desk.url, 'GET', '/api/kb/stats?limit=50', { token })).body.gaps as { query: string; storeId: string | null }[]).filter((g) => g.query.includes('冥王星'));
    // Store B's agent serves only store B: the question is store B's.
    await waitFor(async () => (await gapsOf(supB.token)).length > 0, 5000, 'the gap');
    expect((await gapsOf(supB.token)).map((g) => g.storeId)).toEqual([b.store.id]);
    expect(await gapsOf(supA.token)).toEqual([]);
  });

  it('keeps a store-limited admin to their stores: no users beyond them, no desk-wide audit, no stores of their own making', async () => {
    const adminA = await user('admin', [a.store.id]);
    const post = (body: Record<string, unknown>) => http(desk.url, 'POST', '/api/users', { token: adminA.token, body: { email: `${randomUUID().slice(0, 8)}@scope.test`, name: 'New', password: 'scope-pass-1', ...body } });
    expect((await post({ role: 'supervisor', storeIds: [] })).body.fields).toHaveProperty('storeIds'); // "every store"
    expect((await post({ role: 'agent', storeIds: [b.store.id] })).body.fields).toHaveProperty('storeIds');
    expect((await post({ role: 'agent', storeIds: [a.store.id] })).status).toBe(201);
    // The desk's own admin and store B's agent are not theirs to change.
    const me = (await http(desk.url, 'GET', '/api/auth/me', { token: admin })).body;
    expect((await http(desk.url, 'PATCH', `/api/users/${me.id}`, { token: adminA.token, body: { password: 'taken-over-1' } })).status).toBe(404);
    expect((await http(desk.url, 'PATCH', `/api/users/${b.agent.id}`, { token: adminA.token, body: { name: 'x' } })).status).toBe(404);
    // A shared agent keeps the stores the admin cannot see, whatever the admin sends.
    const shared = await user('agent', [a.store.id, b.store.id]);
    const patched = await http(desk.url, 'PATCH', `/api/users/${shared.user.id}`, { token: adminA.token, body: { storeIds: [a.store.id], maxConcurrent: 3 } });
    expect(patched.status).toBe(200);
    expect(patched.body.storeIds).toEqual([a.store.id]);
    const [row] = await desk.db.query('SELECT store_ids FROM users WHERE id = $1', [shared.user.id]);
    expect(row.store_ids.sort()).toEqual([a.store.id, b.store.id].sort());
    expect((await http(desk.url, 'GET', '/api/audit', { token: adminA.token })).status).toBe(403);
    expect((await http(desk.url, 'POST', '/api/stores', { token: adminA.token, body: { name: 'Own', platform: 'jd' } })).status).toBe(403);
  });
});
