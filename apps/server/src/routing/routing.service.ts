import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, In, type EntityManager } from 'typeorm';
import { JobName, QueueName } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { StoreScope } from '../auth/store-scope.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { ConversationHooks } from '../conversation/conversation-hooks.js';
import { ConversationState } from '../conversation/conversation-state.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { PresenceService } from './presence.service.js';
import { deferred } from '../redis/redis-errors.js';

interface Candidate {
  id: string;
  max_concurrent: number;
}

/** An agent's load: the open conversations assigned to them (`u` is the agent's users row). */
const LOAD = `SELECT count(*) FROM conversations c WHERE c.assignee_id = u.id AND c.status = 'open'`;

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
    private readonly audit: AuditService,
    private readonly state: ConversationState,
    hooks: ConversationHooks,
  ) {
    hooks.listen({
      // A slot freed or a conversation back in the queue: the next waiting customer gets an agent.
      slotsFreed: (storeIds) => this.requestDrain(storeIds),
      breached: (convs) => this.escalate(convs),
    });
  }

  /**
   * Assigns one waiting conversation if someone can take it; returns the agent's id or null.
   * With `from`, moves a conversation away from that agent instead (SLA escalation): it stays
   * with them when nobody else can take it.
   */
  async assign(conversationId: string, opts: { available?: string[]; from?: string; announce?: boolean } = {}): Promise<string | null> {
    const from = opts.from ?? null;
    const agents = (opts.available ?? [...(await this.presence.onlineUsers())]).filter((id) => id !== from);
    if (agents.length === 0) return null;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const outcome = await this.db.transaction(async (m) => {
        const conv = await this.state.lockOpen(m, conversationId, from);
        return conv ? this.assignWithin(m, conv, agents) : null;
      });
      if (outcome === 'full') continue; // another process filled the chosen agent meanwhile: choose again
      if (outcome && (opts.announce ?? true)) await this.state.publish(conversationId, [outcome, from]);
      return outcome;
    }
    this.logger.warn(`conversation ${conversationId} not assigned after ${MAX_ATTEMPTS} attempts`);
    return null;
  }

  /**
   * Inside a transaction that holds the open conversation's row lock (the inbound message's, or
   * `assign`'s): among `agents` (online users), the least-loaded available agent of the store who
   * speaks its language and has room gets it — two statements: the choice, which locks the agent's
   * row, then the assignment, made only if the load recounted under that lock still leaves room.
   * Returns the agent's id, null when nobody can take it, or 'full' when the chosen agent filled up
   * between the two (another process's assignment committed meanwhile: choose again).
   */
  async assignWithin(m: EntityManager, conv: Pick<ConversationEntity, 'id' | 'storeId' | 'language' | 'assigneeId' | 'routingExcludedId'>, agents: readonly string[]): Promise<string | null | 'full'> {
    const eligible = agents.filter((id) => id !== conv.routingExcludedId && id !== conv.assigneeId);
    if (eligible.length === 0) return null;
    const [pick]: Candidate[] = await m.query(
      `SELECT u.id, u.max_concurrent
         FROM users u
        WHERE u.id = ANY($1) AND u.role = 'agent' AND u.active AND u.status = 'available'
          AND $2 = ANY(u.store_ids) AND ($3::text IS NULL OR $3 = ANY(u.languages))
          AND (${LOAD}) < u.max_concurrent
        ORDER BY (${LOAD}), u.last_assigned_at NULLS FIRST, u.id
        LIMIT 1
        FOR UPDATE OF u`,
      [eligible, conv.storeId, conv.language],
    );
    if (!pick) return null;
    return (await this.state.claimWithin(m, conv.id, pick.id)) ? pick.id : 'full';
  }

  /** A store may ask for a breached conversation to move to the least-loaded online agent other than the current one (who keeps it when nobody can). */
  private async escalate(convs: ConversationEntity[]): Promise<void> {
    const stores = await this.db.getRepository(StoreEntity).findBy({ id: In([...new Set(convs.map((c) => c.storeId))]) });
    const reassigning = new Set(stores.filter((s) => s.slaEscalation?.reassign).map((s) => s.id));
    for (const conv of convs) {
      if (!reassigning.has(conv.storeId) || conv.status !== 'open') continue;
      const to = await this.assign(conv.id, conv.assigneeId ? { from: conv.assigneeId } : {});
      if (to)
        await this.audit.record({ actorId: null, action: 'conversation.assigned', targetType: 'conversation', targetId: conv.id, details: { from: conv.assigneeId, to, reason: 'sla breach escalation' } });
    }
  }

  /**
   * Gives waiting conversations of these stores (all when null) to agents with room, oldest first.
   * Returns how many were assigned.
   */
  async drain(storeIds: string[] | null): Promise<number> {
    const agents = [...(await this.presence.onlineUsers())];
    if (agents.length === 0) return 0;
    // Only queues of stores that an online agent who is available serves; oldest first.
    const waiting: { id: string }[] = await this.db.query(
      `SELECT id FROM conversations
       WHERE status = 'open' AND assignee_id IS NULL AND ($1::uuid[] IS NULL OR store_id = ANY($1))
         AND store_id IN (SELECT unnest(store_ids) FROM users WHERE id = ANY($2) AND role = 'agent' AND active AND status = 'available')
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
    const moved = await this.state.release(userId, opts);
    if (!moved) return null;
    // Back in the queue: to anyone but the agent they were taken from (routing_excluded_id).
    if (moved.length && !opts.toUserId) await this.drain([...new Set(moved.map((r) => r.store_id))]);
    return moved.map((r) => r.id);
  }
}
