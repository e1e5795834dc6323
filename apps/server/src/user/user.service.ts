import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { CreateUserInput, Page, UpdateUserInput, User } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { hashPassword } from '../auth/password.util.js';
import { RefreshTokenService } from '../auth/refresh-token.service.js';
import { revocationFor } from '../auth/token-revocation.js';
import { ValidationError } from '../errors/validation.error.js';
import { PresenceService } from '../presence/presence.service.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { RoutingService } from '../routing/routing.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { toUserDto } from './user.dto.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
    private readonly presence: PresenceService,
    private readonly routing: RoutingService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly events: EventPublisher,
  ) {}

  /** Users who share a store with the caller (all users for an unrestricted caller). */
  async list(caller: Caller, q: { role?: string; storeId?: string }): Promise<Page<User>> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.name', 'ASC');
    if (!caller.scope.isAll) qb.andWhere('(u.storeIds && :scopeIds OR u.id = :me)', { scopeIds: caller.scope.storeIds, me: caller.user.id });
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.storeId) qb.andWhere(':storeId = ANY(u.storeIds)', { storeId: q.storeId });
    const rows = await qb.getMany();
    const presence = await this.presence.presenceOf(rows);
    return { items: rows.map((u) => toUserDto(u, presence.get(u.id))), total: rows.length, nextCursor: null };
  }

  async create(caller: Caller, input: CreateUserInput): Promise<User> {
    await this.assertStoresExist(input.storeIds);
    const email = input.email.toLowerCase();
    if (await this.users.existsBy({ email })) throw new ConflictException({ message: 'Email already in use', fields: { email: 'is already in use' } });
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).save({
        email,
        name: input.name,
        passwordHash,
        role: input.role,
        storeIds: input.storeIds,
        languages: input.languages,
        maxConcurrent: input.maxConcurrent,
      });
      await this.audit.record({ actorId: caller.user.id, action: 'user.created', targetType: 'user', targetId: user.id, details: { role: user.role } }, m);
      return toUserDto(user);
    });
  }

  async update(caller: Caller, id: string, input: UpdateUserInput): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('User not found');
    if (input.storeIds) await this.assertStoresExist(input.storeIds);
    const { password, ...rest } = input;
    const changes: Partial<UserEntity> = { ...rest };
    if (password) changes.passwordHash = await hashPassword(password);
    const revocation = revocationFor(user, input);
    return this.db.transaction(async (m) => {
      await m.getRepository(UserEntity).update({ id }, changes);
      if (revocation.endTokens) await m.getRepository(UserEntity).increment({ id }, 'tokenVersion', 1);
      if (revocation.endSessions) await this.refreshTokens.revokeUser(id, m);
      await this.audit.record(
        { actorId: caller.user.id, action: 'user.updated', targetType: 'user', targetId: id, details: { changed: Object.keys(input) } },
        m,
      );
      return toUserDto((await m.getRepository(UserEntity).findOneBy({ id }))!);
    }).then(async (dto) => {
      // After the commit: a socket reconnecting now is checked against the new token version.
      if (revocation.endTokens) this.events.disconnectUser(id);
      // More room, other stores or languages: waiting conversations may now fit this agent.
      if (input.maxConcurrent !== undefined || input.storeIds || input.languages || input.active) await this.routing.requestDrain(dto.storeIds);
      return dto;
    });
  }

  /** Bulk reassignment (supervisors): an agent's open conversations go to another agent or to the queue. */
  async reassignAll(caller: Caller, userId: string, toUserId: string | null): Promise<{ moved: string[] }> {
    const from = await this.users.findOneBy({ id: userId });
    if (!from || !caller.scope.isAll && !from.storeIds.some((s) => caller.scope.canSee(s))) throw new NotFoundException('User not found');
    if (toUserId) {
      const to = await this.users.findOneBy({ id: toUserId, active: true });
      if (!to || to.role === 'analyst') throw new ValidationError({ toUserId: 'is not an active agent' });
    }
    return { moved: await this.routing.release(userId, { actorId: caller.user.id, toUserId, reason: 'bulk reassignment' }) };
  }

  private async assertStoresExist(storeIds: string[]): Promise<void> {
    if (storeIds.length === 0) return;
    const found = await this.db.getRepository(StoreEntity).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: storeIds }).getCount();
    if (found !== new Set(storeIds).size) throw new ValidationError({ storeIds: 'names a store that does not exist' });
  }
}
