import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ResolvedToken } from './kb-query.js';

/**
 * Document frequencies change slowly and only scale weights (lexemes never change): a word's
 * resolution and the article count are reused for this long, saving a round trip per search.
 */
const TTL_MS = 30_000;
const CACHE_LIMIT = 50_000;
/** An English word worth correcting (shorter ones are too close to other words). */
const CORRECTABLE = /^[a-z]{5,}$/;

/**
 * Words as the index knows them: each word's lexemes (PostgreSQL's `english` configuration, which
 * stems English and leaves Chinese words as they are), how many published articles contain them
 * (`kb_terms`, kept by triggers), and for an unknown English word the closest index terms by
 * trigrams (pg_trgm, GiST nearest-neighbour), from which a typo is corrected.
 */
@Injectable()
export class KbLexicon {
  private docs: { count: Promise<number>; at: number } | null = null;
  private cache = new Map<string, { token: ResolvedToken; at: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `near: false`: no typo neighbours for unknown words (terms of the lexicon, not a customer's typing). */
  async resolve(tokens: string[], { near = true } = {}): Promise<{ tokens: Map<string, ResolvedToken>; docs: number }> {
    const now = Date.now();
    const resolved = new Map<string, ResolvedToken>();
    for (const t of tokens) {
      const hit = this.cache.get(t);
      if (hit && now - hit.at < TTL_MS) resolved.set(t, hit.token);
    }
    const missing = tokens.filter((t) => !resolved.has(t));
    const [fresh, docs] = await Promise.all([this.lookup(missing, near), this.articleCount()]);
    if (this.cache.size + fresh.size > CACHE_LIMIT) this.cache.clear();
    for (const [t, token] of fresh) {
      resolved.set(t, token);
      this.cache.set(t, { token, at: now });
    }
    return { tokens: resolved, docs };
  }

  private async lookup(tokens: string[], withNear: boolean): Promise<Map<string, ResolvedToken>> {
    if (!tokens.length) return new Map();
    const rows: { tok: string; lexemes: string[]; df: number }[] = await this.db.query(
      `SELECT u.tok, l.lexemes, COALESCE(k.df, 0)::int AS df
       FROM unnest($1::text[]) AS u(tok)
       CROSS JOIN LATERAL (SELECT tsvector_to_array(to_tsvector('english', u.tok)) AS lexemes) l
       LEFT JOIN LATERAL (SELECT CASE WHEN count(*) = cardinality(l.lexemes) THEN min(k.df) END AS df FROM kb_terms k WHERE k.term = ANY(l.lexemes)) k ON true`,
      [tokens],
    );
    const resolved = new Map<string, ResolvedToken>(rows.map((r) => [r.tok, { lexemes: r.lexemes, df: r.df }]));
    const unknown = [...new Set(rows.filter((r) => withNear && r.df === 0 && r.lexemes.length === 1 && CORRECTABLE.test(r.lexemes[0])).map((r) => r.lexemes[0]))];
    if (unknown.length) {
      const near: { lexeme: string; near: { term: string; df: number }[] | null }[] = await this.db.query(
        `SELECT u.lexeme, (SELECT json_agg(json_build_object('term', n.term, 'df', n.df))
                           FROM (SELECT k.term, k.df FROM kb_terms k WHERE k.term <> '' ORDER BY k.term <-> u.lexeme LIMIT 8) n) AS near
         FROM unnest($1::text[]) AS u(lexeme)`,
        [unknown],
      );
      const byLexeme = new Map(near.map((n) => [n.lexeme, n.near]));
      for (const r of resolved.values()) if (r.df === 0 && r.lexemes.length === 1) r.near = byLexeme.get(r.lexemes[0]) ?? null;
    }
    return resolved;
  }

  private articleCount(): Promise<number> {
    if (!this.docs || Date.now() - this.docs.at > TTL_MS) {
      const count = this.db
        .query(`SELECT COALESCE((SELECT df FROM kb_terms WHERE term = ''), 0)::int AS n`)
        .then((r: { n: number }[]) => r[0].n);
      this.docs = { count, at: Date.now() };
      count.catch(() => (this.docs = null));
    }
    return this.docs.count;
  }
}
