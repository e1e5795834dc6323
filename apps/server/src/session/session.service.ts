import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { LoginInput, LoginResult, User } from '@kefu/contracts';
import { PresenceService } from '../routing/presence.service.js';
import { UserEntity } from '../auth/user.entity.js';
import { toUserDto } from '../user/user.dto.js';
import { LoginThrottle } from './login-throttle.service.js';
import { checkPassword } from './password.util.js';
import { RefreshTokenService } from './refresh-token.service.js';
import { TokenService } from '../auth/token.service.js';
import { DeskError } from '../errors/desk-error.js';

/** A session as the controller hands it out: the access token and user in the body, the refresh token in a cookie. */
export interface Session extends LoginResult {
  refreshToken: string;
}

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly throttle: LoginThrottle,
    private readonly presence: PresenceService,
  ) {}

  async me(user: UserEntity): Promise<User> {
    return toUserDto(user, (await this.presence.presenceOf([user])).get(user.id));
  }

  /** `address`: the caller's IP, for the failed-login limit per address. */
  async login({ email, password }: LoginInput, address: string): Promise<Session> {
    await this.throttle.assertAllowed(email, address);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active', { email: email.toLowerCase() })
      .getOne();
    const ok = await checkPassword(user, password);
    if (!ok || !user) {
      await this.throttle.recordFailure(email, address);
      throw new DeskError('BAD_CREDENTIALS', 'Invalid email or password');
    }
    return this.session(user, await this.refreshTokens.start(user.id));
  }

  /** Exchanges a refresh token for a new access token and a new refresh token. */
  async refresh(refreshToken: string | undefined): Promise<Session> {
    const rotated = refreshToken ? await this.refreshTokens.rotate(refreshToken) : null;
    const user = rotated ? await this.users.findOneBy({ id: rotated.userId, active: true }) : null;
    if (!rotated || !user) throw new DeskError('SESSION_EXPIRED', 'Session expired: log in again');
    return this.session(user, rotated.token);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  private async session(user: UserEntity, refreshToken: string): Promise<Session> {
    return { accessToken: await this.tokens.issue(user), user: await this.me(user), refreshToken };
  }
}
