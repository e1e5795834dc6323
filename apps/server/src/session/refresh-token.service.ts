import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Rotating refresh tokens, stored hashed: a login starts a family, each refresh exchanges the token
 * for a new one of the family, and a token presented after it was exchanged revokes the family
 * (one of two holders is a thief; both must log in again).
 */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  get ttlMs(): number {
    return this.config.refreshTokenTtlDays * 86_400_000;
  }

  /** Starts a family (a login); returns the token to hand out. */
  async start(userId: string): Promise<string> {
    const repo = this.db.getRepository(RefreshTokenEntity);
    await repo.createQueryBuilder().delete().where('user_id = :userId AND expires_at < now()', { userId }).execute();
    return this.insert(this.db.manager, userId, randomUUID());
  }

  /** Exchanges a token for its successor: `null` when it is unknown, expired, revoked or was already exchanged. */
  async rotate(token: string): Promise<{ userId: string; token: string } | null> {
    return this.db.transaction(async (m) => {
      const row = await m
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: hashOf(token) })
        .getOne();
      if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
      if (row.rotatedAt) {
        await this.revokeWhere(m, { familyId: row.familyId });
        await this.audit.record({ actorId: null, action: 'auth.refresh_reused', targetType: 'user', targetId: row.userId, details: { familyId: row.familyId } }, m);
        this.logger.warn(`refresh token presented again after rotation: family ${row.familyId} of user ${row.userId} revoked`);
        return null;
      }
      await m.getRepository(RefreshTokenEntity).update({ id: row.id }, { rotatedAt: new Date() });
      return { userId: row.userId, token: await this.insert(m, row.userId, row.familyId) };
    });
  }

  /** Ends the session a token belongs to (logout). */
  async revokeFamilyOf(token: string): Promise<void> {
    const row = await this.db.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hashOf(token) });
    if (row) await this.revokeWhere(this.db.manager, { familyId: row.familyId });
  }

  /** Ends every session of a user (password change, deactivation), inside the caller's transaction. */
  revokeUser(userId: string, m: EntityManager): Promise<void> {
    return this.revokeWhere(m, { userId });
  }

  private async revokeWhere(m: EntityManager, where: { familyId: string } | { userId: string }): Promise<void> {
    await m.getRepository(RefreshTokenEntity).update({ ...where, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async insert(m: EntityManager, userId: string, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await m.getRepository(RefreshTokenEntity).insert({ userId, familyId, tokenHash: hashOf(token), expiresAt: new Date(Date.now() + this.ttlMs) });
    return token;
  }
}
