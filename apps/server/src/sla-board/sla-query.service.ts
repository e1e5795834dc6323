import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import type { ListSlaTimersQuery, Page, SlaBoardTimer, SlaFigures, SlaSummary, SlaSummaryQuery } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { TicketEntity } from '../ticket/ticket.entity.js';
import { ticketNumber } from '../ticket/ticket.dto.js';
import { toSlaTimerDto } from '../sla/sla-timer.dto.js';
import { SlaTimerEntity } from '../sla/sla-timer.entity.js';

type Row = Record<string, string | number | null>;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const figures = (r: Row): SlaFigures => {
  const met = Number(r.met ?? 0);
  const breached = Number(r.breached ?? 0);
  return {
    timers: Number(r.timers ?? 0),
    met,
    breached,
    running: Number(r.running ?? 0),
    breachRate: met + breached > 0 ? breached / (met + breached) : null,
    firstResponseP50: num(r.p50),
    firstResponseP90: num(r.p90),
  };
};

/**
 * The figures of one group: counts and breach rate over every response promise (first and next
 * response) started in the period; p50/p90 of business seconds to the first response.
 */
const FIGURES_SQL = `
  count(*) AS timers,
  count(*) FILTER (WHERE t.status = 'met') AS met,
  count(*) FILTER (WHERE t.status = 'breached') AS breached,
  count(*) FILTER (WHERE t.status = 'running') AS running,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY t.response_seconds) FILTER (WHERE t.kind = 'first_response') AS p50,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY t.response_seconds) FILTER (WHERE t.kind = 'first_response') AS p90`;

