import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AgentStatus, Page, User } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { RoutingService } from './routing.service.js';
import { toUserDto } from '../user/user.dto.js';
import { UserEntity } from '../auth/user.entity.js';
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
    const users = await caller.scope.applyToMembers(this.db.getRepository(UserEntity).createQueryBuilder('u'), 'u.storeIds').where(`u.role = 'agent' AND u.active`).orderBy('u.name').getMany();
    const presence = await this.presence.presenceOf(users);
    // The load the caller may see: open conversations in the caller's stores.
    const params: unknown[] = [users.map((u) => u.id)];
    const loads: { id: string; n: number }[] = users.length
      ? await this.db.query(`SELECT assignee_id AS id, count(*)::int AS n FROM conversations WHERE assignee_id = ANY($1) AND status = 'open' AND ${caller.scope.sql('store_id', params)} GROUP BY 1`, params)
      : [];
    const load = new Map(loads.map((l) => [l.id, l.n]));
    const items = users.map((u) => ({ ...toUserDto(u, presence.get(u.id), caller.scope), openConversations: load.get(u.id) ?? 0 }));
    return { items, total: items.length, nextCursor: null };
  }
}
