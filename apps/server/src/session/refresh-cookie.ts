import type { CookieOptions, Request, Response } from 'express';
import { REFRESH_COOKIE } from '@kefu/contracts';
import type { AppConfig } from '../config/config.js';

/** The refresh token travels only in its cookie (REFRESH_COOKIE): httpOnly, SameSite=Strict, sent only to /api/auth. */
const options = (config: AppConfig): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: config.env === 'production',
  path: '/api/auth',
});

export function setRefreshCookie(res: Response, config: AppConfig, token: string): void {
  res.cookie(REFRESH_COOKIE, token, { ...options(config), maxAge: config.refreshTokenTtlDays * 86_400_000 });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, options(config));
}

/** The refresh token the browser sent, if any (no cookie parser: this is the one cookie the api reads). */
export function refreshCookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
