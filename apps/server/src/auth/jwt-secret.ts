import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';

const NAME = 'jwt';

/**
 * The key access tokens are signed with: JWT_SECRET when set, otherwise one the desk generated at
 * its first start and keeps in PostgreSQL, so every api process (and every restart) uses the same
 * one. Insert-if-absent, then read: two processes starting at once agree on the first one written.
 */
export async function loadJwtSecret(db: DataSource, config: AppConfig): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const inserted: unknown[] = await db.query(`INSERT INTO auth_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name`, [
    NAME,
    randomBytes(48).toString('base64url'),
  ]);
  if (inserted.length) new Logger('Auth').log('JWT_SECRET is not set: generated a signing key and kept it in the database (auth_secrets)');
  const [row]: { value: string }[] = await db.query(`SELECT value FROM auth_secrets WHERE name = $1`, [NAME]);
  return row!.value;
}
