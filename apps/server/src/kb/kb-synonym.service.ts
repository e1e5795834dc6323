import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { CreateKbSynonymGroupInput, KbSynonymGroup, Page } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { toKbSynonymGroupDto } from './kb.dto.js';
import { KbLexicon } from './kb-lexicon.service.js';
import type { SynonymTable } from './kb-query.js';
import { KbSynonymGroupEntity } from './kb-synonym-group.entity.js';
import { queryWords } from './kb-tokenizer.js';

/** How long a process uses its synonym table before reloading it (another process may have changed the groups). */
const TABLE_TTL_MS = 30_000;

@Injectable()
export class KbSynonymService {
  private cached: { table: Promise<SynonymTable>; at: number } | null = null;

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
      if (!group) throw new NotFoundException('Synonym group not found');
      await m.getRepository(KbSynonymGroupEntity).delete({ id });
      await this.audit.record({ actorId: caller.user.id, action: 'kb.synonyms.deleted', targetType: 'kb_synonym_group', targetId: id, details: { terms: group.terms } }, m);
    });
    this.cached = null;
  }

  /** The groups by the lexemes of each term, with how many articles contain each term (for query weights). */
  table(): Promise<SynonymTable> {
    if (!this.cached || Date.now() - this.cached.at > TABLE_TTL_MS) {
      const table = this.load();
      this.cached = { table, at: Date.now() };
      table.catch(() => (this.cached = null));
    }
    return this.cached.table;
  }

  private async load(): Promise<SynonymTable> {
    const groups = await this.groups.find();
    const termWords = new Map(groups.flatMap((g) => g.terms).map((t) => [t, queryWords(t).map((w) => w.text)]));
    const { tokens } = await this.lexicon.resolve([...new Set([...termWords.values()].flat())]);
    const table: SynonymTable = { byLexemes: new Map(), byWords: new Map(), longest: 1 };
    for (const g of groups) {
      const terms = g.terms
        .map((term) => {
          const words = termWords.get(term)!;
          const lexemes = words.flatMap((w) => tokens.get(w)?.lexemes ?? []);
          const complete = words.every((w) => tokens.get(w)?.lexemes.length);
          return { words, term: { lexemes, complete, df: complete ? Math.min(...words.map((w) => tokens.get(w)!.df)) : 0 } };
        })
        .filter((t) => t.term.lexemes.length > 0);
      if (terms.filter((t) => t.term.complete).length < 1 || terms.length < 2) continue;
      const group = terms.map((t) => t.term);
      for (const { words, term } of terms) {
        const [index, k] = term.complete ? [table.byLexemes, term.lexemes.join(' ')] : [table.byWords, words.join(' ')];
        index.set(k, [...(index.get(k) ?? []), group]);
        table.longest = Math.max(table.longest, words.length);
      }
    }
    return table;
  }
}
