import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { z } from 'zod';
import { ApiRequestError, currentAccessToken, refreshSession, request, setAccessToken, setUnauthorizedHandler } from './client';

const user = { id: 'u1', email: 'a@b.c', name: 'A', role: 'agent', storeIds: [], languages: ['zh'], maxConcurrent: 8, presence: 'online', status: 'available', active: true };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake server: `/api/auth/refresh` answers `refreshAnswer`; `/api/thing` wants the token `valid`. */
function fakeServer(refreshAnswer: () => Response, valid = 'new-token') {
  const calls: { url: string; authorization: string | null }[] = [];
  const fetchMock = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const authorization = new Headers(init?.headers).get('authorization');
    calls.push({ url: String(url), authorization });
    await new Promise((r) => setTimeout(r, 5));
    if (String(url) === '/api/auth/refresh') return refreshAnswer();
    return authorization === `Bearer ${valid}` ? json(200, { ok: true }) : json(401, { statusCode: 401, message: 'Invalid or expired token' });
  });
  globalThis.fetch = fetchMock as typeof fetch;
  return calls;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  setUnauthorizedHandler(null);
  setAccessToken(null);
});

describe('request with an expired access token', () => {
  it('refreshes once and retries with the new token', async () => {
    const calls = fakeServer(() => json(200, { accessToken: 'new-token', user }));
    setAccessToken('old-token');
    await expect(request('/api/thing', z.object({ ok: z.boolean() }))).resolves.toEqual({ ok: true });
    expect(calls.map((c) => [c.url, c.authorization])).toEqual([
      ['/api/thing', 'Bearer old-token'],
      ['/api/auth/refresh', null],
      ['/api/thing', 'Bearer new-token'],
    ]);
    expect(currentAccessToken()).toBe('new-token');
  });

  it('sends one refresh for many calls that failed at once (a refresh token works once)', async () => {
    const calls = fakeServer(() => json(200, { accessToken: 'new-token', user }));
    setAccessToken('old-token');
    await Promise.all(Array.from({ length: 5 }, () => request('/api/thing', z.object({ ok: z.boolean() }))));
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh is refused', async () => {
    fakeServer(() => json(401, { statusCode: 401, message: 'Session expired' }));
    const ended = jest.fn();
    setUnauthorizedHandler(ended);
    setAccessToken('old-token');
    await expect(request('/api/thing', z.unknown())).rejects.toMatchObject({ statusCode: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(currentAccessToken()).toBeNull();
  });

  it('keeps the session when the refresh cannot reach the server', async () => {
    fakeServer(() => {
      throw new TypeError('network down');
    });
    const ended = jest.fn();
    setUnauthorizedHandler(ended);
    setAccessToken('old-token');
    await expect(request('/api/thing', z.unknown())).rejects.toBeInstanceOf(ApiRequestError);
    await expect(refreshSession()).rejects.toMatchObject({ statusCode: 0 });
    expect(ended).not.toHaveBeenCalled();
  });

  it('never refreshes for a call without auth (a failed login is not an expired session)', async () => {
    const calls = fakeServer(() => json(200, { accessToken: 'new-token', user }));
    await expect(request('/api/thing', z.unknown(), { auth: false })).rejects.toMatchObject({ statusCode: 401 });
    expect(calls.map((c) => c.url)).toEqual(['/api/thing']);
  });
});
