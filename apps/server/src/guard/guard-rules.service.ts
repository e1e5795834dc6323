import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateGuardRuleInput, GuardRule, ListGuardRulesQuery, Page, PutStoreGuardProfileInput, StoreGuardProfile, UpdateGuardRuleInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { ValidationError } from '../errors/validation.error.js';
import { StoreEntity } from '../store/store.entity.js';
import { GuardActivationQueue } from './guard-activation.queue.js';
import { GuardRuleEntity } from './guard-rule.entity.js';
import { toGuardRuleDto } from './guard-rule.dto.js';
import { GuardRuleSet, patternError } from './guard-rule-set.js';
import { StoreGuardProfileEntity } from './store-guard-profile.entity.js';
import { notFound, forbidden } from '../errors/desk-error.js';

/** Who may write a rule: supervisors and admins (the route checks the role); global rules only those who see every store. */
export function assertCanWriteRule(caller: Caller, storeId: string | null): void {
  if (storeId === null ? !caller.scope.isAll : !caller.scope.canSee(storeId))
    throw forbidden(storeId === null ? 'Only admins and supervisors of every store write global or platform rules' : 'Not one of your stores');
}

/** The fields of a new rule as stored (status from effectiveAt), checked beyond the schema. */
export function ruleValues(input: { kind: GuardRule['kind']; terms?: string[]; exceptions?: string[]; pattern?: string; effectiveAt?: string; status?: 'active' | 'disabled' }, now = new Date()) {
  if (input.pattern !== undefined) {
    const bad = patternError(input.pattern);
    if (bad) throw new ValidationError({ pattern: bad });
  }
  const effectiveAt = input.effectiveAt ? new Date(input.effectiveAt) : now;
  const status = input.status === 'disabled' ? 'disabled' : effectiveAt > now ? 'scheduled' : 'active';
  return { effectiveAt, status } as const;
}

/**
 * Guard rules: per store, platform and category, or global. Reads are scoped (a store-limited caller
 * sees their stores' rules and the global ones); the compiled rule set is cached per process and
 * rebuilt when any rule changed (a cheap version query per check, so every api process agrees).
 */
