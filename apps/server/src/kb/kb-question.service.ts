import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CreateKbQuestionInput,
  KbArticleQuestion,
  KbQuestionWithArticle,
  ListKbArticleQuestionsQuery,
  ListKbQuestionsQuery,
  Page,
  UpdateKbQuestionInput,
} from '@kefu/contracts';
import { DeskEvent, rooms } from '@kefu/contracts';
import { maskText } from '../privacy/pii-mask.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import type { ConversationEntity } from '../conversation/conversation.entity.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { detectLanguage } from '../text/language.util.js';
import { toKbArticleQuestionDto } from './kb.dto.js';
import { assertCanWrite, readsDrafts } from './kb-access.js';
import { KbArticleQuestionEntity } from './kb-article-question.entity.js';
import type { KbArticleEntity } from './kb-article.entity.js';
import { KbArticleService } from './kb-article.service.js';
import { reindexArticle } from './kb-article.writer.js';
import { KbSearchService } from './kb-search.service.js';
import { gapKey, questionOf, queryWords } from './kb-tokenizer.js';
import { DeskError, notFound } from '../errors/desk-error.js';

/** A question the search already answers with the article, first and at least this sure, teaches it nothing: not proposed. */
const ALREADY_FOUND = 0.9;
/** The customer's messages a reply answers: those since the agent's previous reply, at most this many. */
const ANSWERED_MESSAGES = 3;

/**
 * Similar questions (相似问法) of articles: proposed from what agents do — an article inserted into a
 * reply (POST /api/kb/articles/:id/usage, which the console sends) proposes the customer's question
 * it answered — then accepted or rejected by a supervisor, or written by one. Accepted questions are
 * indexed with their article (tsvector weight D, ranked like its title), at once.
 */
@Injectable()
export class KbQuestionService {
  private readonly logger = new Logger(KbQuestionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly articles: KbArticleService,
    private readonly search: KbSearchService,
    private readonly audit: AuditService,
    private readonly events: EventPublisher,
  ) {}

  /** An article's questions; agents see the accepted ones only (proposals hold customers' words). */
  async listForArticle(caller: Caller, articleId: string, q: ListKbArticleQuestionsQuery): Promise<Page<KbArticleQuestion>> {
    await this.articles.findVisible(caller, articleId);
    const qb = this.db.getRepository(KbArticleQuestionEntity).createQueryBuilder('q').where('q.articleId = :articleId', { articleId });
    caller.scope.applyWithGlobal(qb, 'q.storeId');
    const status = readsDrafts(caller) ? q.status : 'accepted';
    if (status) qb.andWhere('q.status = :status', { status });
    return keysetPage(qb, { timeColumn: 'q.updatedAt', idColumn: 'q.id', limit: q.limit, cursor: q.cursor, timeOf: (x) => x.updatedAt, map: toKbArticleQuestionDto });
  }

  /** Questions by status over the articles the caller may see (default: the proposals waiting), most recently proposed first, with their article. */
  async list(caller: Caller, q: ListKbQuestionsQuery): Promise<Page<KbQuestionWithArticle>> {
    if (q.storeId && !caller.scope.canSee(q.storeId)) throw notFound('Store');
    const qb = this.db.getRepository(KbArticleQuestionEntity).createQueryBuilder('q').innerJoinAndSelect('q.article', 'a').where('q.status = :status', { status: q.status });
    caller.scope.applyWithGlobal(qb, 'q.storeId');
    caller.scope.applyWithGlobal(qb, 'a.storeId');
    if (q.storeId) qb.andWhere('q.storeId = :storeId', { storeId: q.storeId });
    if (q.articleId) qb.andWhere('q.articleId = :articleId', { articleId: q.articleId });
    return keysetPage(qb, { timeColumn: 'q.updatedAt', idColumn: 'q.id', limit: q.limit, cursor: q.cursor, timeOf: (x) => x.updatedAt, map: (x) => withArticle(x, x.article!) });
  }

