import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { CreateUserInput, Page, UpdateUserInput, User } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { StoreScope } from '../auth/store-scope.js';
import { hashPassword } from '../session/password.util.js';
import { RefreshTokenService } from '../session/refresh-token.service.js';
import { revocationFor } from '../auth/token-revocation.js';
import { ValidationError } from '../errors/validation.error.js';
import { PresenceService } from '../routing/presence.service.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { RoutingService } from '../routing/routing.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { toUserDto } from './user.dto.js';
import { UserEntity } from '../auth/user.entity.js';
import { DeskError, notFound } from '../errors/desk-error.js';

/** What an audit entry of a user change records besides the field names: the new role, stores and active flag (never a password). */
function auditedChanges(before: UserEntity, input: UpdateUserInput): Record<string, unknown> {
  return {
    ...(input.role !== undefined && input.role !== before.role && { role: input.role, previousRole: before.role }),
    ...(input.active !== undefined && input.active !== before.active && { active: input.active }),
    ...(input.storeIds !== undefined && { storeIds: input.storeIds }),
  };
}

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
    if (q.storeId && !caller.scope.canSee(q.storeId)) throw notFound('Store');
    const qb = caller.scope.applyToMembers(this.users.createQueryBuilder('u'), 'u.storeIds', caller.user.id).orderBy('u.name', 'ASC');
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.storeId) qb.andWhere(':storeId = ANY(u.storeIds)', { storeId: q.storeId });
    const rows = await qb.getMany();
    const presence = await this.presence.presenceOf(rows);
    return { items: rows.map((u) => toUserDto(u, presence.get(u.id), caller.scope)), total: rows.length, nextCursor: null };
  }

  async create(caller: Caller, input: CreateUserInput): Promise<User> {
    const storeIds = this.storesGiven(caller, input.role, input.storeIds);
    await this.assertStoresExist(storeIds);
    const email = input.email.toLowerCase();
    if (await this.users.existsBy({ email })) throw new DeskError('EMAIL_TAKEN', 'Email already in use', { fields: { email: 'is already in use' } });
    // Without a password: one nobody knows, until the user sets theirs through an invitation link.
    const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString('base64url'));
    return this.db.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).save({
        email,
        name: input.name,
        passwordHash,
        role: input.role,
        storeIds,
        languages: input.languages,
        maxConcurrent: input.maxConcurrent,
      });
      await this.audit.record({ actorId: caller.user.id, action: 'user.created', targetType: 'user', targetId: user.id, details: { role: user.role, storeIds, withPassword: input.password !== undefined } }, m);
      return toUserDto(user, undefined, caller.scope);
    });
  }

  async update(caller: Caller, id: string, input: UpdateUserInput): Promise<User> {
    const user = await this.visibleUser(caller, id);
    if (!user) throw notFound('User');
    const { password, ...rest } = input;
    const changes: Partial<UserEntity> = { ...rest };
    if (input.storeIds || input.role) changes.storeIds = this.storesGiven(caller, input.role ?? user.role, input.storeIds ?? user.storeIds, user.storeIds);
    if (input.storeIds) await this.assertStoresExist(changes.storeIds!);
    if (password) changes.passwordHash = await hashPassword(password);
    const revocation = revocationFor(user, input);
    return this.db.transaction(async (m) => {
      await m.getRepository(UserEntity).update({ id }, changes);
      if (revocation.endTokens) await m.getRepository(UserEntity).increment({ id }, 'tokenVersion', 1);
      if (revocation.endSessions) await this.refreshTokens.revokeUser(id, m);
      await this.audit.record(
        { actorId: caller.user.id, action: 'user.updated', targetType: 'user', targetId: id, details: { changed: Object.keys(input), ...auditedChanges(user, input) } },
        m,
      );
      return (await m.getRepository(UserEntity).findOneBy({ id }))!;
    }).then(async (updated) => {
      // After the commit: a socket reconnecting now is checked against the new token version.
      if (revocation.endTokens) this.events.disconnectUser(id);
      // More room, other stores or languages: waiting conversations may now fit this agent.
      if (input.maxConcurrent !== undefined || input.storeIds || input.languages || input.active) await this.routing.requestDrain(updated.storeIds);
      return toUserDto(updated, undefined, caller.scope);
    });
  }

  /**
   * The stores a user gets: a store-limited admin gives only stores of theirs (and never "every
   * store", which is what no stores means for any role but an agent); the user's other stores stay.
   */
  private storesGiven(caller: Caller, role: UserEntity['role'], given: string[], current: string[] = []): string[] {
    // A brand's user sees its stores and nothing more: never "every store".
    if (role === 'client' && given.length === 0) throw new ValidationError({ storeIds: 'a client must be given their stores' });
    if (caller.scope.isAll) return given;
    if (given.some((s) => !caller.scope.canSee(s))) throw new ValidationError({ storeIds: 'names a store that is not one of yours' });
    const stores = [...new Set([...given, ...current.filter((s) => !caller.scope.canSee(s))])];
    if (role !== 'agent' && stores.length === 0) throw new ValidationError({ storeIds: 'must name at least one of your stores' });
    return stores;
  }

  /** A user sharing a store with the caller (any user for an unrestricted caller), or null. */
  visibleUser(caller: Caller, id: string, where: Partial<UserEntity> = {}): Promise<UserEntity | null> {
    return caller.scope.applyToMembers(this.users.createQueryBuilder('u'), 'u.storeIds').where({ id, ...where }).getOne();
  }

  /**
   * Bulk reassignment (supervisors): an agent's open conversations in the caller's stores go to the
   * queue, or to another agent the caller sees, who must serve the store of every one of them.
   */
  async reassignAll(caller: Caller, userId: string, toUserId: string | null): Promise<{ moved: string[] }> {
    if (!(await this.visibleUser(caller, userId))) throw notFound('User');
    const to = toUserId ? await this.visibleUser(caller, toUserId, { active: true }) : null;
    if (toUserId && (!to || to.role === 'analyst' || to.role === 'client')) throw new ValidationError({ toUserId: 'is not an active agent' });
    const moved = await this.routing.release(userId, { actorId: caller.user.id, toUserId, reason: 'bulk reassignment', scope: caller.scope, assigneeScope: to ? StoreScope.of(to) : undefined });
    if (moved === null) throw new ValidationError({ toUserId: 'does not serve the store of every one of these conversations' });
    return { moved };
  }

  private async assertStoresExist(storeIds: string[]): Promise<void> {
    if (storeIds.length === 0) return;
    const found = await this.db.getRepository(StoreEntity).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: storeIds }).getCount();
    if (found !== new Set(storeIds).size) throw new ValidationError({ storeIds: 'names a store that does not exist' });
  }
}
