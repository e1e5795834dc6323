import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, QueueName, rooms, type Conversation } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { StoreScope } from '../auth/store-scope.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { toConversationDto } from '../conversation/conversation.dto.js';
import { PresenceService } from '../presence/presence.service.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { deferred } from '../redis/redis-errors.js';

interface Candidate {
  id: string;
  load: number;
  max_concurrent: number;
}

/** How often a conversation is retried when the chosen agent filled up meanwhile. */
const MAX_ATTEMPTS = 8;

/**
 * Auto-assignment. Among agents who are online and available, serve the store, speak the
 * conversation's language and are under their maxConcurrent, the least loaded gets it (ties:
 * whoever was assigned longest ago). Race-free across api and worker processes: each attempt locks
 * the conversation, then the chosen agent's row, and recounts that agent's load under the lock, so
 * two processes can never both fill an agent's last slot. Load = open conversations assigned.
 */
@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Routing) private readonly queue: Queue,
    private readonly presence: PresenceService,
    private readonly events: EventPublisher,
    private readonly audit: AuditService,
  ) {}

  /**
   * Assigns one waiting conversation if someone can take it; returns the agent's id or null.
   * With `from`, moves a conversation away from that agent instead (SLA escalation): it stays
   * with them when nobody else can take it.
   */
  async assign(conversationId: string, opts: { available?: string[]; from?: string } = {}): Promise<string | null> {
    const from = opts.from ?? null;
    const agents = (opts.available ?? (await this.presence.availableAgentIds())).filter((id) => id !== from);
    if (agents.length === 0) return null;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const conv = await this.db.getRepository(ConversationEntity).findOneBy({ id: conversationId });
      if (!conv || conv.status !== 'open' || conv.assigneeId !== from) return null;
      const eligible = conv.routingExcludedId ? agents.filter((id) => id !== conv.routingExcludedId) : agents;
      if (eligible.length === 0) return null;
      const candidates: Candidate[] = await this.db.query(
        `SELECT u.id, u.max_concurrent,
                (SELECT count(*)::int FROM conversations c WHERE c.assignee_id = u.id AND c.status = 'open') AS load
         FROM users u
         WHERE u.id = ANY($1) AND u.role = 'agent' AND u.active AND u.status = 'available'
           AND $2 = ANY(u.store_ids) AND ($3::text IS NULL OR $3 = ANY(u.languages))
         ORDER BY load, u.last_assigned_at NULLS FIRST, u.id`,
        [eligible, conv.storeId, conv.language],
      );
      const pick = candidates.find((c) => c.load < c.max_concurrent);
      if (!pick) return null;
      const outcome = await this.tryAssign(conversationId, pick.id, from);
      if (outcome === 'assigned') return pick.id;
      if (outcome === 'gone') return null;
      // 'full': another process filled that agent meanwhile; choose again.
    }
    this.logger.warn(`conversation ${conversationId} not assigned after ${MAX_ATTEMPTS} attempts`);
    return null;
  }

  private async tryAssign(conversationId: string, agentId: string, from: string | null): Promise<'assigned' | 'full' | 'gone'> {
    const result = await this.db.transaction(async (m) => {
      const [conv] = await m.query(`SELECT id FROM conversations WHERE id = $1 AND status = 'open' AND assignee_id IS NOT DISTINCT FROM $2 FOR UPDATE`, [
        conversationId,
        from,
      ]);
      if (!conv) return 'gone' as const;
      const [agent] = await m.query(`SELECT max_concurrent FROM users WHERE id = $1 FOR UPDATE`, [agentId]);
      const [{ load }] = await m.query(`SELECT count(*)::int AS load FROM conversations WHERE assignee_id = $1 AND status = 'open'`, [agentId]);
      if (!agent || load >= agent.max_concurrent) return 'full' as const;
      await m.query(`UPDATE conversations SET assignee_id = $2, queued_at = NULL, routing_excluded_id = NULL, updated_at = now() WHERE id = $1`, [conversationId, agentId]);
      await m.query(`UPDATE users SET last_assigned_at = clock_timestamp() WHERE id = $1`, [agentId]);
      return 'assigned' as const;
    });
    if (result === 'assigned') await this.publish(conversationId, [agentId, from]);
    return result;
  }

  /**
   * Gives waiting conversations of these stores (all when null) to agents with room, oldest first.
   * Returns how many were assigned.
   */
  async drain(storeIds: string[] | null): Promise<number> {
    const agents = await this.presence.availableAgentIds();
    if (agents.length === 0) return 0;
    // Only queues of stores that someone available serves; oldest first.
    const waiting: { id: string }[] = await this.db.query(
      `SELECT id FROM conversations
       WHERE status = 'open' AND assignee_id IS NULL AND ($1::uuid[] IS NULL OR store_id = ANY($1))
         AND store_id IN (SELECT unnest(store_ids) FROM users WHERE id = ANY($2))
       ORDER BY queued_at NULLS LAST, created_at, id LIMIT 500`,
      [storeIds, agents],
    );
    let assigned = 0;
    for (const w of waiting) if (await this.assign(w.id, { available: agents })) assigned++;
    return assigned;
  }

  /**
   * Asks the worker to drain some stores' queues (a slot freed, an agent came online). Never throws:
   * if the queue refuses (Redis down or still reconnecting) this process drains them itself, and
   * if that fails too the worker's sweep (RoutingSweeper) drains every queue later.
   */
  async requestDrain(storeIds: string[] | null): Promise<void> {
    await this.queue
      .add(JobName.RouteDrain, { storeIds }, { removeOnComplete: true, removeOnFail: true })
      .catch(() => this.drain(storeIds))
      .catch(deferred(this.logger, 'queues not drained now (the routing sweep will)'));
  }

  /**
   * Puts an agent's open conversations (those of `scope`'s stores) back in their stores' queues, or
   * gives them to `toUserId`. With `assigneeScope` (the stores `toUserId` serves), nothing moves and
   * the answer is null unless they serve the store of every one of them.
   */
  async release(
    userId: string,
    opts: { actorId: string | null; toUserId?: string | null; reason: string; scope?: StoreScope; assigneeScope?: StoreScope },
  ): Promise<string[] | null> {
    const moved: { id: string; store_id: string }[] | null = await this.db.transaction(async (m) => {
      const params: unknown[] = [userId];
      const inScope = opts.scope?.sql('store_id', params) ?? 'TRUE';
      const held: { id: string; store_id: string }[] = await m.query(`SELECT id, store_id FROM conversations WHERE assignee_id = $1 AND status IN ('open', 'pending') AND ${inScope} FOR UPDATE`, params);
      if (opts.assigneeScope && !held.every((c) => opts.assigneeScope!.canSee(c.store_id))) return null;
      const [rows] = await m.query(
        `UPDATE conversations SET assignee_id = $2, queued_at = CASE WHEN $2::uuid IS NULL THEN now() ELSE NULL END,
                routing_excluded_id = CASE WHEN $2::uuid IS NULL THEN $1::uuid ELSE NULL END, updated_at = now()
         WHERE id = ANY($3::uuid[]) RETURNING id, store_id`,
        [userId, opts.toUserId ?? null, held.map((c) => c.id)],
      );
      for (const r of rows as { id: string }[])
        await this.audit.record(
          { actorId: opts.actorId, action: 'conversation.assigned', targetType: 'conversation', targetId: r.id, details: { from: userId, to: opts.toUserId ?? null, reason: opts.reason } },
          m,
        );
      return rows;
    });
    if (!moved) return null;
    for (const r of moved) await this.publish(r.id, [userId, opts.toUserId ?? null]);
    // Back in the queue: to anyone but the agent they were taken from (routing_excluded_id).
    if (moved.length && !opts.toUserId) await this.drain([...new Set(moved.map((r) => r.store_id))]);
    return moved.map((r) => r.id);
  }

  /** Announces an assignment change to the store and to the agents concerned; returns the conversation. */
  async publish(conversationId: string, userIds: (string | null)[]): Promise<Conversation | null> {
    const conv = await this.db.getRepository(ConversationEntity).findOne({ where: { id: conversationId }, relations: { customer: true } });
    if (!conv) return null;
    const dto = toConversationDto(conv);
    this.events.toStore('conversation.updated', dto, userIds.filter((u): u is string => !!u).map(rooms.user));
    return dto;
  }
}