  /** A supervisor's own similar question: accepted at once. */
  async create(caller: Caller, articleId: string, input: CreateKbQuestionInput): Promise<KbArticleQuestion> {
    const saved = await this.db.transaction(async (m) => {
      const article = await this.articles.findVisible(caller, articleId, m, true);
      assertCanWrite(caller, article.storeId);
      const key = gapKey(input.text);
      const repo = m.getRepository(KbArticleQuestionEntity);
      const existing = await repo.findOneBy({ articleId, key });
      if (existing?.status === 'accepted') throw new DeskError('QUESTION_EXISTS', 'The article already has this question', { id: existing.id });
      const row = existing
        ? await repo.save({ ...existing, text: input.text, status: 'accepted', decidedById: caller.user.id, decidedAt: new Date() })
        : await repo.save({ articleId, storeId: article.storeId, text: input.text, key, lang: detectLanguage(input.text), status: 'accepted', source: 'manual', decidedById: caller.user.id, decidedAt: new Date() });
      await reindexArticle(m, articleId);
      await this.audit.record({ actorId: caller.user.id, action: 'kb.question.created', targetType: 'kb_article_question', targetId: row.id, details: { articleId, text: row.text } }, m);
      return { row, article };
    });
    this.publish(DeskEvent.KbQuestionUpdated, withArticle(saved.row, saved.article));
    return toKbArticleQuestionDto(saved.row);
  }

  /** Accepts, rejects or rewords a question; the article is indexed again when what counts in its ranking changed. */
  async update(caller: Caller, id: string, input: UpdateKbQuestionInput): Promise<KbQuestionWithArticle> {
    const saved = await this.db.transaction(async (m) => {
      const { row, article } = await this.writable(caller, id, m);
      const wasAccepted = row.status === 'accepted';
      const next: KbArticleQuestionEntity = { ...row };
      if (input.text !== undefined && input.text !== row.text) {
        const key = gapKey(input.text);
        if (key !== row.key && (await m.getRepository(KbArticleQuestionEntity).existsBy({ articleId: row.articleId, key })))
          throw new DeskError('QUESTION_EXISTS', 'The article already has this question');
        Object.assign(next, { text: input.text, key, lang: detectLanguage(input.text) });
      }
      if (input.status && input.status !== row.status) Object.assign(next, { status: input.status, decidedById: caller.user.id, decidedAt: new Date() });
      const updated = await m.getRepository(KbArticleQuestionEntity).save(next);
      if (wasAccepted || updated.status === 'accepted') await reindexArticle(m, row.articleId);
      await this.audit.record(
        { actorId: caller.user.id, action: `kb.question.${input.status && input.status !== row.status ? input.status : 'updated'}`, targetType: 'kb_article_question', targetId: id, details: { articleId: row.articleId, text: updated.text, from: row.status } },
        m,
      );
      return withArticle(updated, article);
    });
    this.publish(DeskEvent.KbQuestionUpdated, saved);
    return saved;
  }

  async remove(caller: Caller, id: string): Promise<void> {
    const gone = await this.db.transaction(async (m) => {
      const { row, article } = await this.writable(caller, id, m);
      await m.getRepository(KbArticleQuestionEntity).delete({ id });
      if (row.status === 'accepted') await reindexArticle(m, row.articleId);
      await this.audit.record({ actorId: caller.user.id, action: 'kb.question.deleted', targetType: 'kb_article_question', targetId: id, details: { articleId: row.articleId, text: row.text, status: row.status } }, m);
      return withArticle(row, article);
    });
    this.publish(DeskEvent.KbQuestionUpdated, { ...gone, status: 'deleted' as const });
  }

