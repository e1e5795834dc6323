import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { UserEntity } from './user.entity.js';
import { Caller, callerOf } from './caller.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenClaims {
  sub: string;
  /** The user's token version when the token was issued (see UserEntity.tokenVersion). */
  ver: number;
  exp: number;
}

/**
 * Why a token was refused: `invalid` (not ours, malformed, no expiry, user gone or inactive) or
 * `stale` (ours, but expired or issued before a password, role, store or active change: a refresh
 * gives a current one).
 */
export type TokenCheck = { caller: Caller } | { refused: 'invalid' | 'stale' };

/** Issues access tokens and turns one back into a caller (HTTP guard and socket handshake alike). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(user: Pick<UserEntity, 'id' | 'tokenVersion'>): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion }, { expiresIn: this.config.accessTokenTtlSeconds });
  }

  async check(token: string | undefined): Promise<TokenCheck> {
    if (!token) return { refused: 'invalid' };
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (err) {
      return { refused: (err as Error).name === 'TokenExpiredError' ? 'stale' : 'invalid' };
    }
    // jsonwebtoken accepts a token without `exp`; ours always have one.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || !UUID.test(claims.sub) || !Number.isInteger(claims.ver)) return { refused: 'invalid' };
    const user = await this.users.findOneBy({ id: claims.sub, active: true });
    if (!user) return { refused: 'invalid' };
    if (user.tokenVersion !== claims.ver) return { refused: 'stale' };
    return { caller: callerOf(user) };
  }

  /** Whether the user's tokens of this version are still current (nothing bumped it since it was read). */
  async isCurrent(user: Pick<UserEntity, 'id' | 'tokenVersion'>): Promise<boolean> {
    return this.users.existsBy({ id: user.id, tokenVersion: user.tokenVersion, active: true });
  }

  /** The caller a token stands for, or null when the token is refused. */
  async resolve(token: string | undefined): Promise<Caller | null> {
    const result = await this.check(token);
    return 'caller' in result ? result.caller : null;
  }
}
