import { describe, expect, it } from '@jest/globals';
import { isValidSignature, signBody } from './signature.util.js';

describe('webhook signature', () => {
  const body = Buffer.from('{"text":"你好"}');

  it('accepts the HMAC-SHA256 of the raw body with the channel secret', () => {
    expect(isValidSignature('s3cret', body, signBody('s3cret', body))).toBe(true);
    expect(isValidSignature('s3cret', body, signBody('s3cret', body).toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
  });

  it('refuses another secret, another body, a missing or malformed header', () => {
    expect(isValidSignature('s3cret', body, signBody('other', body))).toBe(false);
    expect(isValidSignature('s3cret', Buffer.from('{"text":"你好 "}'), signBody('s3cret', body))).toBe(false);
    expect(isValidSignature('s3cret', body, undefined)).toBe(false);
    expect(isValidSignature('s3cret', body, 'sha256=abc')).toBe(false);
  });
});
