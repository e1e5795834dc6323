import { Inject, Injectable, NotFoundException, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { KbSearchHit, KbSearchQuery, KbSearchResult, Language } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import type { StoreScope } from '../auth/store-scope.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { detectLanguage } from '../routing/language.util.js';
import { toKbArticleDto } from './kb.dto.js';
import { KbArticleEntity } from './kb-article.entity.js';
import { KbGapService } from './kb-gap.service.js';
import { KbLexicon } from './kb-lexicon.service.js';
import { buildConcepts, rankingParams, scoreSql, SEARCH_TUNING } from './kb-query.js';
import { KbSynonymService } from './kb-synonym.service.js';
import { queryWords } from './kb-tokenizer.js';

/** A global article is hidden for a store that has its own published article on the same topic. */
const NOT_OVERRIDDEN = `NOT (a.store_id IS NULL AND a.topic IS NOT NULL AND EXISTS (
  SELECT 1 FROM kb_articles o WHERE o.store_id = :storeId AND o.topic = a.topic AND o.status = 'published'))`;

export interface FindOptions {
  text: string;
  /** Search as this store sees it; null: every store of the scope, no overriding. */
  storeId: string | null;
  lang: Language | null;
  limit: number;
}

/**
 * Search: the query's words (jieba, filler removed) → their lexemes and document frequencies
 * (KbLexicon) → weighted concepts with synonyms, typo corrections and compound parts (kb-query) →
 * one ranking query: a GIN-indexed tsvector match for candidates, scored by `scoreSql`, store-scoped,
 * a store's article hiding the global one on its topic. Nothing under the threshold is returned.
 */
@Injectable()
export class KbSearchService implements OnApplicationBootstrap {
  constructor(
    @InjectRepository(KbArticleEntity) private readonly articles: Repository<KbArticleEntity>,
    private readonly lexicon: KbLexicon,
    private readonly synonyms: KbSynonymService,
    private readonly gaps: KbGapService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Loads the dictionaries (about a second) at start rather than in the first customer's search;
   * not in tests, where every test file boots a desk and most never search.
   */
  onApplicationBootstrap() {
    if (this.config.env !== 'test') setImmediate(() => queryWords('退货'));
  }

  async search(caller: Caller, q: KbSearchQuery): Promise<KbSearchResult> {
    if (q.storeId && !caller.scope.canSee(q.storeId)) throw new NotFoundException('Store not found');
    const opts = { text: q.q, storeId: q.storeId ?? null, lang: q.lang ?? null, limit: q.limit };
    const items = await this.find(caller.scope, opts);
    if (!items.length) this.gaps.note(opts.storeId, opts.lang ?? detectLanguage(q.q), q.q);
    return { items };
  }

  /** Published articles answering `text`, best first, none below the relevance threshold. */
  async find(scope: StoreScope, opts: FindOptions): Promise<KbSearchHit[]> {
    const words = queryWords(opts.text);
    if (!words.length) return [];
    const tokens = [...new Set(words.flatMap((w) => [w.text, ...w.parts.map((p) => p.text)]))];
    const [resolved, synonyms] = await Promise.all([this.lexicon.resolve(tokens), this.synonyms.table()]);
    const concepts = buildConcepts(words, resolved.tokens, synonyms, resolved.docs);
    if (!concepts.length) return [];
    const p = rankingParams(concepts, SEARCH_TUNING.threshold);
    const score = scoreSql(p, 'a.search_vector', 'a.title_words');
    const qb = this.articles
      .createQueryBuilder('a')
      .addSelect(score.sql, 'score')
      .where('a.search_vector @@ CAST(:candidates AS tsquery)')
      .andWhere(`a.status = 'published'`)
      .setParameters({ candidates: p.candidates, ...score.params });
    scope.applyWithGlobal(qb, 'a.storeId');
    if (opts.storeId) qb.andWhere('(a.storeId IS NULL OR a.storeId = :storeId)', { storeId: opts.storeId }).andWhere(NOT_OVERRIDDEN);
    if (opts.lang) qb.andWhere('a.lang = :lang', { lang: opts.lang });
    const { entities, raw } = await qb.orderBy('score', 'DESC').addOrderBy('a.updatedAt', 'DESC').limit(opts.limit).getRawAndEntities();
    const scores = new Map(raw.map((r: { a_id: string; score: number }) => [r.a_id, Number(r.score)]));
    return entities
      .filter((a) => scores.get(a.id)! >= SEARCH_TUNING.threshold)
      .map((a) => ({ article: toKbArticleDto(a), score: Math.round(scores.get(a.id)! * 1000) / 1000 }));
  }
}