  /**
   * After an agent inserted `article` into a reply in `conv`: the customer's question that reply
   * answered (their messages since the agent's previous reply, reduced to what they ask, personal data
   * masked) is proposed for the article, or counted again if already proposed. Nothing when the
   * question is accepted or rejected already, asks nothing, or is one the search already answers
   * with this article first and surely.
   */
  async proposeFromUsage(caller: Caller, article: KbArticleEntity, conv: ConversationEntity, replyId: string | null): Promise<void> {
    // The reply (or, without one, the agent's latest reply), and the reply before it.
    const asked: { id: string; body: string }[] = await this.db.query(
      `WITH ref AS (
         SELECT COALESCE((SELECT created_at FROM messages WHERE id = $2 AND conversation_id = $1),
                         CASE WHEN $2::uuid IS NULL THEN (SELECT max(created_at) FROM messages WHERE conversation_id = $1 AND direction = 'outbound') END,
                         'infinity'::timestamptz) AS at
       ), prev AS (
         SELECT COALESCE((SELECT max(o.created_at) FROM messages o, ref WHERE o.conversation_id = $1 AND o.direction = 'outbound' AND o.created_at < ref.at), '-infinity'::timestamptz) AS at
       )
       SELECT m.id, m.body FROM messages m, ref, prev
       WHERE m.conversation_id = $1 AND m.direction = 'inbound' AND m.created_at < ref.at AND m.created_at > prev.at
       ORDER BY m.created_at DESC, m.id DESC LIMIT $3`,
      [conv.id, replyId, ANSWERED_MESSAGES],
    );
    if (!asked.length) return;
    const text = maskText(questionOf([...asked].reverse().map((m) => m.body.trim()).join('\n')));
    if (!queryWords(text).length) return;
    const lang = conv.language ?? detectLanguage(text);
    const [top] = await this.search.find(caller.scope, { text, storeId: conv.storeId, lang, limit: 1 });
    if (top?.article.id === article.id && top.score >= ALREADY_FOUND) return;
    const key = gapKey(text);
    const rows: (Record<string, unknown> & { id: string; inserted: boolean; status: string })[] = await this.db.query(
      `INSERT INTO kb_article_questions (article_id, store_id, text, key, lang, status, source, conversation_id, message_id, proposed_by_id)
       VALUES ($1, $2, $3, $4, $5, 'proposed', 'usage', $6, $7, $8)
       ON CONFLICT (article_id, key) DO UPDATE
         SET proposals = kb_article_questions.proposals + 1, conversation_id = EXCLUDED.conversation_id, message_id = EXCLUDED.message_id,
             proposed_by_id = EXCLUDED.proposed_by_id, updated_at = now()
         WHERE kb_article_questions.status = 'proposed'
       RETURNING id`,
      [article.id, conv.storeId, text, key, lang, conv.id, asked[0].id, caller.user.id],
    );
    if (!rows.length) return;
    const row = await this.db.getRepository(KbArticleQuestionEntity).findOneByOrFail({ id: rows[0].id });
    this.publish(DeskEvent.KbQuestionProposed, withArticle(row, article));
  }

  /** Best effort after a usage was recorded: a proposal that fails is logged, the usage stands. */
  proposeQuietly(caller: Caller, article: KbArticleEntity, conv: ConversationEntity, replyId: string | null): Promise<void> {
    return this.proposeFromUsage(caller, article, conv, replyId).catch((err: Error) => this.logger.warn(`similar question not proposed: ${err.message}`));
  }

  /** A question the caller may change: its article is one they write (global articles: callers of every store). */
  private async writable(caller: Caller, id: string, m: EntityManager): Promise<{ row: KbArticleQuestionEntity; article: KbArticleEntity }> {
    const qb = m.getRepository(KbArticleQuestionEntity).createQueryBuilder('q').where('q.id = :id', { id }).setLock('pessimistic_write', undefined, ['q']);
    caller.scope.applyWithGlobal(qb, 'q.storeId');
    const row = await qb.getOne();
    if (!row) throw notFound('Question');
    const article = await this.articles.findVisible(caller, row.articleId, m, true);
    assertCanWrite(caller, article.storeId);
    return { row, article };
  }

  private publish(event: typeof DeskEvent.KbQuestionProposed | typeof DeskEvent.KbQuestionUpdated, q: KbQuestionWithArticle | (Omit<KbQuestionWithArticle, 'status'> & { status: 'deleted' })) {
    if (q.storeId) this.events.toStore(event, { ...q, storeId: q.storeId } as KbQuestionWithArticle & { storeId: string });
    else this.events.toRooms(event, q, [rooms.allStores]);
  }
}

const withArticle = (q: KbArticleQuestionEntity, a: KbArticleEntity): KbQuestionWithArticle => ({
  ...toKbArticleQuestionDto(q),
  article: { id: a.id, storeId: a.storeId, lang: a.lang, topic: a.topic, title: a.title },
});
