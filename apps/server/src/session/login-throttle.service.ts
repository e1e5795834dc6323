import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { RedisThrottlerStorage } from '../throttle/redis-throttler.storage.js';
import { DeskError } from '../errors/desk-error.js';

/** 429 for a login while its account or address has failed too often; `Retry-After` comes from `retryAfterSeconds`. */
export class TooManyLoginFailures extends DeskError {
  constructor(readonly retryAfterSeconds: number) {
    super('LOGIN_THROTTLED', `Too many failed logins: retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * Failed logins per account and per address, in Redis (shared by every api process). Only failures
 * count, so an office of agents signing in from one address at 09:00 is never slowed; once either
 * counter reaches its limit, logins for that account or from that address answer 429 without
 * checking the password (no oracle) until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectThrottlerStorage() private readonly storage: RedisThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, from] = this.keys(email, address);
    const waitMs = await this.storage.blockedFor([
      { key: account, limit: this.config.loginFailuresPerAccount },
      { key: from, limit: this.config.loginFailuresPerAddress },
    ]);
    if (waitMs > 0) throw new TooManyLoginFailures(Math.ceil(waitMs / 1000));
  }

  recordFailure(email: string, address: string): Promise<void> {
    return this.storage.count(this.keys(email, address), this.config.loginFailureWindowSeconds * 1000);
  }

  private keys(email: string, address: string): [string, string] {
    // The e-mail hashed: Redis need not hold who was tried.
    const account = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
    return [`login:account:${account}`, `login:address:${address}`];
  }
}
