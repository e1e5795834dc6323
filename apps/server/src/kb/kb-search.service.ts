import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { KbSearchHit, KbSearchQuery, KbSearchResult, Language } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import type { StoreScope } from '../auth/store-scope.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { detectLanguage } from '../text/language.util.js';
import { KbArticleEntity } from './kb-article.entity.js';
import { KbGapService } from './kb-gap.service.js';
import { KbLexicon } from './kb-lexicon.service.js';
import { buildConcepts, calibrated, candidateQuery, type Concept, countedConcepts, minCoverage, SEARCH_TUNING, writtenIn } from './kb-query.js';
import { candidateRef, KbRankedArticles, type RankedArticle } from './kb-ranked-articles.js';
import { gramScore, scoreArticle } from './kb-score.js';
import { KbSynonymService } from './kb-synonym.service.js';
import { readQuery } from './kb-tokenizer.js';
import { notFound } from '../errors/desk-error.js';

/** A global article is hidden for a store that has its own published article on the same topic. */
const NOT_OVERRIDDEN = `NOT (a.store_id IS NULL AND a.topic IS NOT NULL AND EXISTS (
  SELECT 1 FROM kb_articles o WHERE o.store_id = :storeId AND o.topic = a.topic AND o.status = 'published'))`;

export interface FindOptions {
  text: string;
  /** Search as this store sees it (its own articles first); null: every store of the scope, no overriding. */
  storeId: string | null;
  /** The language to answer in: articles in it first; one in the other language only when it answers better. */
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
      // jieba's dictionaries and the English word frequencies (a question in each language).
      if (this.config.env !== 'test') readQuery('退货 refund');
      const t0 = performance.now();
      this.ranked.warm().then(
        (n) => this.logger.log(`ranking cache: ${n} articles loaded in ${Math.round(performance.now() - t0)} ms`),
        (err: Error) => this.logger.warn(`ranking cache not warmed: ${err.message}`),
      );
    });
  }

  async search(caller: Caller, q: KbSearchQuery): Promise<KbSearchResult> {
    if (q.storeId && !caller.scope.canSee(q.storeId)) throw notFound('Store');
    const opts = { text: q.q, storeId: q.storeId ?? null, lang: q.lang ?? null, limit: q.limit };
    const items = await this.find(caller.scope, opts);
    // A question asked without a store counts for the caller's one store; without a single store it is
    // unattributed, seen only by those who see every store.
    if (!items.length) this.gaps.note(opts.storeId ?? caller.scope.soleStoreId, opts.lang ?? detectLanguage(q.q), q.q);
    return { items };
  }

  /** Published articles answering `text`, best first, those unlikely to answer it (`SEARCH_TUNING.threshold`) left out. */
  async find(scope: StoreScope, opts: FindOptions): Promise<KbSearchHit[]> {
    const { hits, concepts } = await this.rank(scope, opts);
    const answered = hits.map((c) => ({ article: c.article, score: calibrated(c.coverage, concepts) })).filter((hit) => hit.score >= SEARCH_TUNING.threshold);
    const ownFirst = !!opts.storeId && answered.some((hit) => hit.article.storeId);
    const rankOf = (hit: { article: KbSearchHit['article']; score: number }) => hit.score - (ownFirst && !hit.article.storeId ? SEARCH_TUNING.storeFirstMargin : 0);
    return answered
      // Equal ranks: the store's own article before a global one, then the newer.
      .sort((a, b) => rankOf(b) - rankOf(a) || Number(!!b.article.storeId) - Number(!!a.article.storeId) || b.article.updatedAt.localeCompare(a.article.updatedAt))
      .slice(0, opts.limit)
      .map((hit) => ({ article: hit.article, score: Math.round(hit.score * 1000) / 1000 }));
  }

  /**
   * Every candidate article with its coverage of the query (kb-score), the store and language
   * preference applied; unsorted. Articles in the other language than asked for are found by the ways
   * of saying the concepts in that language (the lexicon's translations) and count a little less.
   */
  async rank(scope: StoreScope, opts: Omit<FindOptions, 'limit'>): Promise<{ concepts: number; hits: { article: KbSearchHit['article']; coverage: number }[] }> {
    const query = readQuery(opts.text);
    const tokens = [...new Set(query.words.flatMap((w) => [w.text, ...w.parts.map((p) => p.text), ...(w.glued ?? []).map((p) => p.text)]))];
    const [resolved, synonyms] = await Promise.all([this.lexicon.resolve(tokens), this.synonyms.table()]);
    const concepts = buildConcepts(query, resolved.tokens, synonyms, resolved.docs);
    if (!concepts.length) return { concepts: 0, hits: [] };
    const total = concepts.reduce((s, c) => s + c.weight, 0);
    const counted = countedConcepts(concepts);
    const share = minCoverage(counted);
    const queries = !opts.lang
      ? [{ lang: null, tsquery: candidateQuery(concepts, share) }]
      : [opts.lang, opts.lang === 'zh' ? ('en' as const) : ('zh' as const)].map((lang) => ({ lang, tsquery: candidateQuery(concepts, share, lang) }));
    const candidates = await this.candidates(scope, opts.storeId, queries.filter((q) => q.tsquery));
    return { concepts: counted, hits: this.score(candidates, concepts, total, query.grams, opts) };
  }

  /**
   * Each candidate's coverage. An article in the other language than the question's is measured
   * against what can be said in its language: a word with no translation weighs
   * `SEARCH_TUNING.untranslatedShare` of itself there.
   */
  private score(candidates: RankedArticle[], concepts: Concept[], total: number, grams: string[], opts: Omit<FindOptions, 'limit'>) {
    const totals = new Map<string, number>();
    const totalIn = (lang: Language) => {
      let t = totals.get(lang);
      if (t === undefined) {
        t = concepts.reduce((s, c) => s + c.weight * (c.alternatives.some((a) => writtenIn(a.lexemes, lang)) ? 1 : SEARCH_TUNING.untranslatedShare), 0);
        totals.set(lang, t);
      }
      return t;
    };
    const asked = opts.lang ?? detectLanguage(opts.text);
    return candidates.map((c) => ({
      article: c.article,
      coverage: Math.max(scoreArticle(c.terms, concepts, c.article.lang === asked ? total : totalIn(c.article.lang)), gramScore(c.terms, grams)) * preference(c.article, opts),
    }));
  }

  /**
   * The published articles the store sees that match a tsquery (in a language, or in any), from the
   * ranking cache: one query, the GIN index finding the articles of each language by the ways of
   * saying the concepts in that language.
   */
  private async candidates(scope: StoreScope, storeId: string | null, queries: { lang: Language | null; tsquery: string }[]): Promise<RankedArticle[]> {
    if (!queries.length) return [];
    const params: Record<string, string> = {};
    const matches = queries.map((q, i) => {
      params[`tsq${i}`] = q.tsquery;
      if (q.lang) params[`lang${i}`] = q.lang;
      return q.lang ? `(a.lang = :lang${i} AND a.search_vector @@ CAST(:tsq${i} AS tsquery))` : `a.search_vector @@ CAST(:tsq${i} AS tsquery)`;
    });
    const qb = this.articles
      .createQueryBuilder('a')
      // One row of `id rev` pairs rather than a row per candidate: a common question has hundreds.
      .select(`string_agg(a.id || ' ' || a.xmin, ',')`, 'refs')
      .where(`(${matches.join(' OR ')})`, params)
      .andWhere(`a.status = 'published'`);
    scope.applyWithGlobal(qb, 'a.storeId');
    if (storeId) qb.andWhere('(a.storeId IS NULL OR a.storeId = :storeId)', { storeId }).andWhere(NOT_OVERRIDDEN);
    const { refs } = (await qb.getRawOne<{ refs: string | null }>())!;
    return this.ranked.get(refs ? refs.split(',').map(candidateRef) : []);
  }
}

/**
 * A store's own article ranks above a global one, and one in the language asked for above one in the
 * other, when they answer about as well: the other counts for a little less (`SEARCH_TUNING`).
 */
const preference = (article: KbSearchHit['article'], opts: Omit<FindOptions, 'limit'>) =>
  (opts.storeId && !article.storeId ? SEARCH_TUNING.globalFactor : 1) * (opts.lang && article.lang !== opts.lang ? SEARCH_TUNING.otherLanguageFactor : 1);
