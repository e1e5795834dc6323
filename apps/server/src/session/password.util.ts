import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** The hash of a password nobody knows, made like every other (same argon2 parameters). */
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword(randomBytes(24).toString('base64url')));

/**
 * Whether `password` is this user's. Without a user (unknown or inactive e-mail) it still verifies,
 * against the dummy hash, so that an unknown e-mail takes as long to refuse as a wrong password.
 */
export async function checkPassword(user: { passwordHash: string } | null, password: string, verifyFn = verifyPassword): Promise<boolean> {
  const ok = await verifyFn(user?.passwordHash ?? (await dummyPasswordHash()), password);
  return user !== null && ok;
}
