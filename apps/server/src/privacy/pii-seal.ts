import { Inject, Injectable, Logger } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Receiver } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Where a generated key is kept when PII_KEY is not set (git-ignored; the same file for src and dist). */
const KEY_FILE = fileURLToPath(new URL('../../.pii-key', import.meta.url));

function loadKey(config: AppConfig, log: Logger): Buffer {
  const given = config.piiKey;
  if (given) return /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, 'hex') : Buffer.from(given, 'base64');
  if (!existsSync(KEY_FILE)) {
    try {
      writeFileSync(KEY_FILE, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process wrote it first
    }
  }
  if (config.env === 'production') log.warn(`PII_KEY is not set: personal data is sealed with the key in ${KEY_FILE}; set PII_KEY, or that data dies with the file`);
  return Buffer.from(readFileSync(KEY_FILE, 'utf8').trim(), 'hex');
}

/**
 * Buyers' personal data (an order's receiver) sealed with AES-256-GCM under a key from the configuration,
 * never stored in the database: `v1.<iv>.<tag>.<ciphertext>` (base64url). What the database holds cannot
 * be read without the key, and a changed ciphertext fails to open rather than reading as something else.
 */
@Injectable()
export class PiiSeal {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = loadKey(config, new Logger('PiiSeal'));
  }

  seal(receiver: Receiver): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(receiver), 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string): Receiver {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1') throw new Error(`unknown seal ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')) as Receiver;
  }
}
