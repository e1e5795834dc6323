import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChannelAdapter, OutboundMessage } from '../../apps/server/src/delivery/channel-adapter.js';
import { startDesk, type Desk } from '../support/desk.js';
import { drainQueues } from '../support/queues.js';
import { deskSocket, http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

/** A scripted sales platform: fails the first `failures` sends of each message, then accepts. */
class ScriptedPlatform implements ChannelAdapter {
  failures = 0;
  readonly attempts = new Map<string, number>();
  readonly delivered: OutboundMessage[] = [];

  async send(message: OutboundMessage) {
    const n = (this.attempts.get(message.messageId) ?? 0) + 1;
    this.attempts.set(message.messageId, n);
    if (n <= this.failures) throw new Error(`platform unavailable (attempt ${n})`);
    this.delivered.push(message);
    return { externalId: `platform-${message.messageId}` };
  }
}

describe('replies are delivered by the worker through the channel adapter', () => {
  let desk: Desk;
  let admin: string;
  const platform = new ScriptedPlatform();

  beforeAll(async () => {
    desk = await startDesk({ channelAdapter: platform });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  async function conversationWithReply(body: string) {
    const s = await storeWithAgent(desk.url, admin);
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('在吗?', `buyer-${body}`));
    const reply = await http(desk.url, 'POST', `/api/conversations/${inbound.body.conversationId}/messages`, { token: s.agentToken, body: { body, kind: 'reply' } });
    expect(reply.status).toBe(201);
    return { ...s, conversationId: inbound.body.conversationId as string, message: reply.body };
  }

  const statusOf = async (id: string) => (await desk.db.query(`SELECT delivery_status, delivery_attempts, external_id FROM messages WHERE id = $1`, [id]))[0];

  it('delivers a reply once, meets the waiting customer, and tells the console', async () => {
    platform.failures = 0;
    const s = await storeWithAgent(desk.url, admin);
    const live = await deskSocket(desk.url, s.agentToken);
    try {
      const inbound = await signedInbound(desk.url, s.channel, inboundBody('什么时候发货', 'buyer-live'));
      const reply = await http(desk.url, 'POST', `/api/conversations/${inbound.body.conversationId}/messages`, { token: s.agentToken, body: { body: '今天下午发出', kind: 'reply' } });
      expect(reply.body).toMatchObject({ direction: 'outbound', deliveryStatus: 'queued', conversationId: inbound.body.conversationId, storeId: s.store.id });
      const updated = await waitFor(() => live.events.find((e) => e.name === 'message.updated' && e.payload.id === reply.body.id), 5000, 'message.updated');
      expect(updated.payload.deliveryStatus).toBe('delivered');
      expect(platform.delivered.filter((m) => m.messageId === reply.body.id)).toHaveLength(1);
      expect(platform.delivered.find((m) => m.messageId === reply.body.id)).toMatchObject({ body: '今天下午发出', customerExternalId: 'buyer-live', channelId: s.channel.id });
      const conv = await http(desk.url, 'GET', `/api/conversations/${inbound.body.conversationId}`, { token: s.agentToken });
      expect(conv.body.awaitingReplySince).toBeNull();
      expect(conv.body.firstResponseAt).not.toBeNull();
      expect(conv.body.assigneeId).toBe(s.agent.id);
    } finally {
      live.socket.close();
    }
  });

  it('retries an adapter that fails twice, then delivers exactly once', async () => {
    platform.failures = 2;
    const { message } = await conversationWithReply('fails twice');
    const row = await waitFor(async () => {
      const r = await statusOf(message.id);
      return r.delivery_status === 'delivered' ? r : undefined;
    }, 10000, 'delivered');
    expect(platform.attempts.get(message.id)).toBe(3);
    expect(row.delivery_attempts).toBe(3);
    expect(row.external_id).toBe(`platform-${message.id}`);
    expect(platform.delivered.filter((m) => m.messageId === message.id)).toHaveLength(1);
  });

  it('marks a reply failed after the last retry of an adapter that always fails', async () => {
    platform.failures = 1000;
    const { message, conversationId, agentToken } = await conversationWithReply('always fails');
    await waitFor(async () => ((await statusOf(message.id)).delivery_status === 'failed' ? true : undefined), 10000, 'failed');
    expect(platform.attempts.get(message.id)).toBe(desk.config.deliveryAttempts);
    const conv = await http(desk.url, 'GET', `/api/conversations/${conversationId}`, { token: agentToken });
    const shown = conv.body.messages.find((m: { id: string }) => m.id === message.id);
    expect(shown).toMatchObject({ deliveryStatus: 'failed' });
    expect(shown.deliveryError).toMatch(/platform unavailable/);
  });

  it('never sends an internal note', async () => {
    platform.failures = 0;
    const s = await storeWithAgent(desk.url, admin);
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('hello', 'buyer-note'));
    const note = await http(desk.url, 'POST', `/api/conversations/${inbound.body.conversationId}/messages`, { token: s.agentToken, body: { body: '客户是老顾客,注意语气', kind: 'note' } });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ direction: 'note', deliveryStatus: null });
    await drainQueues(desk.worker!);
    expect(platform.attempts.has(note.body.id)).toBe(false);
    const conv = await http(desk.url, 'GET', `/api/conversations/${inbound.body.conversationId}`, { token: s.agentToken });
    expect(conv.body.awaitingReplySince).not.toBeNull();
  });
});
