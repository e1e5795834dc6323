import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GuardEvent, GuardReviewSample, GuardStatsQuery, GuardStatsRow, ListGuardEventsQuery, Page } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { GuardEventEntity } from './guard-event.entity.js';

/** The quality review: refused and overridden replies, per agent, store and rule; violation rates. */
@Injectable()
export class GuardReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async events(caller: Caller, q: ListGuardEventsQuery): Promise<Page<GuardEvent>> {
    const qb = caller.scope.apply(this.db.getRepository(GuardEventEntity).createQueryBuilder('e'), 'e.storeId');
    if (q.storeId) qb.andWhere('e.storeId = :storeId', { storeId: q.storeId });
    if (q.agentId) qb.andWhere('e.agentId = :agentId', { agentId: q.agentId });
    if (q.ruleId) qb.andWhere(':ruleId = ANY(e.ruleIds)', { ruleId: q.ruleId });
    if (q.kind) qb.andWhere('e.kind = :kind', { kind: q.kind });
    if (q.from) qb.andWhere('e.at >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('e.at < :to', { to: new Date(q.to) });
    const page = await keysetPage(qb, { timeColumn: 'e.at', idColumn: 'e.id', limit: q.limit, cursor: q.cursor, timeOf: (e) => e.at, map: (e) => e });
    const agentIds = [...new Set(page.items.map((e) => e.agentId))];
    const names = new Map<string, string>((agentIds.length ? await this.db.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [agentIds]) : []).map((u: { id: string; name: string }) => [u.id, u.name]));
    return {
      ...page,
      items: page.items.map((e) => ({ id: e.id, kind: e.kind, storeId: e.storeId, conversationId: e.conversationId, agentId: e.agentId, agentName: names.get(e.agentId) ?? null, ruleIds: e.ruleIds, violations: e.violations, reason: e.reason, messageId: e.messageId, at: e.at.toISOString() })),
    };
  }

  /**
   * Violations per 1,000 replies in the period, by store, agent, rule or day (the desk's timezone). By store,
   * agent or day every reply and event is in one row; by rule, each row has all the period's replies.
   */
  async stats(caller: Caller, q: GuardStatsQuery): Promise<{ items: GuardStatsRow[] }> {
    const to = q.to ?? new Date().toISOString();
    const params: unknown[] = [q.from ?? new Date(Date.parse(to) - 7 * 86400_000).toISOString(), to];
    const tz = q.groupBy === 'day' ? `$${params.push(this.config.deskTimezone)}` : '';
    const evScope = caller.scope.sql('e.store_id', params);
    const repScope = caller.scope.sql('m.store_id', params);
    const store = q.storeId ? `$${params.push(q.storeId)}::uuid` : null;
    const keys = {
      store: { ev: 'e.store_id::text', rep: 'm.store_id::text', name: 'storeId' },
      agent: { ev: 'e.agent_id::text', rep: 'm.author_id::text', name: 'agentId' },
      day: { ev: `to_char(e.at AT TIME ZONE ${tz}, 'YYYY-MM-DD')`, rep: `to_char(m.created_at AT TIME ZONE ${tz}, 'YYYY-MM-DD')`, name: 'day' },
      rule: { ev: 'r.rule_id::text', rep: `'all'`, name: 'ruleId' },
    }[q.groupBy];
    const select =
      q.groupBy === 'rule'
        ? `SELECT ev.key, (SELECT sum(replies) FROM rep) AS replies, ev.blocked, ev.overrides FROM ev`
        : // A store, agent or day with replies and no violation is a row too (0 per 1,000), so the rows add up to the period.
          `SELECT coalesce(ev.key, rep.key) AS key, rep.replies, coalesce(ev.blocked, 0) AS blocked, coalesce(ev.overrides, 0) AS overrides FROM ev FULL JOIN rep ON rep.key = ev.key`;
    const rows: { key: string; replies: string | null; blocked: string; overrides: string }[] = await this.db.query(
      `WITH ev AS (
         SELECT ${keys.ev} AS key, count(*) FILTER (WHERE e.kind = 'blocked') AS blocked, count(*) FILTER (WHERE e.kind = 'override') AS overrides
           FROM guard_events e ${q.groupBy === 'rule' ? 'CROSS JOIN LATERAL unnest(e.rule_ids) AS r(rule_id)' : ''}
          WHERE e.at >= $1 AND e.at < $2 AND ${evScope} ${store ? `AND e.store_id = ${store}` : ''}
          GROUP BY 1),
       rep AS (
         SELECT ${keys.rep} AS key, count(*) AS replies FROM messages m
          WHERE m.direction = 'outbound' AND m.author_id IS NOT NULL AND m.created_at >= $1 AND m.created_at < $2 AND ${repScope} ${store ? `AND m.store_id = ${store}` : ''}
          GROUP BY 1)
       ${select}
        ORDER BY 1`,
      params,
    );
    return {
      items: rows.map((r) => {
        const replies = Number(r.replies ?? 0);
        const blocked = Number(r.blocked);
        const overrides = Number(r.overrides);
        // A refused attempt is no reply sent: the rate is per 1,000 replies sent plus refused.
        const attempts = replies + blocked;
        return { [keys.name]: r.key, replies, blocked, overrides, per1000: attempts ? Math.round(((blocked + overrides) / attempts) * 1000 * 10) / 10 : 0 } as GuardStatsRow;
      }),
    };
  }

  /** Random conversations of the last 30 days with agent replies, no guard event and no score yet, for a supervisor to score. */
  async sample(caller: Caller, q: { storeId?: string; size: number }): Promise<GuardReviewSample> {
    const params: unknown[] = [];
    const scope = caller.scope.sql('c.store_id', params);
    const store = q.storeId ? `AND c.store_id = $${params.push(q.storeId)}::uuid` : '';
    params.push(q.size);
    const rows: { id: string; store_id: string; assignee_id: string | null; last_message_at: Date }[] = await this.db.query(
      `SELECT c.id, c.store_id, c.assignee_id, c.last_message_at FROM conversations c
        WHERE ${scope} ${store} AND c.last_message_at > now() - interval '30 days'
          AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'outbound' AND m.author_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM guard_events e WHERE e.conversation_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM guard_review_scores s WHERE s.conversation_id = c.id)
        ORDER BY random() LIMIT $${params.length}`,
      params,
    );
    return { items: rows.map((r) => ({ conversationId: r.id, storeId: r.store_id, assigneeId: r.assignee_id, lastMessageAt: new Date(r.last_message_at).toISOString() })) };
  }
}
