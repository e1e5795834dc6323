import { createHmac, timingSafeEqual } from 'node:crypto';

export const signBody = (secret: string, rawBody: Buffer | string) => `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;

/** Constant-time check of `X-Kefu-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function isValidSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, rawBody));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
