import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mergeMap, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { customerIdsIn, maskForClient } from './client-view.js';

/** Every JSON answer to a brand's `client` user, masked (see client-view.ts); others' answers untouched. */
@Injectable()
export class ClientViewInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const caller = ctx.switchToHttp().getRequest<{ caller?: Caller }>().caller;
    if (caller?.user.role !== 'client') return next.handle();
    return next.handle().pipe(mergeMap(async (body) => (typeof body === 'string' || Buffer.isBuffer(body) ? body : maskForClient(body, '', await this.namesOf(body)))));
  }

  /** The names of the customers an answer mentions by id (a ticket's reason may name its buyer). */
  private async namesOf(body: unknown): Promise<string[]> {
    const ids = [...customerIdsIn(body)];
    if (!ids.length) return [];
    const rows: { name: string | null }[] = await this.db.query(`SELECT name FROM customers WHERE id = ANY($1::uuid[]) AND name IS NOT NULL`, [ids]);
    return rows.map((r) => r.name!);
  }
}
