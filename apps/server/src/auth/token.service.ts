import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '../user/user.entity.js';
import { Caller, callerOf } from './caller.js';

interface TokenClaims {
  sub: string;
}

/** Issues access tokens and turns one back into a caller (HTTP guard and socket handshake alike). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  issue(user: UserEntity): Promise<string> {
    return this.jwt.signAsync({ sub: user.id } satisfies TokenClaims);
  }

  /** The caller a token stands for, or null when the token is bad or the user inactive. */
  async resolve(token: string | undefined): Promise<Caller | null> {
    if (!token) return null;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    const user = await this.users.findOneBy({ id: claims.sub, active: true });
    return user ? callerOf(user) : null;
  }
}