/** The supervisor board and the SLA figures, scoped to the caller's stores. */
@Injectable()
export class SlaQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async timers(caller: Caller, q: ListSlaTimersQuery): Promise<Page<SlaBoardTimer>> {
    const qb = caller.scope
      .apply(this.db.getRepository(SlaTimerEntity).createQueryBuilder('t'), 't.storeId')
      .andWhere('t.status = :status', { status: q.status });
    if (q.storeId) qb.andWhere('t.storeId = :storeId', { storeId: q.storeId });
    if (q.kind) qb.andWhere('t.kind = ANY(:kinds)', { kinds: q.kind });
    if (q.conversationId) qb.andWhere('t.conversationId = :conversationId', { conversationId: q.conversationId });
    if (q.answered !== undefined) qb.andWhere(q.answered ? 't.respondedAt IS NOT NULL' : 't.respondedAt IS NULL');
    const running = q.status === 'running';
    const column = running ? 'dueAt' : q.status === 'breached' ? 'breachedAt' : q.status === 'met' ? 'metAt' : 'startedAt';
    const page = await keysetPage(qb, {
      timeColumn: `t.${column}`,
      idColumn: 't.id',
      order: running ? 'ASC' : 'DESC',
      limit: q.limit,
      cursor: q.cursor,
      timeOf: (t) => (t[column as keyof SlaTimerEntity] as Date | null) ?? t.startedAt,
      map: (t) => t,
    });
    // Resolution timers belong to a ticket: show its number and the conversation it came from.
    const ticketIds = page.items.flatMap((t) => (t.ticketId ? [t.ticketId] : []));
    const tickets = ticketIds.length ? await this.db.getRepository(TicketEntity).findBy({ id: In(ticketIds) }) : [];
    const ticketById = new Map(tickets.map((k) => [k.id, k]));
    const conversationOf = (t: SlaTimerEntity) => t.conversationId ?? (t.ticketId ? ticketById.get(t.ticketId)?.conversationId : undefined) ?? null;
    const ids = page.items.flatMap((t) => conversationOf(t) ?? []);
    const convs = ids.length
      ? await this.db.getRepository(ConversationEntity).createQueryBuilder('c').leftJoinAndSelect('c.customer', 'cu').where('c.id = ANY(:ids)', { ids }).getMany()
      : [];
    const byId = new Map(convs.map((c) => [c.id, c]));
    return {
      ...page,
      items: page.items.map((t) => {
        const c = byId.get(conversationOf(t) ?? '');
        const ticket = t.ticketId ? ticketById.get(t.ticketId) : undefined;
        return {
          ...toSlaTimerDto(t),
          customerName: c?.customer?.name ?? null,
          assigneeId: ticket ? ticket.assigneeId : (c?.assigneeId ?? null),
          lastMessagePreview: c?.lastMessagePreview ?? null,
          ticketNumber: ticket ? ticketNumber(ticket.seq) : null,
          ticketConversationId: ticket?.conversationId ?? null,
        };
      }),
    };
  }

  async summary(caller: Caller, q: SlaSummaryQuery): Promise<SlaSummary> {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 7 * 24 * 3600 * 1000);
    const base = () => {
      const qb = caller.scope
        .apply(this.db.getRepository(SlaTimerEntity).createQueryBuilder('t'), 't.storeId')
        .andWhere(`t.kind IN ('first_response', 'next_response')`)
        .andWhere('t.startedAt >= :from AND t.startedAt < :to', { from, to });
      if (q.storeId) qb.andWhere('t.storeId = :storeId', { storeId: q.storeId });
      return qb;
    };
    const overall: Row = (await base().select(FIGURES_SQL).getRawOne()) ?? {};
    const stores: Row[] = await base()
      .innerJoin('stores', 's', 's.id = t.store_id')
      .select(`t.store_id AS "storeId", s.name AS "storeName", ${FIGURES_SQL}`)
      .groupBy('t.store_id, s.name')
      .orderBy('s.name')
      .getRawMany();
    // A breach counts against whoever had the conversation when it breached; a met timer for whoever answered.
    const owner = `CASE WHEN t.status = 'breached' THEN t.breach_assignee_id ELSE t.responded_by END`;
    const agentRows: Row[] = await base()
      .select(`${owner} AS "agentId", ${FIGURES_SQL}`)
      .andWhere(`${owner} IS NOT NULL`)
      .groupBy('1')
      .getRawMany();
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      overall: figures(overall),
      byStore: stores.map((r) => ({ ...figures(r), storeId: String(r.storeId), storeName: String(r.storeName) })),
      byAgent: await this.agents(caller, q.storeId, new Map(agentRows.map((r) => [String(r.agentId), r]))),
    };
  }

  /** Every agent of the scope (even without timers in the period), with open load and breaches today. */
  private async agents(caller: Caller, storeId: string | undefined, figuresByAgent: Map<string, Row>): Promise<SlaSummary['byAgent']> {
    const agents = caller.scope.applyToMembers(this.db.getRepository(UserEntity).createQueryBuilder('u'), 'u.storeIds').where(`u.role = 'agent' AND u.active`);
    if (storeId) agents.andWhere(':storeId = ANY(u.storeIds)', { storeId });
    const users = await agents.orderBy('u.name').getMany();
    if (users.length === 0) return [];
    const ids = users.map((u) => u.id);
    const startOfToday = DateTime.now().setZone(this.config.deskTimezone).startOf('day').toJSDate();
    const loadQb = caller.scope
      .apply(this.db.getRepository(ConversationEntity).createQueryBuilder('c'), 'c.storeId')
      .select('c.assignee_id AS id, count(*) AS n')
      .where(`c.assignee_id = ANY(:ids) AND c.status IN ('open', 'pending')`, { ids });
    const breachQb = caller.scope
      .apply(this.db.getRepository(SlaTimerEntity).createQueryBuilder('t'), 't.storeId')
      .select('t.breach_assignee_id AS id, count(*) AS n')
      .where(`t.breach_assignee_id = ANY(:ids) AND t.status = 'breached' AND t.breached_at >= :startOfToday`, { ids, startOfToday });
    if (storeId) {
      loadQb.andWhere('c.storeId = :storeId', { storeId });
      breachQb.andWhere('t.storeId = :storeId', { storeId });
    }
    const count = async (qb: typeof loadQb | typeof breachQb) =>
      new Map(((await qb.groupBy('1').getRawMany()) as { id: string; n: string }[]).map((r) => [r.id, Number(r.n)]));
    const [load, breaches] = await Promise.all([count(loadQb), count(breachQb)]);
    return users.map((u) => ({
      ...figures(figuresByAgent.get(u.id) ?? {}),
      agentId: u.id,
      agentName: u.name,
      openConversations: load.get(u.id) ?? 0,
      breachedToday: breaches.get(u.id) ?? 0,
    }));
  }
}
