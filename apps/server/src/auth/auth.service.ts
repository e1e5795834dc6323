import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { LoginInput, LoginResult, User } from '@kefu/contracts';
import { PresenceService } from '../presence/presence.service.js';
import { UserEntity } from '../user/user.entity.js';
import { toUserDto } from '../user/user.dto.js';
import { verifyPassword } from './password.util.js';
import { TokenService } from './token.service.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: TokenService,
    private readonly presence: PresenceService,
  ) {}

  async me(user: UserEntity): Promise<User> {
    return toUserDto(user, (await this.presence.presenceOf([user])).get(user.id));
  }

  async login({ email, password }: LoginInput): Promise<LoginResult> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active', { email: email.toLowerCase() })
      .getOne();
    if (!user || !(await verifyPassword(user.passwordHash, password))) throw new UnauthorizedException('Invalid email or password');
    return { accessToken: await this.tokens.issue(user), user: toUserDto(user, (await this.presence.presenceOf([user])).get(user.id)) };
  }
}
