import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rooms, type CreateRuleChangeInput, type ListRuleChangesQuery, type Page, type RuleChange, type RuleChangeReview } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { UserEntity } from '../auth/user.entity.js';
import { GuardActivationQueue } from './guard-activation.queue.js';
import { GuardRulesService } from './guard-rules.service.js';
import { RuleChangeAckEntity } from './rule-change-ack.entity.js';
import { RuleChangeEntity } from './rule-change.entity.js';
import { notFound } from '../errors/desk-error.js';

const REVIEW_LIMIT = 200;
const isLead = (caller: Caller) => caller.user.role === 'supervisor' || caller.user.role === 'admin';
const likeAny = (terms: string[]) => terms.map((t) => `%${t.replace(/[%_\\]/g, '\\$&')}%`);
const termsIn = (text: string, terms: string[]) => terms.filter((t) => text.toLowerCase().includes(t.toLowerCase()));

/**
 * Platform rule changes: recorded by a supervisor or admin, they list the affected stores and the
 * desk's texts to review, bring guard rules in force at `effectiveAt`, and are acknowledged by every
 * agent of an affected store (live banner; leads follow who has not).
 */
@Injectable()
export class RuleChangeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: GuardRulesService,
    private readonly activation: GuardActivationQueue,
    private readonly events: EventPublisher,
    private readonly audit: AuditService,
  ) {}

  async publish(caller: Caller, input: CreateRuleChangeInput): Promise<RuleChange> {
    const params: unknown[] = [input.platform];
    const categoryCond = input.categories.length ? `AND coalesce(p.categories, '{}') && $${params.push(input.categories)}::text[]` : '';
    const stores: { id: string; name: string }[] = await this.db.query(
      `SELECT s.id, s.name FROM stores s LEFT JOIN store_guard_profiles p ON p.store_id = s.id WHERE s.platform = $1 ${categoryCond} AND ${caller.scope.sql('s.id', params)} ORDER BY s.name`,
      params,
    );
    const storeIds = stores.map((s) => s.id);
    const review = await this.review(input, stores);
    const effectiveAt = new Date(input.effectiveAt);
    const saved = await this.db.transaction(async (m) => {
      const change = await m.getRepository(RuleChangeEntity).save({
        platform: input.platform,
        title: input.title,
        summary: input.summary,
        effectiveAt,
        ackDueAt: input.ackDueAt ? new Date(input.ackDueAt) : effectiveAt,
        categories: input.categories,
        link: input.link,
        storeIds,
        guardRuleIds: [] as string[],
        review,
        createdById: caller.user.id,
      });
      // Platform-wide rules from those who see every store; a store-limited lead's change brings them to each of their stores.
      const targets: (string | null)[] = caller.scope.isAll ? [null] : storeIds;
      const ids: string[] = [];
      for (const r of input.guardRules)
        for (const storeId of targets) {
          const rule = await this.rules.insert(m, caller, { ...r, storeId, platform: input.platform, effectiveAt: input.effectiveAt, status: 'active', source: 'rule_change', ruleChangeId: change.id });
          ids.push(rule.id);
        }
      change.guardRuleIds = ids;
      await m.getRepository(RuleChangeEntity).update({ id: change.id }, { guardRuleIds: ids });
      await this.audit.record({ actorId: caller.user.id, action: 'rule_change.published', targetType: 'rule_change', targetId: change.id, details: { platform: input.platform, storeIds, guardRuleIds: ids } }, m);
      return change;
    });
    if (saved.guardRuleIds.length) await this.activation.armAt(effectiveAt);
    const dto = { ...(await this.toDto(caller, saved)), review };
    if (storeIds.length) this.events.toRooms('rule_change.published', { ...dto, acknowledgedAt: null, ackRequired: true, progress: undefined, review: undefined, storeId: storeIds[0] }, [...storeIds.map(rooms.store), rooms.allStores]);
    return dto;
  }

  /** The desk's texts in the affected stores (and global ones) that contain a term of the change's rules. */
  private async review(input: CreateRuleChangeInput, stores: { id: string; name: string }[]): Promise<RuleChangeReview> {
    const terms = [...new Set(input.guardRules.flatMap((r) => r.terms ?? []))];
    const empty: RuleChangeReview = { stores, articles: [], quickReplies: [], templates: [] };
    if (!terms.length) return empty;
    const ids = stores.map((s) => s.id);
    const like = likeAny(terms);
    const articles: { id: string; store_id: string | null; title: string; body: string }[] = await this.db.query(
      `SELECT id, store_id, title, body FROM kb_articles WHERE (store_id IS NULL OR store_id = ANY($1::uuid[])) AND (title ILIKE ANY($2) OR body ILIKE ANY($2)) ORDER BY updated_at DESC LIMIT ${REVIEW_LIMIT}`,
      [ids, like],
    );
    const replies: { id: string; store_id: string | null; shortcut: string; title: string; body: string }[] = await this.db.query(
      `SELECT id, store_id, shortcut, title, body FROM kb_quick_replies WHERE (store_id IS NULL OR store_id = ANY($1::uuid[])) AND (title ILIKE ANY($2) OR body ILIKE ANY($2)) ORDER BY created_at LIMIT ${REVIEW_LIMIT}`,
      [ids, like],
    );
    const templates: { id: string; name: string; text: string }[] = await this.db.query(
      `SELECT id, name, ticket_templates::text || ' ' || return_policy::text AS text FROM stores WHERE id = ANY($1::uuid[]) AND (ticket_templates::text ILIKE ANY($2) OR return_policy::text ILIKE ANY($2))`,
      [ids, like],
    );
    return {
      stores,
      articles: articles.map((a) => ({ id: a.id, storeId: a.store_id, title: a.title, terms: termsIn(`${a.title} ${a.body}`, terms) })),
      quickReplies: replies.map((r) => ({ id: r.id, storeId: r.store_id, shortcut: r.shortcut, terms: termsIn(`${r.title} ${r.body}`, terms) })),
      templates: templates.map((s) => ({ storeId: s.id, name: s.name, terms: termsIn(s.text, terms) })),
    };
  }

  async list(caller: Caller, q: ListRuleChangesQuery): Promise<Page<RuleChange>> {
    const qb = this.visible(caller);
    if (q.platform) qb.andWhere('rc.platform = :platform', { platform: q.platform });
    if (q.pending === 'true')
      qb.andWhere('rc.storeIds && CAST(:mine AS uuid[])', { mine: caller.user.role === 'agent' ? caller.user.storeIds : [] }).andWhere('NOT EXISTS (SELECT 1 FROM rule_change_acks a WHERE a.rule_change_id = rc.id AND a.user_id = :me)', { me: caller.user.id });
    const page = await keysetPage(qb, { timeColumn: 'rc.createdAt', idColumn: 'rc.id', limit: q.limit, cursor: q.cursor, timeOf: (r) => r.createdAt, map: (r) => r });
    return { ...page, items: await Promise.all(page.items.map((r) => this.toDto(caller, r))) };
  }

  async get(caller: Caller, id: string): Promise<RuleChange> {
    const change = await this.visible(caller).andWhere('rc.id = :id', { id }).getOne();
    if (!change) throw notFound('Rule change');
    return { ...(await this.toDto(caller, change)), ...(isLead(caller) && { review: change.review }) };
  }

  async acknowledge(caller: Caller, id: string): Promise<RuleChange> {
    const change = await this.visible(caller).andWhere('rc.id = :id', { id }).getOne();
    if (!change) throw notFound('Rule change');
    const inserted = await this.db.getRepository(RuleChangeAckEntity).createQueryBuilder().insert().values({ ruleChangeId: id, userId: caller.user.id }).orIgnore().returning(['at']).execute();
    const at = (inserted.raw as { at: Date }[])[0]?.at;
    if (at) {
      await this.audit.record({ actorId: caller.user.id, action: 'rule_change.acknowledged', targetType: 'rule_change', targetId: id });
      const mine = change.storeIds.filter((s) => caller.scope.canSee(s));
      if (mine.length) this.events.toRooms('rule_change.acknowledged', { ruleChangeId: id, userId: caller.user.id, storeId: mine[0], at: new Date(at).toISOString() }, [...mine.map(rooms.leadsOf), rooms.allLeads]);
    }
    return this.toDto(caller, change);
  }

  /** Changes affecting a store the caller sees (every change for those who see all stores). */
  private visible(caller: Caller) {
    return caller.scope.applyToMembers(this.db.getRepository(RuleChangeEntity).createQueryBuilder('rc'), 'rc.storeIds');
  }

  private async toDto(caller: Caller, c: RuleChangeEntity): Promise<RuleChange> {
    const ack = await this.db.getRepository(RuleChangeAckEntity).findOneBy({ ruleChangeId: c.id, userId: caller.user.id });
    const ackRequired = caller.user.role === 'agent' && caller.user.storeIds.some((s) => c.storeIds.includes(s));
    const dto: RuleChange = {
      id: c.id,
      platform: c.platform,
      title: c.title,
      summary: c.summary,
      effectiveAt: c.effectiveAt.toISOString(),
      ackDueAt: c.ackDueAt.toISOString(),
      categories: c.categories,
      link: c.link,
      guardRuleIds: c.guardRuleIds,
      storeIds: c.storeIds.filter((s) => caller.scope.canSee(s)),
      createdById: c.createdById,
      createdAt: c.createdAt.toISOString(),
      acknowledgedAt: ack ? ack.at.toISOString() : null,
      ackRequired,
    };
    if (isLead(caller)) dto.progress = await this.progress(caller, c);
    return dto;
  }

  /** Agents of the affected stores (those the lead sees) and who of them has acknowledged. */
  private async progress(caller: Caller, c: RuleChangeEntity): Promise<RuleChange['progress']> {
    const storeIds = c.storeIds.filter((s) => caller.scope.canSee(s));
    const agents = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.name'])
      .where(`u.role = 'agent' AND u.active AND u.storeIds && CAST(:ids AS uuid[])`, { ids: storeIds })
      .orderBy('u.name')
      .getMany();
    const acked = new Set((await this.db.getRepository(RuleChangeAckEntity).findBy({ ruleChangeId: c.id })).map((a) => a.userId));
    return { required: agents.length, acknowledged: agents.filter((a) => acked.has(a.id)).length, pending: agents.filter((a) => !acked.has(a.id)).map((a) => ({ userId: a.id, name: a.name })) };
  }
}
