import type { z } from 'zod';
import type { ApiError } from '@kefu/contracts';
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
}

type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** false for the login call: its 401 means bad credentials, not an expired session. */
  auth?: boolean;
  signal?: AbortSignal;
}

let accessToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export const setAccessToken = (token: string | null): void => {
  accessToken = token;
};

/** Called whenever an authenticated call answers 401: the session is over. */
export const setUnauthorizedHandler = (handler: (() => void) | null): void => {
  unauthorizedHandler = handler;
};

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
  if (options.auth !== false && accessToken) headers.authorization = `Bearer ${accessToken}`;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, 'The server could not be reached');
  }
  noteServerDate(res.headers.get('date'));
  const data = await readJson(res);

  if (!res.ok) {
    if (res.status === 401 && options.auth !== false) unauthorizedHandler?.();
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
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), { headers, signal: options.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, 'The server could not be reached');
  }
  if (!res.ok) {
    if (res.status === 401) unauthorizedHandler?.();
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
