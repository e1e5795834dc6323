/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { QueryClient } from '@tanstack/react-query';
import type { User } from '@kefu/contracts';
import { syncCacheWithLive } from '../data/live-cache';
import { LiveBus } from '../live/live-bus';
import { USERS, usersQueryFn } from './useDirectory';

const me: User = { id: 'u1', email: 'a@example.test', name: 'A', role: 'agent', storeIds: ['s1'], languages: ['zh'], maxConcurrent: 5, presence: 'offline', status: 'available', active: true };

describe('the users query', () => {
  it('keeps an agent.presence that arrived while the list was on its way (the own status switch after sign-in)', async () => {
    const client = new QueryClient();
    const bus = new LiveBus();
    const off = syncCacheWithLive(client, bus);
    let answer!: (v: { items: User[] }) => void;
    const fetching = client.fetchQuery({ queryKey: [USERS], queryFn: usersQueryFn(() => new Promise((r) => (answer = r))) });
    // The socket connected: the desk announces the user online while the list (read just before) is in flight.
    bus.publish('agent.presence', { userId: me.id, name: me.name, presence: 'online', storeIds: me.storeIds });
    answer({ items: [{ ...me, presence: 'offline' }] });
    expect((await fetching).map((u) => u.presence)).toEqual(['online']);
    expect(client.getQueryData<User[]>([USERS])?.[0].presence).toBe('online');
    off();
  });
});
