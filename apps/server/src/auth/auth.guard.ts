import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@kefu/contracts';
import { FOR_CLIENTS, IS_PUBLIC, ROLES } from './auth.decorators.js';
import { TokenService } from './token.service.js';
import { DeskError, forbidden } from '../errors/desk-error.js';

/** Global guard: bearer token → `request.caller`, then the route's @Roles (for clients: @ForClients). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
    const caller = await this.tokens.resolve(token);
    if (!caller) throw token ? new DeskError('TOKEN_INVALID', 'Invalid or expired token') : new DeskError('UNAUTHENTICATED', 'Missing bearer token');
    req.caller = caller;
    if (caller.user.role === 'client') {
      if (this.reflector.getAllAndOverride<boolean>(FOR_CLIENTS, targets)) return true;
      throw forbidden('Client accounts read their stores and write report comments only');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(caller.user.role)) throw forbidden(`Requires role ${roles.join(' or ')}`);
    return true;
  }
}
