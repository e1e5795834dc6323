import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { CreateKbArticleInput, KbArticle, KbArticleSaved, KbArticleVersion, ListKbArticlesQuery, Page, UpdateKbArticleInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { ValidationError } from '../errors/validation.error.js';
import { GuardCheckService } from '../guard/guard-check.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { toKbArticleDto, toKbArticleVersionDto } from './kb.dto.js';
import { assertCanWrite, readsDrafts } from './kb-access.js';
import { KbArticleVersionEntity } from './kb-article-version.entity.js';
import { KbArticleEntity } from './kb-article.entity.js';
import { acceptedQuestions, ARTICLE_FIELDS, type ArticleContent, indexedText, insertArticles, searchVectorSql } from './kb-article.writer.js';
import { DeskError, notFound } from '../errors/desk-error.js';

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

@Injectable()
export class KbArticleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(KbArticleEntity) private readonly articles: Repository<KbArticleEntity>,
    private readonly audit: AuditService,
    private readonly guard: GuardCheckService,
  ) {}

  /** Global articles and those of the caller's stores, most recently changed first. */
  list(caller: Caller, q: ListKbArticlesQuery): Promise<Page<KbArticle>> {
    const qb = caller.scope.applyWithGlobal(this.articles.createQueryBuilder('a'), 'a.storeId');
    if (q.storeId === 'global') qb.andWhere('a.storeId IS NULL');
    else if (q.storeId) qb.andWhere('(a.storeId IS NULL OR a.storeId = :storeId)', { storeId: q.storeId });
    if (!readsDrafts(caller)) qb.andWhere(`a.status = 'published'`);
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.lang) qb.andWhere('a.lang = :lang', { lang: q.lang });
    if (q.topic) qb.andWhere('a.topic = :topic', { topic: q.topic.toLowerCase() });
    if (q.tag) qb.andWhere(':tag = ANY(a.tags)', { tag: q.tag });
    if (q.q) qb.andWhere('a.title ILIKE :like', { like: `%${q.q.replace(/[%_\\]/g, '\\$&')}%` });
    return keysetPage(qb, { timeColumn: 'a.updatedAt', idColumn: 'a.id', limit: q.limit, cursor: q.cursor, timeOf: (a) => a.updatedAt, map: toKbArticleDto });
  }

  /** An article the caller may read, or 404 (whether it exists elsewhere or not at all). */
  async findVisible(caller: Caller, id: string, m: EntityManager = this.db.manager, lock = false): Promise<KbArticleEntity> {
    const qb = m.getRepository(KbArticleEntity).createQueryBuilder('a').where('a.id = :id', { id });
    caller.scope.applyWithGlobal(qb, 'a.storeId');
    if (!readsDrafts(caller)) qb.andWhere(`a.status = 'published'`);
    if (lock) qb.setLock('pessimistic_write');
    const article = await qb.getOne();
    if (!article) throw notFound('Article');
    return article;
  }

  async get(caller: Caller, id: string): Promise<KbArticle> {
    return toKbArticleDto(await this.findVisible(caller, id));
  }

  async create(caller: Caller, input: CreateKbArticleInput): Promise<KbArticleSaved> {
    assertCanWrite(caller, input.storeId);
    if (input.storeId && !(await this.db.getRepository(StoreEntity).existsBy({ id: input.storeId }))) throw new ValidationError({ storeId: 'is not a store' });
    const saved = await this.db.transaction(async (m) => {
      const [article] = await insertArticles(m, [input], caller.user.id);
      await this.audit.record(
        { actorId: caller.user.id, action: 'kb.article.created', targetType: 'kb_article', targetId: article.id, details: { storeId: article.storeId, lang: article.lang, title: article.title, status: article.status } },
        m,
      );
      return toKbArticleDto(article);
    });
    return this.withWarnings(saved);
  }

  /** Applies the changes as a new version (stored whole); nothing changes, no new version. */
  async update(caller: Caller, id: string, input: UpdateKbArticleInput): Promise<KbArticleSaved> {
    const saved = await this.db.transaction(async (m) => {
      const current = await this.findVisible(caller, id, m, true);
      assertCanWrite(caller, current.storeId);
      if (input.version !== undefined && input.version !== current.version)
        throw new DeskError('ARTICLE_VERSION_CONFLICT', `The article changed since version ${input.version}`, { version: current.version });
      const { version: _expected, ...changes } = input;
      const next: ArticleContent = { ...pick(current), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
      const changed = ARTICLE_FIELDS.filter((f) => !sameValue(next[f], current[f]));
      if (!changed.length) return toKbArticleDto(current);
      const ix = indexedText(next, await acceptedQuestions(m, id));
      const updated = await m
        .createQueryBuilder()
        .update(KbArticleEntity)
        .set({
          lang: next.lang,
          topic: next.topic,
          title: next.title,
          shortAnswer: next.shortAnswer,
          body: next.body,
          tags: next.tags,
          status: next.status,
          titleWords: ix.titleWords,
          version: current.version + 1,
          updatedById: caller.user.id,
          searchVector: () => searchVectorSql(':ixTitle', ':ixTags', ':ixBody', ':ixQuestions', ':ixGrams'),
        })
        .setParameters({ ixTitle: ix.title, ixTags: ix.tags, ixBody: ix.body, ixQuestions: ix.questions, ixGrams: ix.grams })
        .where('id = :id', { id })
        .returning('*')
        .execute();
      const article = entityFromRow<KbArticleEntity>(m.connection.getMetadata(KbArticleEntity), updated.raw[0]);
      await m.getRepository(KbArticleVersionEntity).insert({
        articleId: id,
        version: article.version,
        ...pick(article),
        changedFields: changed,
        changedById: caller.user.id,
        changedAt: article.updatedAt,
      });
      await this.audit.record(
        { actorId: caller.user.id, action: 'kb.article.updated', targetType: 'kb_article', targetId: id, details: { version: article.version, changedFields: changed } },
        m,
      );
      return toKbArticleDto(article);
    });
    return this.withWarnings(saved);
  }

  /** The saved article with what the texts it puts into replies break where it applies (the reply box checks them again on insertion). */
  private async withWarnings(article: KbArticle): Promise<KbArticleSaved> {
    return { ...article, guardWarnings: await this.guard.warnings(article.storeId, { shortAnswer: article.shortAnswer, body: article.body }) };
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const article = await this.findVisible(caller, id, m, true);
      assertCanWrite(caller, article.storeId);
      await m.getRepository(KbArticleEntity).delete({ id });
      // The versions go with the article; the audit keeps what was deleted.
      await this.audit.record(
        { actorId: caller.user.id, action: 'kb.article.deleted', targetType: 'kb_article', targetId: id, details: { ...pick(article), version: article.version } },
        m,
      );
    });
  }

  /** Every version of an article, newest first, with who made each; the cursor is the last version returned. */
  async versions(caller: Caller, id: string, q: { limit: number; cursor?: string }): Promise<Page<KbArticleVersion>> {
    const before = q.cursor === undefined ? null : Number(q.cursor);
    if (before !== null && !(Number.isInteger(before) && before > 0 && before <= 2_147_483_647)) throw new ValidationError({ cursor: 'is not a cursor this API returned' });
    await this.findVisible(caller, id);
    const repo = this.db.getRepository(KbArticleVersionEntity);
    const qb = repo.createQueryBuilder('v').where('v.articleId = :id', { id });
    const total = await qb.clone().getCount();
    if (before !== null) qb.andWhere('v.version < :before', { before });
    const rows = await qb.orderBy('v.version', 'DESC').take(q.limit + 1).getMany();
    const items = rows.slice(0, q.limit);
    const userIds = [...new Set(items.map((v) => v.changedById).filter((u): u is string => !!u))];
    const users = userIds.length ? await this.db.getRepository(UserEntity).findBy({ id: In(userIds) }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return {
      items: items.map((v) => toKbArticleVersionDto(v, v.changedById ? (names.get(v.changedById) ?? null) : null)),
      total,
      nextCursor: rows.length > q.limit ? String(items[items.length - 1].version) : null,
    };
  }
}

/** The content fields of an article (`ARTICLE_FIELDS`), as stored in a version or an audit entry. */
const pick = (a: KbArticleEntity) => Object.fromEntries(ARTICLE_FIELDS.map((f) => [f, a[f]])) as unknown as ArticleContent;
