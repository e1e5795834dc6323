// Writing articles with their search index and version rows: shared by the service, the demo seed
// and the benchmark, so every article is indexed the same way.
import type { EntityManager } from 'typeorm';
import type { KbArticleStatus, Language } from '@kefu/contracts';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { KbArticleEntity } from './kb-article.entity.js';
import { charGrams, indexWords, titleWordCount } from './kb-tokenizer.js';

export interface ArticleContent {
  storeId: string | null;
  lang: Language;
  topic: string | null;
  title: string;
  shortAnswer: string;
  body: string;
  tags: string[];
  status: KbArticleStatus;
}

export const ARTICLE_FIELDS = ['storeId', 'lang', 'topic', 'title', 'shortAnswer', 'body', 'tags', 'status'] as const;

/**
 * Segmented text of each weighted part of the index: title A, tags B, short answer and body C,
 * accepted similar questions D; and the character bigrams of what says what the article answers
 * (title, tags, short answer, similar questions), as they are (no stemming).
 */
export function indexedText(a: Pick<ArticleContent, 'title' | 'tags' | 'shortAnswer' | 'body'>, questions: string[] = []) {
  return {
    title: indexWords(a.title).join(' '),
    tags: a.tags.flatMap(indexWords).join(' '),
    body: indexWords(`${a.shortAnswer}\n${a.body}`).join(' '),
    questions: questions.flatMap(indexWords).join(' '),
    grams: charGrams([a.title, ...a.tags, a.shortAnswer, ...questions].join('\n')).join(' '),
    titleWords: Math.max(1, titleWordCount(a.title)),
  };
}

/** The tsvector of indexed text given as SQL expressions (parameters or columns). */
export const searchVectorSql = (title: string, tags: string, body: string, questions = `''`, grams = `''`) =>
  `setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('english', ${tags}), 'B') || setweight(to_tsvector('english', ${body}), 'C') || setweight(to_tsvector('english', ${questions}), 'D')` +
  ` || COALESCE(array_to_tsvector(string_to_array(${grams}, ' ')), ''::tsvector)`;

/** The accepted similar questions of an article (their words are indexed with it). */
export async function acceptedQuestions(m: EntityManager, articleId: string): Promise<string[]> {
  const rows: { text: string }[] = await m.query(`SELECT text FROM kb_article_questions WHERE article_id = $1 AND status = 'accepted' ORDER BY created_at, id`, [articleId]);
  return rows.map((r) => r.text);
}

/**
 * Indexes an article again with its accepted similar questions (after one was accepted, reworded or
 * dropped): a new row revision, so searches rank it with them at once; no new version of the article.
 */
export async function reindexArticle(m: EntityManager, articleId: string): Promise<void> {
  const [row]: { title: string; tags: string[]; short_answer: string; body: string }[] = await m.query(
    `SELECT title, tags, short_answer, body FROM kb_articles WHERE id = $1 FOR UPDATE`,
    [articleId],
  );
  if (!row) return;
  const ix = indexedText({ title: row.title, tags: row.tags, shortAnswer: row.short_answer, body: row.body }, await acceptedQuestions(m, articleId));
  await m.query(`UPDATE kb_articles SET search_vector = ${searchVectorSql('$2', '$3', '$4', '$5', '$6')} WHERE id = $1`, [articleId, ix.title, ix.tags, ix.body, ix.questions, ix.grams]);
}

/** Inserts articles (one statement, whatever their number) with their first version; returns them. */
export async function insertArticles(m: EntityManager, articles: ArticleContent[], actorId: string | null): Promise<KbArticleEntity[]> {
  if (!articles.length) return [];
  const ix = articles.map((a) => indexedText(a));
  const rows: Record<string, unknown>[] = await m.query(
    `WITH a AS (
       INSERT INTO kb_articles (store_id, lang, topic, title, short_answer, body, tags, status, title_words, created_by_id, updated_by_id, search_vector)
       SELECT x.store_id, x.lang, x.topic, x.title, x.short_answer, x.body, ARRAY(SELECT jsonb_array_elements_text(x.tags)), x.status, x.title_words, $13, $13,
              ${searchVectorSql('x.ix_title', 'x.ix_tags', 'x.ix_body', `''`, 'x.ix_grams')}
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $15::text[])
            AS x(store_id, lang, topic, title, short_answer, body, tags, status, title_words, ix_title, ix_tags, ix_body, ix_grams)
       RETURNING *
     ), v AS (
       INSERT INTO kb_article_versions (article_id, version, store_id, lang, topic, title, short_answer, body, tags, status, changed_fields, changed_by_id, changed_at)
       SELECT id, version, store_id, lang, topic, title, short_answer, body, tags, status, $14::text[], created_by_id, created_at FROM a
     )
     SELECT * FROM a`,
    [
      articles.map((a) => a.storeId),
      articles.map((a) => a.lang),
      articles.map((a) => a.topic),
      articles.map((a) => a.title),
      articles.map((a) => a.shortAnswer),
      articles.map((a) => a.body),
      articles.map((a) => JSON.stringify(a.tags)),
      articles.map((a) => a.status),
      ix.map((i) => i.titleWords),
      ix.map((i) => i.title),
      ix.map((i) => i.tags),
      ix.map((i) => i.body),
      actorId,
      [...ARTICLE_FIELDS],
      ix.map((i) => i.grams),
    ],
  );
  const metadata = m.connection.getMetadata(KbArticleEntity);
  return rows.map((r) => entityFromRow<KbArticleEntity>(metadata, r));
}
