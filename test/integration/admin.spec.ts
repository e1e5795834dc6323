import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { MessageEntity } from '../../apps/server/src/conversation/message.entity.js';
import { startDesk, type Desk } from '../support/desk.js';
import { FIRST_ADMIN, startEmptyProductionDesk } from '../support/empty-desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

// Setting the desk up through the API (issue 18): holidays in the SLA clock, channel secrets rotated with an overlap
// and channels disabled, invitation links, the first run of a production desk, and the audit trail of each change.

describe('admin: stores, channels, people, audit', () => {
  let desk: Desk;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    adminId = (await http(desk.url, 'GET', '/api/auth/me', { token: admin })).body.id;
  });
  afterAll(() => desk.close());

  const messagesOf = (channelId: string) => desk.db.getRepository(MessageEntity).countBy({ channelId });

  it('dues a message on a closed holiday 15 business minutes after the store reopens', async () => {
    const today = DateTime.now().setZone('Asia/Shanghai');
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '18:00' }));
    const { store, channel } = await storeWithAgent(desk.url, admin, 'Holiday', { timezone: 'Asia/Shanghai', businessHours: hours });
    const set = await http(desk.url, 'PATCH', `/api/stores/${store.id}`, { token: admin, body: { holidays: [{ date: today.toISODate(), hours: [] }] } });
    expect(set.status).toBe(200);
    expect(set.body.holidays).toEqual([{ date: today.toISODate(), hours: [] }]);

    const res = await signedInbound(desk.url, channel, inboundBody('国庆节还发货吗?'));
    expect(res.status).toBe(202);
    const conv = await http(desk.url, 'GET', `/api/conversations/${res.body.conversationId}`, { token: admin });
    const reopens = today.plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    expect(new Date(conv.body.slaDueAt).toISOString()).toBe(reopens.plus({ minutes: 15 }).toUTC().toISO());
  });

  it('refuses bad holidays naming the field, and keeps what was stored', async () => {
    const { store } = await storeWithAgent(desk.url, admin, 'Bad holidays');
    for (const [holidays, field] of [
      [[{ date: '2026-10-01', hours: [] }, { date: '2026-10-01', hours: [] }], 'holidays.1.date'],
      [[{ date: '2026-13-01', hours: [] }], 'holidays.0.date'],
      [[{ date: '2026-10-01', hours: [{ open: '25:00', close: '26:00' }] }], 'holidays.0.hours.0.open'],
      [[{ date: '2026-10-01', hours: Array.from({ length: 11 }, () => ({ open: '09:00', close: '10:00' })) }], 'holidays.0.hours'],
    ] as const) {
      const r = await http(desk.url, 'PATCH', `/api/stores/${store.id}`, { token: admin, body: { holidays } });
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.fields)).toContain(field);
    }
    expect((await http(desk.url, 'GET', `/api/stores/${store.id}`, { token: admin })).body.holidays).toEqual([]);
  });

  it('rotates a channel secret: both verify during the overlap, only the new one after it or without one', async () => {
    const { store, channel } = await storeWithAgent(desk.url, admin, 'Rotate');
    const rotated = await http(desk.url, 'POST', `/api/channels/${channel.id}/rotate-secret`, { token: admin, body: { overlapSeconds: 3600 } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^[\w-]{43}$/);
    expect(rotated.body.secret).not.toBe(channel.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(3500_000);
    const fresh = { id: channel.id, secret: rotated.body.secret as string };

    expect((await signedInbound(desk.url, channel, inboundBody('旧密钥'))).status).toBe(202);
    expect((await signedInbound(desk.url, fresh, inboundBody('新密钥'))).status).toBe(202);

    // The overlap ends: the old secret is refused, nothing stored.
    await desk.db.query(`UPDATE channels SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [channel.id]);
    const before = await messagesOf(channel.id);
    expect((await signedInbound(desk.url, channel, inboundBody('旧密钥又来了'))).status).toBe(401);
    expect((await signedInbound(desk.url, fresh, inboundBody('新密钥照常'))).status).toBe(202);
    expect(await messagesOf(channel.id)).toBe(before + 1);

    // No overlap: the old one stops at once.
    const again = await http(desk.url, 'POST', `/api/channels/${channel.id}/rotate-secret`, { token: admin, body: { overlapSeconds: 0 } });
    expect(again.body.previousSecretExpiresAt).toBeNull();
    expect((await signedInbound(desk.url, fresh, inboundBody('上一个密钥'))).status).toBe(401);
    expect((await signedInbound(desk.url, { id: channel.id, secret: again.body.secret }, inboundBody('最新密钥'))).status).toBe(202);

    // Secrets never show again: not in the list, not in the channel, not in the audit trail.
    const list = await http(desk.url, 'GET', `/api/stores/${store.id}/channels`, { token: admin });
    const one = await http(desk.url, 'GET', `/api/channels/${channel.id}`, { token: admin });
    const audit = await http(desk.url, 'GET', `/api/audit?targetId=${channel.id}`, { token: admin });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['channel.secret_rotated', 'channel.secret_rotated', 'channel.created']);
    for (const secret of [channel.secret, rotated.body.secret, again.body.secret]) {
      expect(JSON.stringify([list.body, one.body, audit.body])).not.toContain(secret);
    }
  });

  it('bounds the overlap and lets only admins of the channel’s store rotate', async () => {
    const { channel, agentToken } = await storeWithAgent(desk.url, admin, 'Rotate bounds');
    for (const overlapSeconds of [-1, 7 * 24 * 3600 + 1, 1.5, '60']) {
      const r = await http(desk.url, 'POST', `/api/channels/${channel.id}/rotate-secret`, { token: admin, body: { overlapSeconds } });
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.fields)).toEqual(['overlapSeconds']);
    }
    expect((await http(desk.url, 'POST', `/api/channels/${channel.id}/rotate-secret`, { token: agentToken, body: {} })).status).toBe(403);
    expect((await http(desk.url, 'POST', `/api/channels/${channel.id}/rotate-secret`, { token: await login(desk.url, 'supervisor@demo.kefu'), body: {} })).status).toBe(403);
    // An admin limited to another store does not learn the channel exists.
    const other = await storeWithAgent(desk.url, admin, 'Other admin store');
    const email = `store-admin-${Date.now()}@example.test`;
    await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: 'Store admin', password: 'store-admin-1', role: 'admin', storeIds: [other.store.id] } });
    const storeAdmin = await login(desk.url, email, 'store-admin-1');
    expect((await http(desk.url, 'POST', `/api/channels/${channel.id}/rotate-secret`, { token: storeAdmin, body: {} })).status).toBe(404);
    expect((await http(desk.url, 'PATCH', `/api/channels/${channel.id}`, { token: storeAdmin, body: { active: false } })).status).toBe(404);
    expect((await signedInbound(desk.url, channel, inboundBody('仍然可用'))).status).toBe(202);
  });

  it('disables a channel: its webhook answers 410 and stores nothing; enabled again it works', async () => {
    const { channel } = await storeWithAgent(desk.url, admin, 'Disable');
    const off = await http(desk.url, 'PATCH', `/api/channels/${channel.id}`, { token: admin, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const before = await messagesOf(channel.id);
    expect((await signedInbound(desk.url, channel, inboundBody('有人吗'))).status).toBe(410);
    expect((await signedInbound(desk.url, channel, inboundBody('有人吗'), 'wrong-secret')).status).toBe(401);
    expect(await messagesOf(channel.id)).toBe(before);
    expect((await http(desk.url, 'PATCH', `/api/channels/${channel.id}`, { token: admin, body: { active: true } })).body.active).toBe(true);
    expect((await signedInbound(desk.url, channel, inboundBody('有人吗'))).status).toBe(202);
    const audit = await http(desk.url, 'GET', `/api/audit?targetId=${channel.id}&action=channel`, { token: admin });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['channel.enabled', 'channel.disabled', 'channel.created']);
  });

  it('invites a user: the link sets their password once, expires, and a newer link revokes the older', async () => {
    const email = `invited-${Date.now()}@example.test`;
    const created = await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: '新同事', role: 'agent' } });
    expect(created.status).toBe(201);
    const userId = created.body.id;
    const first = await http(desk.url, 'POST', `/api/users/${userId}/invitation`, { token: admin, body: { ttlHours: 24 } });
    expect(first.status).toBe(201);
    expect(first.body.path).toBe(`#/invite/${first.body.token}`);
    // Stored as a hash only.
    const [row] = await desk.db.query(`SELECT token_hash FROM user_invitations WHERE user_id = $1`, [userId]);
    expect(row.token_hash).not.toContain(first.body.token);
    expect(JSON.stringify((await http(desk.url, 'GET', `/api/audit?targetId=${userId}`, { token: admin })).body)).not.toContain(first.body.token);

    const second = await http(desk.url, 'POST', `/api/users/${userId}/invitation`, { token: admin, body: {} });
    expect((await http(desk.url, 'POST', '/api/invitations/lookup', { body: { token: first.body.token } })).status).toBe(410);
    const info = await http(desk.url, 'POST', '/api/invitations/lookup', { body: { token: second.body.token } });
    expect(info).toMatchObject({ status: 200, body: { email, name: '新同事' } });

    expect((await http(desk.url, 'POST', '/api/invitations/accept', { body: { token: second.body.token, password: 'short' } })).body.fields).toHaveProperty('password');
    expect((await http(desk.url, 'POST', `/api/auth/login`, { body: { email, password: 'my-own-password' } })).status).toBe(401);
    expect((await http(desk.url, 'POST', '/api/invitations/accept', { body: { token: second.body.token, password: 'my-own-password' } })).status).toBe(204);
    const token = await login(desk.url, email, 'my-own-password');
    expect((await http(desk.url, 'GET', '/api/auth/me', { token })).body.id).toBe(userId);
    // Once only.
    expect((await http(desk.url, 'POST', '/api/invitations/accept', { body: { token: second.body.token, password: 'someone-else-pw' } })).status).toBe(410);
    await login(desk.url, email, 'my-own-password');

    // An expired link: 410, the password unchanged. Setting a password through a link ends the sessions before it.
    const third = await http(desk.url, 'POST', `/api/users/${userId}/invitation`, { token: admin, body: { ttlHours: 1 } });
    await desk.db.query(`UPDATE user_invitations SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL AND used_at IS NULL AND user_id = $1`, [userId]);
    expect((await http(desk.url, 'POST', '/api/invitations/accept', { body: { token: third.body.token, password: 'expired-link-pw' } })).status).toBe(410);
    const fourth = await http(desk.url, 'POST', `/api/users/${userId}/invitation`, { token: admin, body: {} });
    expect((await http(desk.url, 'POST', '/api/invitations/accept', { body: { token: fourth.body.token, password: 'a-newer-password' } })).status).toBe(204);
    expect((await http(desk.url, 'GET', '/api/auth/me', { token })).status).toBe(401);

    for (const ttlHours of [0, 169, 'x']) expect((await http(desk.url, 'POST', `/api/users/${userId}/invitation`, { token: admin, body: { ttlHours } })).body.fields).toHaveProperty('ttlHours');
    const bad = await http(desk.url, 'POST', '/api/invitations/lookup', { body: { token: 'not-a-token' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['token']);
    expect((await http(desk.url, 'POST', '/api/invitations/lookup', { body: { token: 'x'.repeat(43) } })).status).toBe(404);
    const actions = (await http(desk.url, 'GET', `/api/audit?targetId=${userId}&action=user`, { token: admin })).body.items.map((a: { action: string }) => a.action);
    expect(actions.filter((a: string) => a === 'user.invitation_accepted')).toHaveLength(2);
    expect(actions).toContain('user.invited');
    expect(actions[actions.length - 1]).toBe('user.created');
  });

  it('ends the sessions of a deactivated user at once, and lets an invited user in only when active', async () => {
    const { agent, agentToken } = await storeWithAgent(desk.url, admin, 'Deactivate');
    const invitation = await http(desk.url, 'POST', `/api/users/${agent.id}/invitation`, { token: admin, body: {} });
    expect((await http(desk.url, 'PATCH', `/api/users/${agent.id}`, { token: admin, body: { active: false } })).status).toBe(200);
    expect((await http(desk.url, 'GET', '/api/auth/me', { token: agentToken })).status).toBe(401);
    expect((await http(desk.url, 'POST', '/api/invitations/accept', { body: { token: invitation.body.token, password: 'back-door-pass' } })).status).toBe(410);
    expect((await http(desk.url, 'POST', `/api/users/${agent.id}/invitation`, { token: admin, body: {} })).status).toBe(410);
  });

  it('lists the audit trail in words: actor and target names, filtered by actor, action, target and period', async () => {
    const since = new Date().toISOString();
    const { store } = await storeWithAgent(desk.url, admin, 'Audited');
    await http(desk.url, 'PATCH', `/api/stores/${store.id}`, { token: admin, body: { businessHours: null, slaPolicy: { firstResponseSeconds: 600 } } });
    const page = await http(desk.url, 'GET', `/api/audit?actorId=${adminId}&action=store&from=${encodeURIComponent(since)}`, { token: admin });
    expect(page.status).toBe(200);
    expect(page.body.items.map((a: { action: string }) => a.action)).toEqual(['store.updated', 'store.created']);
    expect(page.body.items[0]).toMatchObject({ actorId: adminId, actorName: expect.any(String), targetType: 'store', targetId: store.id, targetName: store.name, details: { changed: ['businessHours', 'slaPolicy'] } });
    const later = await http(desk.url, 'GET', `/api/audit?targetId=${store.id}&to=${encodeURIComponent(since)}`, { token: admin });
    expect(later.body.items).toEqual([]);
    for (const [q, field] of [
      ['action=store%25', 'action'],
      ['from=yesterday', 'from'],
      ['actorId=nobody', 'actorId'],
    ]) {
      const r = await http(desk.url, 'GET', `/api/audit?${q}`, { token: admin });
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.fields)).toEqual([field]);
    }
  });

  it('asks for no first-run setup outside production', async () => {
    expect((await http(desk.url, 'GET', '/api/settings', { token: admin })).body.setupRequired).toBe(false);
    const r = await http(desk.url, 'POST', '/api/setup', {
      token: admin,
      body: { agencyName: 'X', store: { name: 'S', platform: 'jd' }, channel: { kind: 'web_chat', name: 'c' }, agent: { email: 'setup-agent@example.test', name: 'A' } },
    });
    expect(r.status).toBe(409);
  });
});

describe('first run of an empty production desk', () => {
  let desk: Awaited<ReturnType<typeof startEmptyProductionDesk>>;
  beforeAll(async () => {
    desk = await startEmptyProductionDesk({ worker: false });
  });
  afterAll(async () => {
    await desk?.close();
    await desk?.dropDatabase();
  });

  it('sets up the agency, its first store, channel and agent in one step, once', async () => {
    const admin = await login(desk.url, FIRST_ADMIN.email, FIRST_ADMIN.password);
    expect((await http(desk.url, 'GET', '/api/settings', { token: admin })).body).toEqual({ agencyName: '', agencyLogo: null, setupRequired: true });
    const logo = `data:image/png;base64,${Buffer.from('not really a png').toString('base64')}`;
    const body = {
      agencyName: '星河代运营',
      agencyLogo: logo,
      store: { name: '星河旗舰店', platform: 'tmall', holidays: [{ date: '2026-10-01', hours: [] }] },
      channel: { kind: 'marketplace_chat', name: '天猫客服' },
      agent: { email: 'first-agent@agency.test', name: '小王' },
    };
    const bad = await http(desk.url, 'POST', '/api/setup', { token: admin, body: { ...body, agencyLogo: 'data:image/svg+xml;base64,PHN2Zz4=' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['agencyLogo']);

    const done = await http(desk.url, 'POST', '/api/setup', { token: admin, body });
    expect(done.status).toBe(201);
    expect(done.body.store).toMatchObject({ name: '星河旗舰店', platform: 'tmall', holidays: [{ date: '2026-10-01', hours: [] }] });
    expect(done.body.channel.secret).toMatch(/^[\w-]{43}$/);
    expect(done.body.agent).toMatchObject({ role: 'agent', storeIds: [done.body.store.id] });
    expect(done.body.invitation.path).toMatch(/^#\/invite\//);
    expect((await http(desk.url, 'GET', '/api/settings', { token: admin })).body).toEqual({ agencyName: '星河代运营', agencyLogo: logo, setupRequired: false });
    expect((await http(desk.url, 'POST', '/api/setup', { token: admin, body })).status).toBe(409);

    // The agent sets their password through the link and signs in; the store's channel takes signed messages.
    expect((await http(desk.url, 'POST', '/api/invitations/accept', { body: { token: done.body.invitation.token, password: 'first-agent-pw' } })).status).toBe(204);
    const agent = await login(desk.url, 'first-agent@agency.test', 'first-agent-pw');
    expect((await http(desk.url, 'GET', '/api/settings', { token: agent })).body.agencyName).toBe('星河代运营');
    expect((await http(desk.url, 'PATCH', '/api/settings', { token: agent, body: { agencyName: 'mine' } })).status).toBe(403);
    expect((await signedInbound(desk.url, done.body.channel, inboundBody('你好'))).status).toBe(202);

    const actions = (await http(desk.url, 'GET', '/api/audit', { token: admin })).body.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(['user.invitation_accepted', 'desk.setup_completed', 'user.invited', 'user.created', 'channel.created', 'store.created']);
  });
});
