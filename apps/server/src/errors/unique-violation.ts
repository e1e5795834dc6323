import { QueryFailedError } from 'typeorm';
import type { DeskError } from './desk-error.js';

const UNIQUE_VIOLATION = '23505';

/** A PostgreSQL unique violation (SQLSTATE 23505), optionally of one named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; constraint?: string };
  return driver.code === UNIQUE_VIOLATION && (constraint === undefined || driver.constraint === constraint);
}

/**
 * Runs a write and turns a unique violation into the caller's coded conflict; any other error
 * passes through. (A unique violation nobody names here is answered 409 CONFLICT by the filter.)
 */
export async function onUniqueViolation<T>(write: () => Promise<T>, conflict: () => DeskError, constraint?: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err, constraint)) throw conflict();
    throw err;
  }
}
