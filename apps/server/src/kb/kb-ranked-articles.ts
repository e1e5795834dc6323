import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KbArticle } from '@kefu/contracts';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { toKbArticleDto } from './kb.dto.js';
import { KbArticleEntity } from './kb-article.entity.js';
import { type ArticleTerms, fieldsOf } from './kb-score.js';

/** A search candidate: an article and the revision of its row (PostgreSQL's xmin, new on every write). */
export interface CandidateRef {
  id: string;
  rev: string;
}

/** A candidate from its `id rev` text (a UUID's text is 36 characters). */
export const candidateRef = (text: string): CandidateRef => ({ id: text.slice(0, 36), rev: text.slice(37) });

export interface RankedArticle {
  rev: string;
  article: KbArticle;
  terms: ArticleTerms;
}

/** Articles kept; past this the oldest go (a search reloads what it needs in one query). */
const ARTICLE_LIMIT = 20_000;
const WARM_BATCH = 1_000;
/** Distinct index terms kept; past this everything is dropped and rebuilt (articles refer to terms by number). */
const VOCABULARY_LIMIT = 1_000_000;

/**
 * An article's terms as a sorted array of `termNumber * 16 + fields`: a few hundred bytes per
 * article instead of a map of strings, looked up by binary search.
 */
class PackedTerms implements ArticleTerms {
  constructor(
    private readonly vocabulary: ReadonlyMap<string, number>,
    private readonly packed: Int32Array,
    readonly titleWords: number,
  ) {}

  fields(lexeme: string): number {
    const n = this.vocabulary.get(lexeme);
    if (n === undefined) return 0;
    let lo = 0;
    let hi = this.packed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.packed[mid] >> 4 < n) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.packed.length && this.packed[lo] >> 4 === n ? this.packed[lo] & 15 : 0;
  }
}

/**
 * What ranking needs of each candidate article — its index terms with their fields, and the article
 * itself — cached in the process by row revision, so a search costs one index query once the
 * articles are known. PostgreSQL stays the truth: a candidate whose revision is not the cached one
 * is loaded again, and one that changed between the index query and loading it is left out of
 * that answer (it may no longer belong to the store or language searched).
 */
@Injectable()
export class KbRankedArticles {
  private readonly articles = new Map<string, RankedArticle>();
  private vocabulary = new Map<string, number>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(refs: CandidateRef[]): Promise<RankedArticle[]> {
    const stale = refs.filter((r) => this.articles.get(r.id)?.rev !== r.rev).map((r) => r.id);
    if (stale.length) await this.load(stale);
    const found: RankedArticle[] = [];
    for (const r of refs) {
      const a = this.articles.get(r.id);
      if (a?.rev === r.rev) found.push(a);
    }
    return found;
  }

  /** Loads the most recently changed published articles, up to what is kept, so the first searches after a start need not. */
  async warm(): Promise<number> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM kb_articles WHERE status = 'published' ORDER BY updated_at DESC LIMIT $1`, [ARTICLE_LIMIT]);
    for (let i = 0; i < rows.length; i += WARM_BATCH) await this.load(rows.slice(i, i + WARM_BATCH).map((r) => r.id));
    return rows.length;
  }

  private async load(ids: string[]): Promise<void> {
    const rows: (Record<string, unknown> & { rev: string; terms: Record<string, string> | null })[] = await this.db.query(
      `SELECT a.*, a.xmin::text AS rev,
              (SELECT json_object_agg(u.lexeme, COALESCE(array_to_string(u.weights, ''), '')) FROM unnest(a.search_vector) u) AS terms
       FROM kb_articles a WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    if (this.vocabulary.size > VOCABULARY_LIMIT) {
      this.vocabulary = new Map();
      this.articles.clear();
    }
    const metadata = this.db.getMetadata(KbArticleEntity);
    for (const row of rows) {
      const entity = entityFromRow<KbArticleEntity>(metadata, row);
      this.articles.delete(entity.id);
      // Frozen: every search answering with this article shares the object.
      const article = Object.freeze({ ...toKbArticleDto(entity), tags: Object.freeze([...entity.tags]) as string[] });
      this.articles.set(entity.id, { rev: row.rev, article, terms: this.pack(row.terms ?? {}, entity.titleWords ?? 1) });
    }
    for (const id of this.articles.keys()) {
      if (this.articles.size <= ARTICLE_LIMIT) break;
      this.articles.delete(id);
    }
  }

  private pack(terms: Record<string, string>, titleWords: number): ArticleTerms {
    const packed = Int32Array.from(Object.entries(terms), ([lexeme, weights]) => {
      let n = this.vocabulary.get(lexeme);
      if (n === undefined) this.vocabulary.set(lexeme, (n = this.vocabulary.size));
      return n * 16 + fieldsOf(weights);
    }).sort();
    return new PackedTerms(this.vocabulary, packed, titleWords);
  }
}
