import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { type CreateInvitationInput, type InvitationInfo, type InvitationIssued, invitationPath } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { hashPassword } from '../session/password.util.js';
import { RefreshTokenService } from '../session/refresh-token.service.js';
import { revocationFor } from '../auth/token-revocation.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { InvitationEntity } from './invitation.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { DeskError, notFound } from '../errors/desk-error.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * One-time links for a user to set their own password (no e-mail server: the admin hands the link over). Only the
 * token's hash is stored; a link works once and until it expires, and a newer link revokes the older ones.
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly events: EventPublisher,
  ) {}

  /** A new link for `user` (one the caller may see: the controller checks it). */
  async issue(caller: Caller, user: Pick<UserEntity, 'id' | 'active'>, input: CreateInvitationInput): Promise<InvitationIssued> {
    if (!user.active) throw new DeskError('INVITATION_GONE', 'This user is deactivated', { fields: { active: 'is false: activate the user first' } });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
    await this.db.transaction(async (m) => {
      await m.getRepository(InvitationEntity).update({ userId: user.id, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
      await m.getRepository(InvitationEntity).insert({ userId: user.id, tokenHash: hashOf(token), createdById: caller.user.id, expiresAt });
      await this.audit.record({ actorId: caller.user.id, action: 'user.invited', targetType: 'user', targetId: user.id, details: { ttlHours: input.ttlHours } }, m);
    });
    return { userId: user.id, token, path: invitationPath(token), expiresAt: expiresAt.toISOString() };
  }

  /** Whom a valid link is for: 404 for an unknown token, 410 for one used, revoked or expired. */
  async info(token: string): Promise<InvitationInfo> {
    const { invitation, user } = await this.valid(token);
    return { email: user.email, name: user.name, expiresAt: invitation.expiresAt.toISOString() };
  }

  /**
   * Sets the user's password and uses the link up. Like any password change it ends the user's tokens and sessions
   * (revocationFor), so a session opened with an older password does not outlive it.
   */
  async accept(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await this.db.transaction(async (m) => {
      const { invitation, user } = await this.valid(token, m);
      const used = await m.getRepository(InvitationEntity).update({ id: invitation.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (!used.affected) throw new DeskError('INVITATION_GONE', 'This invitation link has already been used');
      const revocation = revocationFor(user, { password });
      await m.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      if (revocation.endTokens) await m.getRepository(UserEntity).increment({ id: user.id }, 'tokenVersion', 1);
      if (revocation.endSessions) await this.refreshTokens.revokeUser(user.id, m);
      await this.audit.record({ actorId: user.id, action: 'user.invitation_accepted', targetType: 'user', targetId: user.id }, m);
      return user.id;
    });
    this.events.disconnectUser(userId);
  }

  /** The invitation of a token, if it still works; locked when read inside a transaction (`m`). */
  private async valid(token: string, m?: EntityManager): Promise<{ invitation: InvitationEntity; user: UserEntity }> {
    const qb = (m ?? this.db.manager).getRepository(InvitationEntity).createQueryBuilder('i').innerJoinAndSelect('i.user', 'u').where('i.tokenHash = :hash', { hash: hashOf(token) });
    if (m) qb.setLock('pessimistic_write', undefined, ['i']);
    const invitation = await qb.getOne();
    if (!invitation?.user) throw notFound('Invitation');
    if (invitation.usedAt) throw new DeskError('INVITATION_GONE', 'This invitation link has already been used');
    if (invitation.revokedAt || invitation.expiresAt <= new Date() || !invitation.user.active) throw new DeskError('INVITATION_GONE', 'This invitation link has expired');
    return { invitation, user: invitation.user };
  }
}
