import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Channel, ChannelWithSecret, RotateChannelSecretInput, UpdateChannelInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { toChannelDto } from './channel.dto.js';
import { ChannelEntity } from './channel.entity.js';
import { newChannelSecret } from './channel-secret.js';
import { notFound } from '../errors/desk-error.js';

/** An admin's changes to a channel: its secret (rotated with an overlap), its name, disabled or not. Each is audited; no secret is. */
@Injectable()
export class ChannelService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(caller: Caller, id: string): Promise<Channel> {
    return toChannelDto(await this.visible(caller, id, this.db.manager));
  }

  /**
   * A new secret, shown once. The old one (the current, not an older one still overlapping) keeps verifying
   * until the overlap ends, so the platform can switch without losing a message.
   */
  async rotateSecret(caller: Caller, id: string, input: RotateChannelSecretInput): Promise<ChannelWithSecret> {
    const secret = newChannelSecret();
    return this.db.transaction(async (m) => {
      const channel = await this.visible(caller, id, m, true);
      const now = new Date();
      const overlapEnds = input.overlapSeconds > 0 ? new Date(now.getTime() + input.overlapSeconds * 1000) : null;
      const old = await m.getRepository(ChannelEntity).createQueryBuilder('ch').addSelect('ch.secret').where({ id }).getOneOrFail();
      await m.getRepository(ChannelEntity).update(
        { id },
        { secret, previousSecret: overlapEnds ? old.secret : null, previousSecretExpiresAt: overlapEnds, secretRotatedAt: now },
      );
      await this.audit.record(
        { actorId: caller.user.id, action: 'channel.secret_rotated', targetType: 'channel', targetId: id, details: { storeId: channel.storeId, overlapSeconds: input.overlapSeconds } },
        m,
      );
      const fresh = await m.getRepository(ChannelEntity).findOneByOrFail({ id });
      return { ...toChannelDto(fresh, now), secret };
    });
  }

  async update(caller: Caller, id: string, input: UpdateChannelInput): Promise<Channel> {
    return this.db.transaction(async (m) => {
      const channel = await this.visible(caller, id, m, true);
      const changes: Partial<ChannelEntity> = {};
      if (input.name !== undefined && input.name !== channel.name) changes.name = input.name;
      if (input.active === false && !channel.disabledAt) changes.disabledAt = new Date();
      if (input.active === true && channel.disabledAt) changes.disabledAt = null;
      if (Object.keys(changes).length === 0) return toChannelDto(channel);
      await m.getRepository(ChannelEntity).update({ id }, changes);
      const action = 'disabledAt' in changes ? (changes.disabledAt ? 'channel.disabled' : 'channel.enabled') : 'channel.updated';
      await this.audit.record(
        { actorId: caller.user.id, action, targetType: 'channel', targetId: id, details: { storeId: channel.storeId, changed: Object.keys(input), ...(changes.name && { name: changes.name }) } },
        m,
      );
      return toChannelDto(await m.getRepository(ChannelEntity).findOneByOrFail({ id }));
    });
  }

  /** A channel of a store the caller may see (locked for a change), or 404. */
  private async visible(caller: Caller, id: string, m: EntityManager, lock = false): Promise<ChannelEntity> {
    const qb = m.getRepository(ChannelEntity).createQueryBuilder('ch').where('ch.id = :id', { id });
    caller.scope.apply(qb, 'ch.storeId');
    if (lock) qb.setLock('pessimistic_write', undefined, ['ch']);
    const channel = await qb.getOne();
    if (!channel) throw notFound('Channel');
    return channel;
  }
}
