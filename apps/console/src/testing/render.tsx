import type { ReactElement, ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createQueryClient } from '../data/query-client';
import { DeskLiveContext, type DeskLive } from '../live/DeskLiveProvider';
import { LiveBus } from '../live/live-bus';
import { i18nReady } from '../i18n';

await i18nReady;

// jsdom has <dialog> without its modal methods: enough of them for the console's Modal.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}
// …and no scrolling.
Element.prototype.scrollIntoView ??= () => undefined;

/** The HTTP answers of a component test, by method and path (the API boundary; everything inside is real). */
export type Routes = Record<string, (body: unknown, url: URL) => unknown>;

/** What request() reads of an answer (jsdom has no fetch Response). */
const answer = (status: number, body: unknown) => ({
  ok: status < 400,
  status,
  statusText: '',
  headers: { get: () => null },
  text: async () => JSON.stringify(body),
});

export function fakeApi(routes: Routes) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://desk.test');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname, body });
    const route = routes[`${method} ${url.pathname}`];
    if (!route) return answer(404, { statusCode: 404, message: `no route ${method} ${url.pathname}` });
    try {
      return answer(method === 'POST' ? 201 : 200, route(body, url));
    } catch (err) {
      const e = err as { status?: number; body?: unknown };
      return answer(e.status ?? 500, e.body ?? { statusCode: 500, message: String(err) });
    }
  }) as unknown as typeof fetch;
  return calls;
}

/** Renders inside the desk's cache and a live bus without a socket. */
export function renderInDesk(ui: ReactElement) {
  const client = createQueryClient();
  const bus = new LiveBus();
  const live: DeskLive = { state: 'connected', epoch: 1, offlineSince: null, resyncedAt: 0, bus, announceActivity: () => undefined };
  // As a wrapper, so that rerender() keeps the providers (and the component's state).
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <DeskLiveContext.Provider value={live}>{children}</DeskLiveContext.Provider>
    </QueryClientProvider>
  );
  return { ...render(ui, { wrapper }), client, bus };
}
