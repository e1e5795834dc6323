import { describe, expect, it, jest } from '@jest/globals';
import { checkPassword, dummyPasswordHash, hashPassword } from './password.util.js';

describe('checkPassword', () => {
  it('verifies an unknown e-mail against the dummy hash, so it takes as long as a wrong password', async () => {
    const verify = jest.fn(async (_hash: string, _password: string) => true);
    expect(await checkPassword(null, 'guess', verify)).toBe(false);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0]).toEqual([await dummyPasswordHash(), 'guess']);
  });

  it("verifies a known user's password against their hash", async () => {
    const user = { passwordHash: await hashPassword('right-one') };
    expect(await checkPassword(user, 'right-one')).toBe(true);
    expect(await checkPassword(user, 'wrong-one')).toBe(false);
  });

  it('makes the dummy hash with the same argon2 parameters as real ones', async () => {
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(params(await dummyPasswordHash())).toBe(params(await hashPassword('anything')));
    expect(await dummyPasswordHash()).toBe(await dummyPasswordHash());
  });
});
