import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { KbFeedback, KbFeedbackInput, KbStats, KbStatsQuery, KbUsage, KbUsageInput } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { ValidationError } from '../errors/validation.error.js';
import { MessageEntity } from '../conversation/message.entity.js';
import { toKbArticleDto, toKbFeedbackDto, toKbUsageDto } from './kb.dto.js';
import { KbArticleEntity } from './kb-article.entity.js';
import { KbArticleService } from './kb-article.service.js';
import { KbFeedbackEntity } from './kb-feedback.entity.js';
import { KbGapEntity } from './kb-gap.entity.js';
import { KbQuestionService } from './kb-question.service.js';
import { KbUsageEntity } from './kb-usage.entity.js';
import { notFound } from '../errors/desk-error.js';

/** Which articles agents insert, which they find unhelpful, and what customers ask that nothing answers. */
@Injectable()
export class KbStatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly articles: KbArticleService,
    private readonly conversations: ConversationService,
    private readonly questions: KbQuestionService,
  ) {}

  /** An article inserted into a reply (the reply's message id when given); proposes the customer's question for the article. */
  async recordUsage(caller: Caller, articleId: string, input: KbUsageInput): Promise<KbUsage> {
    const article = await this.articles.findVisible(caller, articleId);
    const conv = await this.conversations.findVisible(caller, input.conversationId);
    if (article.storeId && article.storeId !== conv.storeId) throw new ValidationError({ conversationId: "is in another store than the article's" });
    if (input.messageId && !(await this.db.getRepository(MessageEntity).existsBy({ id: input.messageId, conversationId: conv.id })))
      throw new ValidationError({ messageId: 'is not a message of this conversation' });
    const usage = await this.db
      .getRepository(KbUsageEntity)
      .save({ articleId, storeId: conv.storeId, conversationId: conv.id, messageId: input.messageId ?? null, userId: caller.user.id });
    // The customer's question this reply answered becomes a similar question proposed for the article.
    await this.questions.proposeQuietly(caller, article, conv, usage.messageId);
    return toKbUsageDto(usage);
  }

  async recordFeedback(caller: Caller, articleId: string, input: KbFeedbackInput): Promise<KbFeedback> {
    const article = await this.articles.findVisible(caller, articleId);
    const conv = input.conversationId ? await this.conversations.findVisible(caller, input.conversationId) : null;
    if (conv && article.storeId && article.storeId !== conv.storeId) throw new ValidationError({ conversationId: "is in another store than the article's" });
    const feedback = await this.db.getRepository(KbFeedbackEntity).save({
      articleId,
      // Without a conversation, feedback on a global article counts for the caller's one store, else for none.
      storeId: conv?.storeId ?? article.storeId ?? caller.scope.soleStoreId,
      conversationId: conv?.id ?? null,
      helpful: input.helpful,
      userId: caller.user.id,
    });
    return toKbFeedbackDto(feedback);
  }

  async stats(caller: Caller, q: KbStatsQuery): Promise<KbStats> {
    if (q.storeId && !caller.scope.canSee(q.storeId)) throw notFound('Store');
    const period = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string) => {
      if (q.from) qb.andWhere(`${column} >= :from`, { from: q.from });
      if (q.to) qb.andWhere(`${column} < :to`, { to: q.to });
      return qb;
    };

    const usage = caller.scope.apply(this.db.getRepository(KbUsageEntity).createQueryBuilder('u'), 'u.storeId');
    if (q.storeId) usage.andWhere('u.storeId = :storeId', { storeId: q.storeId });
    const used: { articleId: string; uses: number }[] = await period(usage, 'u.at')
      .select('u.articleId', 'articleId')
      .addSelect('count(*)::int', 'uses')
      .groupBy('u.articleId')
      .orderBy('uses', 'DESC')
      .addOrderBy('u.articleId')
      .limit(q.limit)
      .getRawMany();

    const feedback = caller.scope.apply(this.db.getRepository(KbFeedbackEntity).createQueryBuilder('f'), 'f.storeId');
    if (q.storeId) feedback.andWhere('f.storeId = :storeId', { storeId: q.storeId });
    const rated: { articleId: string; helpful: number; unhelpful: number }[] = await period(feedback, 'f.at')
      .select('f.articleId', 'articleId')
      .addSelect('count(*) FILTER (WHERE f.helpful)::int', 'helpful')
      .addSelect('count(*) FILTER (WHERE NOT f.helpful)::int', 'unhelpful')
      .groupBy('f.articleId')
      .having('count(*) FILTER (WHERE NOT f.helpful) > 0')
      // Least helpful: the largest share of "not helpful", then the most of them.
      .orderBy('count(*) FILTER (WHERE NOT f.helpful)::float8 / count(*)', 'DESC')
      .addOrderBy('count(*) FILTER (WHERE NOT f.helpful)', 'DESC')
      .addOrderBy('f.articleId')
      .limit(q.limit)
      .getRawMany();

    // Unattributed questions (no store) belong to no store: only callers of every store see them.
    const gaps = caller.scope.apply(this.db.getRepository(KbGapEntity).createQueryBuilder('g'), 'g.storeId');
    if (q.storeId) gaps.andWhere('g.storeId = :storeId', { storeId: q.storeId });
    const missing = await period(gaps, 'g.lastSeenAt').orderBy('g.count', 'DESC').addOrderBy('g.lastSeenAt', 'DESC').limit(q.limit).getMany();

    const ids = [...new Set([...used, ...rated].map((r) => r.articleId))];
    const articles = ids.length
      ? await caller.scope.applyWithGlobal(this.db.getRepository(KbArticleEntity).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }), 'a.storeId').getMany()
      : [];
    const byId = new Map(articles.map((a) => [a.id, toKbArticleDto(a)]));
    return {
      mostUsed: used.filter((u) => byId.has(u.articleId)).map((u) => ({ article: byId.get(u.articleId)!, uses: u.uses })),
      leastHelpful: rated.filter((r) => byId.has(r.articleId)).map((r) => ({ article: byId.get(r.articleId)!, helpful: r.helpful, unhelpful: r.unhelpful })),
      gaps: missing.map((g) => ({ query: g.query, storeId: g.storeId, lang: g.lang, count: g.count, lastSeenAt: g.lastSeenAt.toISOString() })),
    };
  }
}
