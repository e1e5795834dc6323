import { describe, expect, it } from '@jest/globals';
import type { Conversation, Message } from '@kefu/contracts';
import { LiveBus, type LiveEvent } from './live-bus';

const message: Message = {
  id: 'm2',
  conversationId: 'c1',
  storeId: 's1',
  direction: 'inbound',
  body: '今天能发吗',
  authorId: null,
  externalId: 'x2',
  deliveryStatus: null,
  deliveryError: null,
  ticketId: null,
  createdAt: '2026-12-03T10:00:05.000Z',
};
const conversation: Conversation = {
  id: 'c1',
  storeId: 's1',
  channelId: 'ch1',
  customerId: 'cu1',
  status: 'open',
  assigneeId: 'a1',
  awaitingReplySince: '2026-12-03T10:00:00.000Z',
  firstResponseAt: null,
  lastMessageAt: message.createdAt,
  lastMessagePreview: '今天能发吗',
  orderRef: null,
  language: 'zh',
  queuedAt: null,
  slaDueAt: '2026-12-03T10:15:00.000Z',
  slaWarnAt: '2026-12-03T10:12:00.000Z',
  slaBreachedAt: null,
  createdAt: '2026-12-03T10:00:00.000Z',
};

describe('the live bus', () => {
  const heard = (bus: LiveBus) => {
    const events: LiveEvent[] = [];
    bus.onAny((e) => events.push(e));
    return events;
  };

  it('applies a message that carries its conversation as the conversation’s update, then the message', () => {
    const bus = new LiveBus();
    const events = heard(bus);
    bus.receive('message.created', { ...message, conversation });
    expect(events).toEqual([
      { name: 'conversation.updated', payload: conversation },
      { name: 'message.created', payload: message },
    ]);
  });

  it('passes a plain message on as it is, and drops what the contract does not describe', () => {
    const bus = new LiveBus();
    const events = heard(bus);
    bus.receive('message.created', message);
    bus.receive('message.created', { ...message, createdAt: 42 });
    bus.receive('no.such.event', message);
    expect(events).toEqual([{ name: 'message.created', payload: message }]);
  });

  it('applies a store’s batch of others’ conversations as one update each', () => {
    const bus = new LiveBus();
    const events = heard(bus);
    const other = { ...conversation, id: 'c2', assigneeId: 'a2' };
    bus.receive('conversations.changed', { storeId: 's1', items: [conversation, other] });
    expect(events).toEqual([
      { name: 'conversation.updated', payload: conversation },
      { name: 'conversation.updated', payload: other },
    ]);
  });
});
