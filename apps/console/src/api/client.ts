import type { z } from 'zod';
import { ErrorCodeSchema, LoginResult, type ApiError, type ErrorCode } from '@kefu/contracts';
import { noteServerDate } from '../time/server-clock';

/** An API call that failed: `statusCode` 0 means the server could not be reached. */
export class ApiRequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly fields?: Record<string, string>,
    /** The whole error answer, for the extra fields some errors carry (a 409's `assigneeId`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** The answer's error code, what the screens switch on; undefined when the server could not be reached. */
  get code(): ErrorCode | undefined {
    const code = ErrorCodeSchema.safeParse(this.body.code);
    return code.success ? code.data : undefined;
  }
}

type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** false for the login call: its 401 means bad credentials, not an expired session (no token, no refresh). */
  auth?: boolean;
  signal?: AbortSignal;
}

// The access token lives in memory only (never in storage a script could read later); the refresh
// token is an httpOnly cookie the browser sends to /api/auth alone.
let accessToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
let refreshedHandler: ((session: LoginResult) => void) | null = null;
let refreshing: Promise<LoginResult | null> | null = null;

export const setAccessToken = (token: string | null): void => {
  accessToken = token;
};

export const currentAccessToken = (): string | null => accessToken;

/** Called when an authenticated call answers 401 and a refresh cannot renew the session: it is over. */
export const setUnauthorizedHandler = (handler: (() => void) | null): void => {
  unauthorizedHandler = handler;
};

/** Called after every successful refresh (the user's role or stores may have changed). */
export const setRefreshedHandler = (handler: ((session: LoginResult) => void) | null): void => {
  refreshedHandler = handler;
};

/**
 * Exchanges the refresh cookie for a new access token (and cookie). `null`: the session is over
 * (log in again); throws when the server cannot be reached. One refresh at a time, across tabs too
 * (a refresh token works once: presenting it twice ends the session).
 */
export function refreshSession(): Promise<LoginResult | null> {
  refreshing ??= withRefreshLock(postRefresh).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Ends the session on the server (revokes the refresh token, clears its cookie) and forgets the access token. */
export async function endSession(): Promise<void> {
  accessToken = null;
  await fetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
}

function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('kefu.refresh', fn) : fn();
}

async function postRefresh(): Promise<LoginResult | null> {
  let res: Response;
  try {
    res = await fetch('/api/auth/refresh', { method: 'POST', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiRequestError(0, 'The server could not be reached');
  }
  if (res.status === 401) {
    accessToken = null;
    return null;
  }
  const parsed = LoginResult.safeParse(await readJson(res));
  if (!res.ok || !parsed.success) throw new ApiRequestError(res.status, `Could not renew the session (HTTP ${res.status})`);
  accessToken = parsed.data.accessToken;
  refreshedHandler?.(parsed.data);
  return parsed.data;
}

/**
 * Fetches with the current access token; on a 401 it refreshes the session once and retries. A 401
 * that survives (no session any more) calls the unauthorized handler.
 */
async function fetchWithSession(url: string, init: RequestInit, auth: boolean): Promise<Response> {
  const send = async () => {
    const headers = new Headers(init.headers);
    if (auth && accessToken) headers.set('authorization', `Bearer ${accessToken}`);
    try {
      return await fetch(url, { ...init, headers });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiRequestError(0, 'The server could not be reached');
    }
  };
  const res = await send();
  if (res.status !== 401 || !auth) return res;
  // `undefined`: the refresh could not reach the server; the session may well be alive.
  const renewed = await refreshSession().catch(() => undefined);
  if (renewed === undefined) return res;
  if (renewed === null) {
    unauthorizedHandler?.();
    return res;
  }
  const retried = await send();
  if (retried.status === 401) unauthorizedHandler?.();
  return retried;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Calls the API and parses the answer with the contract's schema, so the console cannot drift from the API. */
export async function request<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  const res = await fetchWithSession(
    buildUrl(path, options.query),
    { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal },
    options.auth !== false,
  );
  noteServerDate(res.headers.get('date'));
  const data = await readJson(res);

  if (!res.ok) {
    const body = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    const error = body as Partial<ApiError>;
    throw new ApiRequestError(res.status, error.message || res.statusText || `HTTP ${res.status}`, error.fields, body);
  }

  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${path}`, parsed.error);
    throw new ApiRequestError(res.status, `Unexpected answer from ${path}`);
  }
  return parsed.data;
}

/** A file the API answers (a CSV export), with the name its `content-disposition` gives. */
export interface ApiFile {
  blob: Blob;
  filename: string | null;
}

/** Downloads a file from the API with the bearer token (a plain link cannot send it). */
export async function requestFile(path: string, options: Pick<RequestOptions, 'query' | 'signal'> = {}): Promise<ApiFile> {
  const headers: Record<string, string> = { accept: 'text/csv, application/octet-stream, */*' };
  const res = await fetchWithSession(buildUrl(path, options.query), { headers, signal: options.signal }, true);
  if (!res.ok) {
    const data = await readJson(res);
    const body = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    const error = body as Partial<ApiError>;
    throw new ApiRequestError(res.status, error.message || res.statusText || `HTTP ${res.status}`, error.fields, body);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  let filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
  try {
    if (encoded) filename = decodeURIComponent(encoded);
  } catch {
    // keep the plain name
  }
  return { blob: await res.blob(), filename };
}

export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';
