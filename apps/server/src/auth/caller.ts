import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { UserEntity } from './user.entity.js';
import { StoreScope } from './store-scope.js';

/** Who is calling, and the stores they may see. Set on the request by the AuthGuard. */
export interface Caller {
  user: UserEntity;
  scope: StoreScope;
}

export const callerOf = (user: UserEntity): Caller => ({ user, scope: StoreScope.of(user) });

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => ctx.switchToHttp().getRequest().caller);

/** The desk itself (scheduled jobs), seeing only the given stores through the same scope as any user. */
export const deskCaller = (storeIds: string[]): Caller => {
  const user = { id: '00000000-0000-0000-0000-000000000000', name: 'Kefu Desk', role: 'analyst', storeIds } as UserEntity;
  return { user, scope: StoreScope.of(user) };
};
