/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import type { User } from '@kefu/contracts';
import { syncCacheWithLive } from '../data/live-cache';
import { renderInDesk } from '../testing/render';
import { useAgentPresence, useMyPresence } from './usePresence';

const me: User = { id: 'u1', email: 'a@example.test', name: '张三', role: 'agent', storeIds: ['s1'], languages: ['zh'], maxConcurrent: 5, presence: 'offline', status: 'available', active: true };

/** GET answers that the test releases by hand, to let a live event arrive while one is on its way. */
function heldApi() {
  const held = new Map<string, (body: unknown) => void>();
  globalThis.fetch = ((input: RequestInfo | URL) =>
    new Promise((resolve) => {
      held.set(new URL(String(input), 'http://desk.test').pathname, (body) =>
        resolve({ ok: true, status: 200, statusText: '', headers: { get: () => null }, text: async () => JSON.stringify(body) } as unknown as Response),
      );
    })) as typeof fetch;
  return async (path: string, body: unknown) => {
    await waitFor(() => expect(held.has(path)).toBe(true));
    held.get(path)!(body);
  };
}

function Probe() {
  const mine = useMyPresence(me);
  const { agents } = useAgentPresence(true);
  return (
    <>
      <span data-testid="mine">{mine.presence}</span>
      <span data-testid="agents">{agents?.map((a) => a.presence).join(',') ?? 'loading'}</span>
    </>
  );
}

describe('presence after signing in', () => {
  it('keeps an agent.presence event that arrives while the user lists are on their way', async () => {
    const release = heldApi();
    const view = renderInDesk(<Probe />);
    const stop = syncCacheWithLive(view.client, view.bus);
    // The socket connects and the desk announces the user online before the lists, read just before, come back.
    await waitFor(() => expect(screen.getByTestId('agents').textContent).toBe('loading'));
    view.bus.publish('agent.presence', { userId: me.id, name: me.name, presence: 'online', storeIds: me.storeIds });
    await release('/api/users', { items: [me], total: 1, nextCursor: null });
    await release('/api/presence', { items: [{ ...me, openConversations: 0 }], total: 1, nextCursor: null });
    await waitFor(() => expect(screen.getByTestId('agents').textContent).not.toBe('loading'));
    expect(screen.getByTestId('mine').textContent).toBe('online');
    expect(screen.getByTestId('agents').textContent).toBe('online');
    stop();
  });
});
