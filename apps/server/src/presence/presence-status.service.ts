import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AgentStatus, Page, User } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { RoutingService } from '../routing/routing.service.js';
import { toUserDto } from '../user/user.dto.js';
import { UserEntity } from '../user/user.entity.js';
import { PresenceService } from './presence.service.js';

@Injectable()
export class PresenceStatusService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly presence: PresenceService,
    private readonly routing: RoutingService,
  ) {}

  async set(caller: Caller, status: AgentStatus): Promise<User> {
    await this.db.getRepository(UserEntity).update({ id: caller.user.id }, { status });
    const user = { ...caller.user, status };
    await this.presence.announce(user.id);
    if (status === 'available' && user.role === 'agent') await this.routing.requestDrain(user.storeIds);
    return toUserDto(user, (await this.presence.presenceOf([user])).get(user.id));
  }

  async list(caller: Caller): Promise<Page<User & { openConversations: number }>> {
    const qb = this.db.getRepository(UserEntity).createQueryBuilder('u').where(`u.role = 'agent' AND u.active`).orderBy('u.name');
    if (!caller.scope.isAll) qb.andWhere('u.storeIds && :scopeIds', { scopeIds: caller.scope.storeIds });
    const users = await qb.getMany();
    const presence = await this.presence.presenceOf(users);
    const loads: { id: string; n: number }[] = users.length
      ? await this.db.query(`SELECT assignee_id AS id, count(*)::int AS n FROM conversations WHERE assignee_id = ANY($1) AND status = 'open' GROUP BY 1`, [users.map((u) => u.id)])
      : [];
    const load = new Map(loads.map((l) => [l.id, l.n]));
    const items = users.map((u) => ({ ...toUserDto(u, presence.get(u.id)), openConversations: load.get(u.id) ?? 0 }));
    return { items, total: items.length, nextCursor: null };
  }
}
