import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateGuardReviewScoreInput, GuardReviewScore, ListGuardReviewScoresQuery, Page } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { notFound } from '../errors/desk-error.js';
import { GuardReviewScoreEntity } from './guard-review-score.entity.js';

/** Supervisors' quality scores of conversations (the review's sample, or any conversation of their stores). */
@Injectable()
export class GuardReviewScoresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Scores a conversation of the caller's stores (404 otherwise); the caller's earlier score of it is replaced. */
  async score(caller: Caller, input: CreateGuardReviewScoreInput): Promise<GuardReviewScore> {
    const id = await this.db.transaction(async (m) => {
      const params: unknown[] = [input.conversationId];
      const [conv]: { id: string; store_id: string; agent_id: string | null }[] = await m.query(
        `SELECT c.id, c.store_id,
                coalesce(c.assignee_id, (SELECT o.author_id FROM messages o WHERE o.conversation_id = c.id AND o.direction = 'outbound' AND o.author_id IS NOT NULL ORDER BY o.created_at DESC LIMIT 1)) AS agent_id
           FROM conversations c WHERE c.id = $1 AND ${caller.scope.sql('c.store_id', params)}`,
        params,
      );
      if (!conv) throw notFound('Conversation');
      // xmax is set on a row the upsert updated: the caller had scored the conversation before.
      const [row]: { id: string; replaced: boolean }[] = await m.query(
        `INSERT INTO guard_review_scores (conversation_id, store_id, agent_id, reviewer_id, score, criteria, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (conversation_id, reviewer_id) DO UPDATE
            SET agent_id = EXCLUDED.agent_id, score = EXCLUDED.score, criteria = EXCLUDED.criteria, comment = EXCLUDED.comment, updated_at = now()
         RETURNING id, (xmax <> 0) AS replaced`,
        [conv.id, conv.store_id, conv.agent_id, caller.user.id, input.score, JSON.stringify(input.criteria), input.comment],
      );
      await this.audit.record(
        {
          actorId: caller.user.id,
          action: 'guard.review.scored',
          targetType: 'conversation',
          targetId: conv.id,
          details: { scoreId: row.id, storeId: conv.store_id, agentId: conv.agent_id, score: input.score, criteria: input.criteria, replaced: row.replaced },
        },
        m,
      );
      return row.id;
    });
    const [saved] = (await this.list(caller, { limit: 1, scoreId: id })).items;
    return saved;
  }

  /** Scores of conversations in the caller's stores, most recently given first. */
  async list(caller: Caller, q: ListGuardReviewScoresQuery & { scoreId?: string }): Promise<Page<GuardReviewScore>> {
    const qb = caller.scope.apply(this.db.getRepository(GuardReviewScoreEntity).createQueryBuilder('s'), 's.storeId');
    if (q.scoreId) qb.andWhere('s.id = :scoreId', { scoreId: q.scoreId });
    if (q.storeId) qb.andWhere('s.storeId = :storeId', { storeId: q.storeId });
    if (q.agentId) qb.andWhere('s.agentId = :agentId', { agentId: q.agentId });
    if (q.conversationId) qb.andWhere('s.conversationId = :conversationId', { conversationId: q.conversationId });
    if (q.from) qb.andWhere('s.updatedAt >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('s.updatedAt < :to', { to: new Date(q.to) });
    const page = await keysetPage(qb, { timeColumn: 's.updatedAt', idColumn: 's.id', limit: q.limit, cursor: q.cursor, timeOf: (s) => s.updatedAt, map: (s) => s });
    const userIds = [...new Set(page.items.flatMap((s) => [s.reviewerId, s.agentId]).filter((u): u is string => !!u))];
    const names = new Map<string, string>((userIds.length ? await this.db.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [userIds]) : []).map((u: { id: string; name: string }) => [u.id, u.name]));
    return {
      ...page,
      items: page.items.map((s) => ({
        id: s.id,
        conversationId: s.conversationId,
        storeId: s.storeId,
        agentId: s.agentId,
        agentName: s.agentId ? (names.get(s.agentId) ?? null) : null,
        reviewerId: s.reviewerId,
        reviewerName: names.get(s.reviewerId) ?? null,
        score: s.score,
        criteria: s.criteria,
        comment: s.comment,
        createdAt: s.createdAt.toISOString(),
        updatedAt: s.updatedAt.toISOString(),
      })),
    };
  }
}
