import { describe, expect, it } from '@jest/globals';
import { signBody } from '../inbound/signature.util.js';
import { isChannelSignature, newChannelSecret } from './channel-secret.js';

describe('channel signatures across a secret rotation', () => {
  const body = Buffer.from('{"text":"在吗"}');
  const now = new Date('2026-12-02T08:00:00Z');
  const rotated = { secret: 'new-secret', previousSecret: 'old-secret', previousSecretExpiresAt: new Date('2026-12-02T09:00:00Z') };

  it('accepts the current secret, and the previous one during the overlap', () => {
    expect(isChannelSignature(rotated, body, signBody('new-secret', body), now)).toBe(true);
    expect(isChannelSignature(rotated, body, signBody('old-secret', body), now)).toBe(true);
  });

  it('refuses the previous secret once the overlap is over, and any other secret', () => {
    expect(isChannelSignature(rotated, body, signBody('old-secret', body), new Date('2026-12-02T09:00:00Z'))).toBe(false);
    expect(isChannelSignature({ ...rotated, previousSecretExpiresAt: null }, body, signBody('old-secret', body), now)).toBe(false);
    expect(isChannelSignature(rotated, body, signBody('guessed', body), now)).toBe(false);
    expect(isChannelSignature(rotated, body, undefined, now)).toBe(false);
  });

  it('makes long random secrets', () => {
    const a = newChannelSecret();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newChannelSecret()).not.toBe(a);
  });
});
