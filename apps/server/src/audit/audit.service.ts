import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { keysetPage } from '../common/keyset-page.util.js';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Records inside the caller's transaction when given one, so the audit and the change commit together. */
  async record(rec: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEventEntity) : this.events;
    await repo.insert({ ...rec, details: (rec.details ?? {}) as never });
  }

  list(q: { limit: number; cursor?: string; targetType?: string; targetId?: string; actorId?: string; action?: string }) {
    const qb = this.events.createQueryBuilder('a');
    if (q.targetType) qb.andWhere('a.targetType = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.targetId = :targetId', { targetId: q.targetId });
    if (q.actorId) qb.andWhere('a.actorId = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    return keysetPage(qb, {
      timeColumn: 'a.at',
      idColumn: 'a.id',
      limit: q.limit,
      cursor: q.cursor,
      timeOf: (a) => a.at,
      map: (a) => ({ ...a, at: a.at.toISOString() }),
    });
  }
}
