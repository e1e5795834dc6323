import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { PresenceService } from '../../apps/server/src/routing/presence.service.js';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, sleep, storeWithAgent, waitFor } from '../support/client.js';

const BATCH_MS = 300;

/**
 * Fan-out by need: a conversation's messages go to those who work it (its assignee, the leads, whoever has it open);
 * the store's other agents get it in the store's batched `conversations.changed`, not one event per message.
 */
describe('live fan-out by need', () => {
  let desk: Desk;
  let admin: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    desk = await startDesk({ worker: false, env: { INBOX_BATCH_MS: String(BATCH_MS) } });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await desk.close();
  });

  const connect = async (token: string) => {
    const live = await deskSocket(desk.url, token);
    sockets.push(live.socket);
    return live;
  };
  const of = (events: { name: string; payload: any }[], name: string, conversationId: string) =>
    events.filter((e) => e.name === name && (e.payload.conversationId ?? e.payload.id) === conversationId);

  it('the assignee and the supervisor hear every message; another agent of the store hears the batch, and the messages once it opens the chat', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Fan-out', { businessHours: null });
    const otherEmail = `fan-other-${Date.now()}@example.test`;
    await http(desk.url, 'POST', '/api/users', { token: admin, body: { email: otherEmail, name: 'Other agent', password: 'agent-pass-1', role: 'agent', storeIds: [s.store.id], languages: ['zh'], maxConcurrent: 5 } });
    // The other agent is away: the conversation is routed to the first agent.
    const otherToken = await login(desk.url, otherEmail, 'agent-pass-1');
    expect((await http(desk.url, 'POST', '/api/presence', { token: otherToken, body: { status: 'away' } })).status).toBeLessThan(300);
    const assignee = await connect(s.agentToken);
    const bystander = await connect(otherToken);
    const lead = await connect(await login(desk.url, 'supervisor@demo.kefu'));
    await waitFor(async () => ((await desk.api.get(PresenceService).onlineUsers()).has(s.agent.id) ? true : undefined), 5000, 'agent online');

    const first = await signedInbound(desk.url, s.channel, inboundBody('你好，在吗', 'fan-buyer'));
    const conversationId = first.body.conversationId as string;
    await signedInbound(desk.url, s.channel, inboundBody('想问下发货时间', 'fan-buyer'));
    await waitFor(() => (of(assignee.events, 'message.created', conversationId).length === 2 ? true : undefined), 5000, 'assignee hears both');
    await waitFor(() => (of(lead.events, 'message.created', conversationId).length === 2 ? true : undefined), 5000, 'lead hears both');
    expect(of(assignee.events, 'conversation.created', conversationId)[0].payload.assigneeId).toBe(s.agent.id);

    // The bystander: no per-message events, one batch with the conversation as it now is.
    const batch = await waitFor(() => bystander.events.find((e) => e.name === 'conversations.changed' && e.payload.items.some((c: { id: string }) => c.id === conversationId)), BATCH_MS * 10, 'the batch');
    expect(batch.payload.storeId).toBe(s.store.id);
    expect(batch.payload.items.find((c: { id: string }) => c.id === conversationId)).toMatchObject({ assigneeId: s.agent.id, lastMessagePreview: '想问下发货时间' });
    expect(of(bystander.events, 'message.created', conversationId)).toEqual([]);
    expect(of(bystander.events, 'conversation.created', conversationId)).toEqual([]);
    // Nobody gets the batch who already heard the messages themselves (the leads); the assignee may.
    expect(lead.events.filter((e) => e.name === 'conversations.changed')).toEqual([]);

    // Once the bystander opens the chat, its messages reach it live.
    const ack = await bystander.socket.emitWithAck('conversation.activity', { conversationId, state: 'viewing' });
    expect(ack).toEqual({ ok: true });
    await signedInbound(desk.url, s.channel, inboundBody('还有一个问题', 'fan-buyer'));
    await waitFor(() => (of(bystander.events, 'message.created', conversationId).length === 1 ? true : undefined), 5000, 'viewer hears the message');
    await bystander.socket.emitWithAck('conversation.activity', { conversationId, state: 'left' });
    await signedInbound(desk.url, s.channel, inboundBody('谢谢', 'fan-buyer'));
    await waitFor(() => (of(assignee.events, 'message.created', conversationId).length === 4 ? true : undefined), 5000, 'assignee hears the fourth');
    await sleep(200);
    expect(of(bystander.events, 'message.created', conversationId)).toHaveLength(1);
  });

  it('a conversation nobody has reaches every agent of its store at once', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Fan-out queue', { businessHours: null });
    expect((await http(desk.url, 'POST', '/api/presence', { token: s.agentToken, body: { status: 'away' } })).status).toBeLessThan(300);
    const agent = await connect(s.agentToken);
    const { body } = await signedInbound(desk.url, s.channel, inboundBody('有人吗', 'queue-buyer'));
    await waitFor(() => (of(agent.events, 'message.created', body.conversationId).length === 1 ? true : undefined), 5000, 'the waiting chat, live');
    expect(of(agent.events, 'conversation.created', body.conversationId)[0].payload.assigneeId).toBeNull();
  });
});
