import { Inject, Injectable, Logger, NotFoundException, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { KbSearchHit, KbSearchQuery, KbSearchResult, Language } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import type { StoreScope } from '../auth/store-scope.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { detectLanguage } from '../routing/language.util.js';
import { KbArticleEntity } from './kb-article.entity.js';
import { KbGapService } from './kb-gap.service.js';
import { KbLexicon } from './kb-lexicon.service.js';
import { buildConcepts, candidateQuery, SEARCH_TUNING } from './kb-query.js';
import { candidateRef, KbRankedArticles } from './kb-ranked-articles.js';
import { scoreArticle } from './kb-score.js';
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
 * the candidates: one GIN-indexed tsvector query, store-scoped, a store's article hiding the global
 * one on its topic → each candidate scored from its index terms (kb-score; the terms are cached per
 * article revision by KbRankedArticles). Nothing under the threshold is returned.
 */
@Injectable()
export class KbSearchService implements OnApplicationBootstrap {
  private readonly logger = new Logger(KbSearchService.name);

  constructor(
    @InjectRepository(KbArticleEntity) private readonly articles: Repository<KbArticleEntity>,
    private readonly lexicon: KbLexicon,
    private readonly ranked: KbRankedArticles,
    private readonly synonyms: KbSynonymService,
    private readonly gaps: KbGapService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Loads the dictionaries (about a second; not in tests, where every test file boots a desk and
   * most never search) and the ranking cache in the background at start, rather than in the first
   * customers' searches.
   */
  onApplicationBootstrap() {
    setImmediate(() => {
      if (this.config.env !== 'test') queryWords('退货');
      const t0 = performance.now();
      this.ranked.warm().then(
        (n) => this.logger.log(`ranking cache: ${n} articles loaded in ${Math.round(performance.now() - t0)} ms`),
        (err: Error) => this.logger.warn(`ranking cache not warmed: ${err.message}`),
      );
    });
  }

  async search(caller: Caller, q: KbSearchQuery): Promise<KbSearchResult> {
    if (q.storeId && !caller.scope.canSee(q.storeId)) throw new NotFoundException('Store not found');
    const opts = { text: q.q, storeId: q.storeId ?? null, lang: q.lang ?? null, limit: q.limit };
    const items = await this.find(caller.scope, opts);
    // A question asked without a store counts for the caller's one store; without a single store it is
    // unattributed, seen only by those who see every store.
    if (!items.length) this.gaps.note(opts.storeId ?? caller.scope.soleStoreId, opts.lang ?? detectLanguage(q.q), q.q);
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
    const qb = this.articles
      .createQueryBuilder('a')
      // One row of `id rev` pairs rather than a row per candidate: a common question has hundreds.
      .select(`string_agg(a.id || ' ' || a.xmin, ',')`, 'refs')
      .where('a.search_vector @@ CAST(:candidates AS tsquery)', { candidates: candidateQuery(concepts, SEARCH_TUNING.threshold) })
      .andWhere(`a.status = 'published'`);
    scope.applyWithGlobal(qb, 'a.storeId');
    if (opts.storeId) qb.andWhere('(a.storeId IS NULL OR a.storeId = :storeId)', { storeId: opts.storeId }).andWhere(NOT_OVERRIDDEN);
    if (opts.lang) qb.andWhere('a.lang = :lang', { lang: opts.lang });
    const { refs } = (await qb.getRawOne<{ refs: string | null }>())!;
    const candidates = await this.ranked.get(refs ? refs.split(',').map(candidateRef) : []);
    const total = concepts.reduce((s, c) => s + c.weight, 0);
    return candidates
      .map((c) => ({ article: c.article, score: scoreArticle(c.terms, concepts, total) }))
      .filter((hit) => hit.score >= SEARCH_TUNING.threshold)
      // Equal scores: the store's own article before a global one, then the newer.
      .sort((a, b) => b.score - a.score || Number(!!b.article.storeId) - Number(!!a.article.storeId) || b.article.updatedAt.localeCompare(a.article.updatedAt))
      .slice(0, opts.limit)
      .map((hit) => ({ article: hit.article, score: Math.round(hit.score * 1000) / 1000 }));
  }
}
