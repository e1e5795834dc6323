import { describe, expect, it } from '@jest/globals';
import type { Conversation, SlaBoardTimer } from '@kefu/contracts';
import { applyBreach, applyConversation, applyMet, applyReply, applyWarning, missingFor, sortRunning, timerClock, type BoardLists } from './board-state';

const timer = (id: string, conversationId: string, dueAt: string, extra: Partial<SlaBoardTimer> = {}): SlaBoardTimer => ({
  id,
  storeId: 's1',
  conversationId,
  ticketId: null,
  kind: 'first_response',
  status: 'running',
  startedAt: '2026-11-27T10:00:00.000Z',
  targetSeconds: 900,
  warnAt: null,
  dueAt,
  warnedAt: null,
  breachedAt: null,
  metAt: null,
  pausedAt: null,
  respondedAt: null,
  responseSeconds: null,
  respondedBy: null,
  breachAssigneeId: null,
  messageId: null,
  ruleSeconds: null,
  nudged: 0,
  customerName: `customer of ${conversationId}`,
  assigneeId: 'agent-1',
  lastMessagePreview: 'hello',
  ticketNumber: null,
  ticketConversationId: null,
  ...extra,
});

const conversation = (id: string, extra: Partial<Conversation>): Conversation => ({
  id,
  storeId: 's1',
  channelId: 'ch',
  customerId: 'cu',
  status: 'open',
  assigneeId: 'agent-1',
  awaitingReplySince: null,
  firstResponseAt: null,
  lastMessageAt: '2026-11-27T10:00:00.000Z',
  lastMessagePreview: 'hello again',
  orderRef: null,
  language: null,
  queuedAt: null,
  slaDueAt: null,
  slaWarnAt: null,
  slaBreachedAt: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  ...extra,
});

const a = timer('t-a', 'c-a', '2026-11-27T10:15:00.000Z');
const b = timer('t-b', 'c-b', '2026-11-27T10:05:00.000Z');
const lists: BoardLists = { running: sortRunning([a, b]), breached: [] };

describe('board lists', () => {
  it('orders running timers most urgent first', () => {
    expect(lists.running.map((t) => t.id)).toEqual(['t-b', 't-a']);
  });

  it('marks a warned timer, and its clock warns even if this clock is behind', () => {
    const warned = applyWarning(lists, { ...b, status: 'running', warnAt: '2026-11-27T10:04:00.000Z', warnedAt: '2026-11-27T10:03:59.000Z' });
    const row = warned.running.find((t) => t.id === 't-b')!;
    expect(row.warnedAt).toBe('2026-11-27T10:03:59.000Z');
    expect(row.customerName).toBe('customer of c-b');
    expect(timerClock(row).warnAt).toBe('2026-11-27T10:03:59.000Z');
    expect(applyWarning(lists, { ...timer('t-x', 'c-x', b.dueAt!) })).toBe(lists);
  });

  it('moves a breached timer to the breached list once, however often the event comes', () => {
    const event = { ...b, status: 'breached' as const, breachedAt: '2026-11-27T10:05:00.100Z', breachAssigneeId: 'agent-1', assigneeId: 'agent-2' };
    const once = applyBreach(lists, event);
    const twice = applyBreach(once, event);
    expect(twice.running.map((t) => t.id)).toEqual(['t-a']);
    expect(twice.breached).toHaveLength(1);
    expect(twice.breached[0]).toMatchObject({ id: 't-b', status: 'breached', assigneeId: 'agent-2', breachAssigneeId: 'agent-1', customerName: 'customer of c-b' });
  });

  it('drops met and answered timers, and breaches of an answered conversation', () => {
    const breached = applyBreach(lists, { ...b, status: 'breached', breachedAt: b.dueAt });
    expect(applyMet(breached, { id: 't-a', conversationId: 'c-a', kind: 'first_response' })).toEqual({ running: [], breached: breached.breached });
    expect(applyReply(breached, 'c-b')).toEqual({ running: [a], breached: [] });
  });

  it('follows conversation events: assignee and preview, a cleared breach, a clock that ended', () => {
    const updated = applyConversation(lists, conversation('c-a', { assigneeId: 'agent-3', slaDueAt: a.dueAt }));
    expect(updated.running.find((t) => t.id === 't-a')).toMatchObject({ assigneeId: 'agent-3', lastMessagePreview: 'hello again' });

    const breachedConv = applyConversation(lists, conversation('c-b', { slaBreachedAt: '2026-11-27T10:05:00.000Z' }));
    expect(breachedConv.running.map((t) => t.id)).toEqual(['t-a']);
    expect(breachedConv.breached.map((t) => t.id)).toEqual(['t-b']);

    const answered = applyConversation(breachedConv, conversation('c-b', {}));
    expect(answered.breached).toEqual([]);
    expect(applyConversation(lists, conversation('c-z', { slaDueAt: a.dueAt }))).toBe(lists);
  });

  it('tells which list lacks a timer a conversation event tells of', () => {
    expect(missingFor(lists, conversation('c-a', { slaDueAt: '2026-11-27T10:15:00Z' }))).toEqual({ running: false, breached: false });
    expect(missingFor(lists, conversation('c-new', { slaDueAt: '2026-11-27T10:20:00Z' }))).toEqual({ running: true, breached: false });
    expect(missingFor(lists, conversation('c-old', { slaBreachedAt: '2026-11-27T09:20:00Z' }))).toEqual({ running: false, breached: true });
  });

  it('keeps a ticket’s resolution clock apart from the conversation’s response clock', () => {
    const resolution = timer('t-r', 'c-a', '2026-11-29T10:00:00.000Z', {
      kind: 'resolution',
      ticketId: 'tk-1',
      status: 'breached',
      breachedAt: '2026-11-29T10:00:00.000Z',
      ticketNumber: 'T-000042',
      ticketConversationId: 'c-a',
    });
    const withTicket: BoardLists = { running: [a], breached: [resolution] };
    // The agent answers the chat: the response clock is met, the ticket is still overdue.
    expect(applyReply(withTicket, 'c-a')).toEqual({ running: [], breached: [resolution] });
    expect(applyMet(withTicket, { id: 't-a', conversationId: 'c-a', kind: 'first_response' }).breached).toEqual([resolution]);
    expect(applyConversation(withTicket, conversation('c-a', { slaDueAt: null, slaBreachedAt: null })).breached).toEqual([resolution]);
    // The ticket's own clock met (resolved) leaves the conversation's rows alone.
    const both: BoardLists = { running: [a], breached: [resolution] };
    expect(applyMet(both, { id: 't-r', conversationId: 'c-a', kind: 'resolution' })).toEqual({ running: [a], breached: [] });
    // A response breach of the conversation is not the ticket's: it is still missing from the list.
    expect(missingFor({ running: [], breached: [resolution] }, conversation('c-a', { slaBreachedAt: '2026-11-27T10:05:00.000Z' })).breached).toBe(true);
  });
});
