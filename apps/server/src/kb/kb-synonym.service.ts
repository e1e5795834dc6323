import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { CreateKbSynonymGroupInput, KbSynonymGroup, Page } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { toKbSynonymGroupDto } from './kb.dto.js';
import { KbLexicon } from './kb-lexicon.service.js';
import { shippedLexicon } from './kb-concepts.js';
import type { ConceptGroup, SynonymTable, SynonymTerm } from './kb-query.js';
import { SoundTrie } from './kb-soundalike.js';
import { KbSynonymGroupEntity } from './kb-synonym-group.entity.js';
import { normalizeText, termWords as wordsOfTerm } from './kb-tokenizer.js';
import { notFound } from '../errors/desk-error.js';

const HAN = /\p{Script=Han}/u;

/** How long a process uses its synonym table before reloading it (another process may have changed the groups). */
const TABLE_TTL_MS = 30_000;

@Injectable()
export class KbSynonymService {
  private cached: { table: Promise<SynonymTable>; at: number; reloading?: boolean } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(KbSynonymGroupEntity) private readonly groups: Repository<KbSynonymGroupEntity>,
    private readonly lexicon: KbLexicon,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<Page<KbSynonymGroup>> {
    const rows = await this.groups.find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return { items: rows.map(toKbSynonymGroupDto), total: rows.length, nextCursor: null };
  }

  async create(caller: Caller, input: CreateKbSynonymGroupInput): Promise<KbSynonymGroup> {
    const group = await this.db.transaction(async (m) => {
      const saved = await m.getRepository(KbSynonymGroupEntity).save({ terms: input.terms, createdById: caller.user.id });
      await this.audit.record({ actorId: caller.user.id, action: 'kb.synonyms.created', targetType: 'kb_synonym_group', targetId: saved.id, details: { terms: saved.terms } }, m);
      return saved;
    });
    this.cached = null;
    return toKbSynonymGroupDto(group);
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const group = await m.getRepository(KbSynonymGroupEntity).findOneBy({ id });
      if (!group) throw notFound('Synonym group');
      await m.getRepository(KbSynonymGroupEntity).delete({ id });
      await this.audit.record({ actorId: caller.user.id, action: 'kb.synonyms.deleted', targetType: 'kb_synonym_group', targetId: id, details: { terms: group.terms } }, m);
    });
    this.cached = null;
  }

  /**
   * The concepts (the shipped lexicon and the admins' synonym groups) by each of their terms, with how
   * many articles contain each term (for query weights). Past its age the table is still answered
   * while a fresh one loads, so no search waits for the reload.
   */
  table(): Promise<SynonymTable> {
    const c = this.cached;
    if (!c) return this.reload();
    if (Date.now() - c.at > TABLE_TTL_MS && !c.reloading) {
      c.reloading = true;
      const next = this.load();
      next.then(
        () => (this.cached = { table: next, at: Date.now() }),
        () => (c.reloading = false),
      );
    }
    return c.table;
  }

  private reload(): Promise<SynonymTable> {
    const table = this.load();
    this.cached = { table, at: Date.now() };
    table.catch(() => (this.cached = null));
    return table;
  }

  private async load(): Promise<SynonymTable> {
    const admins = await this.groups.find();
    const lexicon = shippedLexicon();
    const all = [...admins.flatMap((g) => g.terms), ...lexicon.flatMap((c) => c.terms.map((t) => t.text))];
    const termWords = new Map(all.map((t) => [t, wordsOfTerm(t)]));
    const { tokens } = await this.lexicon.resolve([...new Set([...termWords.values()].flat())], { near: false });
    const table: SynonymTable = { byLexemes: new Map(), byWords: new Map(), phrases: new Map(), longest: 1, longestPhrase: 0, sounds: new SoundTrie(), colloquial: new Set() };
    const written = new Set<string>();
    const resolve = (text: string) => {
      const words = termWords.get(text)!;
      const lexemes = words.flatMap((w) => tokens.get(w)?.lexemes ?? []);
      const complete = words.length > 0 && words.every((w) => tokens.get(w)?.lexemes.length);
      return { words, term: { lexemes, complete, df: complete ? Math.min(...words.map((w) => tokens.get(w)!.df)) : 0 } as SynonymTerm };
    };
    /** A term of the lexicon in Chinese is a phrase only: found in the question's text, whatever jieba made of it. */
    const index = (text: string, group: ConceptGroup, colloquial = false) => {
      const { words, term } = resolve(text);
      const push = (map: Map<string, ConceptGroup[]>, k: string) => {
        const list = map.get(k) ?? [];
        if (!list.includes(group)) map.set(k, [...list, group]);
      };
      const phrase = normalizeText(text);
      if (HAN.test(phrase) && phrase.length >= 2) {
        // A typo is read as a term by its sound; not as a colloquial phrasing (mostly filler, which sounds like too much) or a detail.
        if (!colloquial && !group.minor && !table.phrases.has(phrase)) table.sounds.add(phrase, phrase);
        (colloquial ? table.colloquial : written).add(phrase);
        push(table.phrases, phrase);
        table.longestPhrase = Math.max(table.longestPhrase, phrase.length);
        if (group.lexicon) return;
      }
      if (!term.lexemes.length) return;
      if (term.complete) push(table.byLexemes, term.lexemes.join(' '));
      else push(table.byWords, words.join(' '));
      table.longest = Math.max(table.longest, words.length);
    };

    for (const g of admins) {
      const terms = g.terms.map((t) => resolve(t).term).filter((t) => t.lexemes.length > 0);
      if (terms.filter((t) => t.complete).length < 1 || terms.length < 2) continue;
      const group: ConceptGroup = { terms, broader: [] };
      for (const t of g.terms) index(t, group);
    }
    const byId = new Map<string, ConceptGroup>();
    for (const c of lexicon) {
      // Colloquial phrasings (query only) lead to the concept but are not looked for in articles.
      const terms = c.terms.filter((t) => !t.queryOnly).map((t) => resolve(t.text).term).filter((t) => t.lexemes.length > 0 && t.complete);
      const group: ConceptGroup = { terms, broader: [], minor: c.minor, product: c.product, lexicon: true };
      byId.set(c.id, group);
      for (const t of c.terms) index(t.text, group, t.queryOnly);
    }
    for (const c of lexicon) byId.get(c.id)!.broader = c.broader.map((b) => byId.get(b)!);
    for (const phrase of written) table.colloquial.delete(phrase);
    return table;
  }
}