@Injectable()
export class GuardRulesService {
  private cached: { version: string; set: GuardRuleSet } | null = null;
  private loading: Promise<{ version: string; set: GuardRuleSet }> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly activation: GuardActivationQueue,
  ) {}

  list(caller: Caller, q: ListGuardRulesQuery): Promise<Page<GuardRule>> {
    const qb = caller.scope.applyWithGlobal(this.db.getRepository(GuardRuleEntity).createQueryBuilder('r'), 'r.storeId');
    if (q.storeId) qb.andWhere('(r.storeId IS NULL OR r.storeId = :storeId)', { storeId: q.storeId });
    if (q.platform) qb.andWhere('(r.platform IS NULL OR r.platform = :platform)', { platform: q.platform });
    if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    return keysetPage(qb, { timeColumn: 'r.createdAt', idColumn: 'r.id', order: 'ASC', limit: q.limit, cursor: q.cursor, timeOf: (r) => r.createdAt, map: toGuardRuleDto });
  }

  async create(caller: Caller, input: CreateGuardRuleInput): Promise<GuardRule> {
    assertCanWriteRule(caller, input.storeId);
    if (input.storeId && !(await this.db.getRepository(StoreEntity).existsBy({ id: input.storeId }))) throw new ValidationError({ storeId: 'is not a store' });
    const saved = await this.db.transaction((m) => this.insert(m, caller, { ...input, source: 'manual', ruleChangeId: null }));
    await this.activation.armAt(saved.effectiveAt);
    return toGuardRuleDto(saved);
  }

  /** Stores a rule (also those a rule change brings), audited in the same transaction. */
  async insert(m: EntityManager, caller: Caller, input: CreateGuardRuleInput & { source: string; ruleChangeId: string | null }): Promise<GuardRuleEntity> {
    const { effectiveAt, status } = ruleValues(input);
    const saved = await m.getRepository(GuardRuleEntity).save({
      storeId: input.storeId,
      platform: input.platform,
      category: input.category,
      kind: input.kind,
      terms: input.terms ?? null,
      exceptions: input.exceptions ?? null,
      pattern: input.pattern ?? null,
      action: input.action,
      message: input.message,
      effectiveAt,
      status,
      source: input.source,
      ruleChangeId: input.ruleChangeId,
      createdById: caller.user.id,
    });
    await this.audit.record({ actorId: caller.user.id, action: 'guard.rule.created', targetType: 'guard_rule', targetId: saved.id, details: { storeId: saved.storeId, platform: saved.platform, kind: saved.kind, action: saved.action, ruleChangeId: saved.ruleChangeId } }, m);
    return saved;
  }

  async update(caller: Caller, id: string, input: UpdateGuardRuleInput): Promise<GuardRule> {
    const saved = await this.db.transaction(async (m) => {
      const qb = m.getRepository(GuardRuleEntity).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write');
      const rule = await caller.scope.applyWithGlobal(qb, 'r.storeId').getOne();
      if (!rule) throw notFound('Guard rule');
      assertCanWriteRule(caller, rule.storeId);
      if (input.terms && rule.kind !== 'term') throw new ValidationError({ terms: 'only a term rule has terms' });
      if (input.pattern && rule.kind !== 'pattern') throw new ValidationError({ pattern: 'only a pattern rule has a pattern' });
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as UpdateGuardRuleInput;
      const next = { ...rule, ...changes, effectiveAt: changes.effectiveAt ? new Date(changes.effectiveAt) : rule.effectiveAt } as GuardRuleEntity;
      const keepStatus = changes.status ?? (rule.status === 'disabled' ? 'disabled' : 'active');
      Object.assign(next, ruleValues({ kind: next.kind, pattern: changes.pattern, effectiveAt: next.effectiveAt.toISOString(), status: keepStatus }));
      const saved = await m.getRepository(GuardRuleEntity).save(next);
      await this.audit.record({ actorId: caller.user.id, action: 'guard.rule.updated', targetType: 'guard_rule', targetId: id, details: { changedFields: Object.keys(changes), action: saved.action, status: saved.status } }, m);
      return saved;
    });
    await this.activation.armAt(saved.effectiveAt);
    return toGuardRuleDto(saved);
  }

  /** The compiled rules of the whole desk (applicability is decided per check). */
  async ruleSet(): Promise<GuardRuleSet> {
    const [{ version }]: { version: string }[] = await this.db.query(`SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '') AS version FROM guard_rules`);
    if (this.cached?.version === version) return this.cached.set;
    this.loading ??= this.db
      .getRepository(GuardRuleEntity)
      .find({ where: [{ status: 'active' }, { status: 'scheduled' }] })
      .then((rows) => ({ version, set: new GuardRuleSet(rows) }))
      .finally(() => (this.loading = null));
    const loaded = await this.loading;
    this.cached = loaded;
    return loaded.set;
  }

  async profile(caller: Caller, storeId: string): Promise<StoreGuardProfile> {
    if (!caller.scope.canSee(storeId) || !(await this.db.getRepository(StoreEntity).existsBy({ id: storeId }))) throw notFound('Store');
    const p = await this.db.getRepository(StoreGuardProfileEntity).findOneBy({ storeId });
    return { storeId, categories: p?.categories ?? [] };
  }

  async putProfile(caller: Caller, storeId: string, input: PutStoreGuardProfileInput): Promise<StoreGuardProfile> {
    await this.profile(caller, storeId);
    const categories = [...new Set(input.categories)];
    await this.db.transaction(async (m) => {
      await m.getRepository(StoreGuardProfileEntity).upsert({ storeId, categories }, ['storeId']);
      await this.audit.record({ actorId: caller.user.id, action: 'guard.store_categories.updated', targetType: 'store', targetId: storeId, details: { categories } }, m);
    });
    return { storeId, categories };
  }
}
