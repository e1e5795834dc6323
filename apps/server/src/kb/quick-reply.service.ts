import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { CreateQuickReplyInput, ListQuickRepliesQuery, Page, QuickReply, QuickReplySaved, UpdateQuickReplyInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { ValidationError } from '../errors/validation.error.js';
import { GuardCheckService } from '../guard/guard-check.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { toQuickReplyDto } from './kb.dto.js';
import { assertCanWrite } from './kb-access.js';
import { QuickReplyEntity } from './quick-reply.entity.js';
import { DeskError, notFound } from '../errors/desk-error.js';
import { onUniqueViolation } from '../errors/unique-violation.js';

/** Canned replies with a shortcut, per store or global; agents read them, supervisors and admins write. */
@Injectable()
export class QuickReplyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(QuickReplyEntity) private readonly replies: Repository<QuickReplyEntity>,
    private readonly audit: AuditService,
    private readonly guard: GuardCheckService,
  ) {}

  list(caller: Caller, q: ListQuickRepliesQuery): Promise<Page<QuickReply>> {
    const qb = caller.scope.applyWithGlobal(this.replies.createQueryBuilder('r'), 'r.storeId');
    if (q.storeId === 'global') qb.andWhere('r.storeId IS NULL');
    else if (q.storeId) qb.andWhere('(r.storeId IS NULL OR r.storeId = :storeId)', { storeId: q.storeId });
    if (q.lang) qb.andWhere('(r.lang IS NULL OR r.lang = :lang)', { lang: q.lang });
    if (q.q) qb.andWhere('r.shortcut LIKE :prefix', { prefix: `${q.q.replace(/^\//, '').replace(/[%_\\]/g, '\\$&')}%` });
    return keysetPage(qb, { timeColumn: 'r.createdAt', idColumn: 'r.id', order: 'ASC', limit: q.limit, cursor: q.cursor, timeOf: (r) => r.createdAt, map: toQuickReplyDto });
  }

  private async findVisible(caller: Caller, id: string, m: EntityManager): Promise<QuickReplyEntity> {
    const qb = m.getRepository(QuickReplyEntity).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write');
    const reply = await caller.scope.applyWithGlobal(qb, 'r.storeId').getOne();
    if (!reply) throw notFound('Quick reply');
    return reply;
  }

  async create(caller: Caller, input: CreateQuickReplyInput): Promise<QuickReplySaved> {
    assertCanWrite(caller, input.storeId);
    if (input.storeId && !(await this.db.getRepository(StoreEntity).existsBy({ id: input.storeId }))) throw new ValidationError({ storeId: 'is not a store' });
    const saved = await this.unique(() =>
      this.db.transaction(async (m) => {
        const saved = await m.getRepository(QuickReplyEntity).save({ ...input, createdById: caller.user.id });
        await this.audit.record({ actorId: caller.user.id, action: 'kb.quick_reply.created', targetType: 'kb_quick_reply', targetId: saved.id, details: { storeId: saved.storeId, shortcut: saved.shortcut } }, m);
        return toQuickReplyDto(saved);
      }),
    );
    return this.withWarnings(saved);
  }

  async update(caller: Caller, id: string, input: UpdateQuickReplyInput): Promise<QuickReplySaved> {
    const saved = await this.unique(() =>
      this.db.transaction(async (m) => {
        const reply = await this.findVisible(caller, id, m);
        assertCanWrite(caller, reply.storeId);
        const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        const saved = await m.getRepository(QuickReplyEntity).save({ ...reply, ...changes });
        await this.audit.record({ actorId: caller.user.id, action: 'kb.quick_reply.updated', targetType: 'kb_quick_reply', targetId: id, details: { changedFields: Object.keys(changes) } }, m);
        return toQuickReplyDto(saved);
      }),
    );
    return this.withWarnings(saved);
  }

  /** The saved reply with what its body breaks where it is used (the agents' reply box checks it again on insertion). */
  private async withWarnings(reply: QuickReply): Promise<QuickReplySaved> {
    return { ...reply, guardWarnings: await this.guard.warnings(reply.storeId, { body: reply.body }) };
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const reply = await this.findVisible(caller, id, m);
      assertCanWrite(caller, reply.storeId);
      await m.getRepository(QuickReplyEntity).delete({ id });
      await this.audit.record({ actorId: caller.user.id, action: 'kb.quick_reply.deleted', targetType: 'kb_quick_reply', targetId: id, details: { storeId: reply.storeId, shortcut: reply.shortcut } }, m);
    });
  }

  private unique<T>(write: () => Promise<T>): Promise<T> {
    return onUniqueViolation(write, () => new DeskError('SHORTCUT_TAKEN', 'Invalid shortcut', { fields: { shortcut: 'is already used in this store' } }));
  }
}
