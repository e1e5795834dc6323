/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient } from '@tanstack/react-query';
import type { ResponseRate } from '@kefu/contracts';
import { syncCacheWithLive } from '../data/live-cache';
import { LiveBus, type LiveEventName, type LivePayload } from '../live/live-bus';
import { RESPONSE_RATE_THROTTLE_MS, SLA_RESPONSE_RATE } from './useResponseToday';

const rates: ResponseRate = { from: '2026-11-27T16:00:00.000Z', to: '2026-11-28T08:00:00.000Z', groupBy: 'store', items: [] };
const payload = <E extends LiveEventName>(_name: E, storeId: string) => ({ storeId, conversationId: 'c1' }) as unknown as LivePayload<E>;

describe('the platform response rates on the board', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('are read again once per burst of deciding events, at most every few seconds, and only for their store', () => {
    const client = new QueryClient();
    const bus = new LiveBus();
    const off = syncCacheWithLive(client, bus);
    client.setQueryData([SLA_RESPONSE_RATE, 's1', rates.from], rates);
    client.setQueryData([SLA_RESPONSE_RATE, '', rates.from], rates);
    const invalidate = jest.spyOn(client, 'invalidateQueries').mockResolvedValue(undefined);
    const asked = () => invalidate.mock.calls.map(([filters]) => JSON.stringify(filters?.queryKey));

    bus.publish('sla.met', payload('sla.met', 's1'));
    jest.advanceTimersByTime(1_000);
    bus.publish('message.created', payload('message.created', 's1'));
    bus.publish('sla.nudge', payload('sla.nudge', 's1'));
    bus.publish('sla.breached', payload('sla.breached', 's1'));
    expect(invalidate).not.toHaveBeenCalled();
    jest.advanceTimersByTime(RESPONSE_RATE_THROTTLE_MS - 1_000);
    // One read per query for the whole burst: the one store's and every store's.
    expect(asked().sort()).toEqual([JSON.stringify([SLA_RESPONSE_RATE, '', rates.from]), JSON.stringify([SLA_RESPONSE_RATE, 's1', rates.from])]);

    invalidate.mockClear();
    // Another store's event reads only the every-store query; an event that decides nothing reads none.
    bus.publish('message.created', payload('message.created', 's2'));
    bus.publish('conversation.updated', payload('conversation.updated', 's1'));
    jest.advanceTimersByTime(RESPONSE_RATE_THROTTLE_MS);
    expect(asked()).toEqual([JSON.stringify([SLA_RESPONSE_RATE, '', rates.from])]);
    off();
  });

  it.each(['sla.met', 'sla.nudge', 'sla.breached', 'message.created'] as const)('are read again after %s', (name) => {
    const client = new QueryClient();
    const bus = new LiveBus();
    const off = syncCacheWithLive(client, bus);
    client.setQueryData([SLA_RESPONSE_RATE, 's1', rates.from], rates);
    const invalidate = jest.spyOn(client, 'invalidateQueries').mockResolvedValue(undefined);
    bus.publish(name, payload(name, 's1'));
    jest.advanceTimersByTime(RESPONSE_RATE_THROTTLE_MS);
    expect(invalidate).toHaveBeenCalledTimes(1);
    off();
  });
});
