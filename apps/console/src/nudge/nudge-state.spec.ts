import { describe, expect, it } from '@jest/globals';
import type { Conversation, Message, SlaNudgeEvent, SlaTimer, User } from '@kefu/contracts';
import type { LiveEvent } from '../live/live-bus';
import { applyNudgeEvent, isNudgeForMe, nudgeOfDetail, readNudge, seedNudge, shownNudge, type NudgeMap } from './nudge-state';

const START = '2026-12-02T10:00:00.000Z';
const at = (seconds: number) => Date.parse(START) + seconds * 1000;

const nudge = (waitingSeconds: number, extra: Partial<SlaNudgeEvent> = {}): LiveEvent => ({
  name: 'sla.nudge',
  payload: { conversationId: 'c1', storeId: 's1', messageId: 'm1', waitingSeconds, assigneeId: 'me', timerId: 't1', ruleSeconds: 180, startedAt: START, ...extra },
});
const conversation = (awaitingReplySince: string | null): Conversation => ({ id: 'c1', awaitingReplySince }) as Conversation;
const updated = (awaitingReplySince: string | null): LiveEvent => ({ name: 'conversation.updated', payload: conversation(awaitingReplySince) });
const message = (direction: Message['direction'], ticketId: string | null = null): LiveEvent => ({ name: 'message.created', payload: { id: 'm2', conversationId: 'c1', direction, ticketId } as Message });
const empty: NudgeMap = new Map();

describe('nudges of waiting chats', () => {
  it('keeps the latest nudge of a wait, ignoring one that arrives late', () => {
    let map = applyNudgeEvent(empty, nudge(60));
    map = applyNudgeEvent(map, nudge(100));
    expect(map.get('c1')).toMatchObject({ waitingSeconds: 100, ruleSeconds: 180, timerId: 't1' });
    expect(applyNudgeEvent(map, nudge(60))).toBe(map);
    // Another chat's nudge leaves this one's entry as it was (its row does not re-render).
    const c1 = map.get('c1');
    expect(applyNudgeEvent(map, nudge(60, { conversationId: 'c2' })).get('c1')).toBe(c1);
  });

  it('drops it when the agent replies, the clock is met, or the wait ends another way', () => {
    const map = applyNudgeEvent(empty, nudge(60));
    expect(applyNudgeEvent(map, message('outbound')).has('c1')).toBe(false);
    expect(applyNudgeEvent(map, { name: 'sla.met', payload: { conversationId: 'c1' } as LiveEvent['payload'] } as LiveEvent).has('c1')).toBe(false);
    expect(applyNudgeEvent(map, updated(null)).has('c1')).toBe(false);
    // A newer wait is not the one nudged (its own nudges will come).
    expect(applyNudgeEvent(map, updated('2026-12-02T10:05:00.000Z')).has('c1')).toBe(false);
  });

  it('keeps it through what does not answer the customer', () => {
    const map = applyNudgeEvent(empty, nudge(60));
    expect(applyNudgeEvent(map, message('inbound'))).toBe(map);
    expect(applyNudgeEvent(map, message('note'))).toBe(map);
    expect(applyNudgeEvent(map, message('outbound', 'ticket-1'))).toBe(map); // a ticket's automatic update
    expect(applyNudgeEvent(map, updated(START))).toBe(map);
  });

  it('shows a nudge only while the conversation still waits for that same wait', () => {
    const n = applyNudgeEvent(empty, nudge(60)).get('c1');
    expect(shownNudge(n, conversation(START))).toBe(n);
    expect(shownNudge(n, conversation(null))).toBeNull();
    expect(shownNudge(n, conversation('2026-12-02T10:05:00.000Z'))).toBeNull();
    expect(shownNudge(undefined, conversation(START))).toBeNull();
  });

  it('counts the wait live, amber and then red from three quarters of the limit', () => {
    const n = applyNudgeEvent(empty, nudge(100)).get('c1')!;
    expect(readNudge(n, at(100.4))).toEqual({ waited: 100, level: 'amber', over: false });
    expect(readNudge(n, at(135))).toEqual({ waited: 135, level: 'red', over: false });
    expect(readNudge(n, at(180))).toEqual({ waited: 180, level: 'red', over: false });
    expect(readNudge(n, at(181))).toEqual({ waited: 181, level: 'red', over: true });
    // A clock behind the server's never shows less than the nudge said.
    expect(readNudge(n, at(90)).waited).toBe(100);
  });

  it('finds the nudge of an open chat in its timers, for the wait it still has', () => {
    const timer = { id: 't1', kind: 'first_response', status: 'running', startedAt: START, respondedAt: null, nudged: 2, ruleSeconds: 180 } as SlaTimer;
    const detail = { id: 'c1', storeId: 's1', assigneeId: 'me', awaitingReplySince: START, slaTimers: [timer] };
    expect(nudgeOfDetail(detail)).toMatchObject({ conversationId: 'c1', timerId: 't1', ruleSeconds: 180, startedAt: START });
    expect(nudgeOfDetail({ ...detail, slaTimers: [{ ...timer, nudged: 0 }] })).toBeNull();
    expect(nudgeOfDetail({ ...detail, slaTimers: [{ ...timer, ruleSeconds: null }] })).toBeNull(); // outside the rule's hours
    expect(nudgeOfDetail({ ...detail, awaitingReplySince: null })).toBeNull();
    // Seeding never replaces what the live events said.
    const live = applyNudgeEvent(empty, nudge(100));
    expect(seedNudge(live, nudgeOfDetail(detail))).toBe(live);
    expect(seedNudge(empty, nudgeOfDetail(detail)).get('c1')?.timerId).toBe('t1');
  });

  it('tells agents of their chats and of unassigned ones, leads of every one', () => {
    const agent = { id: 'me', role: 'agent' } as User;
    const lead = { id: 'boss', role: 'supervisor' } as User;
    expect(isNudgeForMe({ assigneeId: 'me' }, agent)).toBe(true);
    expect(isNudgeForMe({ assigneeId: null }, agent)).toBe(true);
    expect(isNudgeForMe({ assigneeId: 'other' }, agent)).toBe(false);
    expect(isNudgeForMe({ assigneeId: 'other' }, lead)).toBe(true);
  });
});
