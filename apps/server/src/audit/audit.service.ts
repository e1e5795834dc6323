import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { AuditEvent, AuditQuery, Page } from '@kefu/contracts';
import { keysetPage } from '../common/keyset-page.util.js';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
}

/** Tables whose rows an audit entry can name, with the column that names them. */
const NAMED_TARGETS: Record<string, { table: string; column: string }> = {
  store: { table: 'stores', column: 'name' },
  user: { table: 'users', column: 'name' },
  channel: { table: 'channels', column: 'name' },
  kb_article: { table: 'kb_articles', column: 'title' },
};

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Records inside the caller's transaction when given one, so the audit and the change commit together. */
  async record(rec: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEventEntity) : this.events;
    await repo.insert({ ...rec, details: (rec.details ?? {}) as never });
  }

  async list(q: AuditQuery): Promise<Page<AuditEvent>> {
    const qb = this.events.createQueryBuilder('a');
    if (q.targetType) qb.andWhere('a.targetType = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.targetId = :targetId', { targetId: q.targetId });
    if (q.actorId) qb.andWhere('a.actorId = :actorId', { actorId: q.actorId });
    // `store` is every store.* action; the contract allows only letters, underscores and dots (no LIKE wildcards).
    if (q.action) qb.andWhere('(a.action = :action OR a.action LIKE :family)', { action: q.action, family: `${q.action}.%` });
    if (q.from) qb.andWhere('a.at >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('a.at < :to', { to: new Date(q.to) });
    const page = await keysetPage(qb, {
      timeColumn: 'a.at',
      idColumn: 'a.id',
      limit: q.limit,
      cursor: q.cursor,
      timeOf: (a) => a.at,
      map: (a) => a,
    });
    const names = await this.namesOf(page.items);
    return {
      ...page,
      items: page.items.map((a) => ({
        ...a,
        at: a.at.toISOString(),
        actorName: a.actorId ? (names.get(`user:${a.actorId}`) ?? null) : null,
        targetName: names.get(`${a.targetType}:${a.targetId}`) ?? null,
      })),
    };
  }

  /** Names of the actors and targets of a page of entries, keyed `type:id`. */
  private async namesOf(rows: AuditEventEntity[]): Promise<Map<string, string>> {
    const wanted = new Map<string, Set<string>>();
    const want = (type: string, id: string | null) => {
      if (!id || !NAMED_TARGETS[type] || !/^[0-9a-f-]{36}$/i.test(id)) return;
      wanted.set(type, (wanted.get(type) ?? new Set()).add(id));
    };
    for (const r of rows) {
      want('user', r.actorId);
      want(r.targetType, r.targetId);
    }
    const names = new Map<string, string>();
    for (const [type, ids] of wanted) {
      const { table, column } = NAMED_TARGETS[type];
      const found: { id: string; name: string }[] = await this.events.manager
        .createQueryBuilder()
        .select(['t.id AS id', `t.${column} AS name`])
        .from(table, 't')
        .where('t.id = ANY(:ids)', { ids: [...ids] })
        .getRawMany();
      for (const f of found) names.set(`${type}:${f.id}`, f.name);
    }
    return names;
  }
}
