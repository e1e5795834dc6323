import { describe, expect, it } from '@jest/globals';
import { revocationFor } from './token-revocation.js';

const agent = { role: 'agent' as const, storeIds: ['a', 'b'], active: true };

describe('revocationFor', () => {
  it('ends tokens and sessions on a new password or a deactivation', () => {
    expect(revocationFor(agent, { password: 'new-password-1' })).toEqual({ endTokens: true, endSessions: true });
    expect(revocationFor(agent, { active: false })).toEqual({ endTokens: true, endSessions: true });
  });

  it('ends only the tokens on a role or store change, so a refresh carries on with the new rights', () => {
    expect(revocationFor(agent, { role: 'supervisor' })).toEqual({ endTokens: true, endSessions: false });
    expect(revocationFor(agent, { storeIds: ['a'] })).toEqual({ endTokens: true, endSessions: false });
    expect(revocationFor(agent, { storeIds: ['a', 'c'] })).toEqual({ endTokens: true, endSessions: false });
  });

  it('ends nothing when nothing that matters changed', () => {
    expect(revocationFor(agent, { name: 'New name', maxConcurrent: 3, languages: ['en'] })).toEqual({ endTokens: false, endSessions: false });
    expect(revocationFor(agent, { role: 'agent', storeIds: ['b', 'a'], active: true })).toEqual({ endTokens: false, endSessions: false });
    expect(revocationFor({ ...agent, active: false }, { active: false })).toEqual({ endTokens: false, endSessions: false });
  });
});
