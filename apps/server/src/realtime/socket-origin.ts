import type { IncomingMessage } from 'node:http';

/**
 * May this handshake open the live socket? A browser always sends `Origin` (for WebSocket upgrades
 * too, which CORS does not cover), so a page of another site is refused here, before any token is
 * looked at. The desk's own page (same host) and the configured origins may; a request without
 * `Origin` is no browser page's and still needs a token.
 */
export function socketOriginAllowed(req: Pick<IncomingMessage, 'headers'>, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
