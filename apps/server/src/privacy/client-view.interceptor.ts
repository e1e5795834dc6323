import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { Caller } from '../auth/caller.js';
import { maskForClient } from './client-view.js';

/** Every JSON answer to a brand's `client` user, masked (see client-view.ts); others' answers untouched. */
@Injectable()
export class ClientViewInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const caller = ctx.switchToHttp().getRequest<{ caller?: Caller }>().caller;
    if (caller?.user.role !== 'client') return next.handle();
    return next.handle().pipe(map((body) => (typeof body === 'string' || Buffer.isBuffer(body) ? body : maskForClient(body))));
  }
}
