// The desk's concept lexicon (apps/server/corpus/kb/lexicon*.txt): e-commerce service concepts with
// their Chinese and English terms, colloquial phrasings and the category of each product. Pure: the
// files are parsed here; KbSynonymService resolves the terms against the index.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/server/corpus/kb, from src/kb or dist/kb alike: its lexicon*.txt files make the lexicon. */
export const LEXICON_DIR = fileURLToPath(new URL('../../corpus/kb/', import.meta.url));
/** The main lexicon file, read before the others. */
export const LEXICON_PATH = join(LEXICON_DIR, 'lexicon.txt');

/** One lexicon file's text, named in errors. */
export interface LexiconSource {
  name: string;
  text: string;
}

export interface LexiconTerm {
  text: string;
  /** Recognised in questions only (a colloquial phrasing): articles are not searched for it. */
  queryOnly: boolean;
}

export interface LexiconConcept {
  id: string;
  /** The categories this concept belongs to (a product's), by id. */
  broader: string[];
  /** A detail (a city, a day, a word for "the item"): it weighs little in a question. */
  minor: boolean;
  /** Goods (a product or a category, or under one): sharing only goods with a question answers nothing it asks. */
  product: boolean;
  terms: LexiconTerm[];
}

const LINE = /^([a-z0-9_]+)(?:\s*\((detail|product)\))?\s*(?:>\s*([a-z0-9_,\s]+?))?\s*:\s*(.*?)\s*(?:\|\s*(.*))?$/;

const term = (raw: string): LexiconTerm => (raw.startsWith('~') ? { text: raw.slice(1).trim(), queryOnly: true } : { text: raw.trim(), queryOnly: false });

/**
 * Parses the lexicon, one text or several files as one (a broader concept may be another file's); a line
 * that does not read, a concept defined twice or a broader concept that does not exist is an error naming it.
 */
export function parseLexicon(input: string | LexiconSource[]): LexiconConcept[] {
  const sources = typeof input === 'string' ? [{ name: 'lexicon', text: input }] : input;
  const concepts: LexiconConcept[] = [];
  const origin = new Map<string, string>();
  for (const { name, text } of sources) {
    text.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const m = LINE.exec(line);
      if (!m) throw new Error(`${name} line ${i + 1}: expected "id [> broader] : 中文 … | english, …"`);
      const [, id, kind, broader, zh, en] = m;
      const terms = [...zh.split(/\s+/), ...(en ?? '').split(',')].map((t) => t.trim().toLowerCase()).filter(Boolean).map(term).filter((t) => t.text);
      if (!terms.length) throw new Error(`${name} line ${i + 1}: ${id} has no terms`);
      const first = origin.get(id);
      if (first) throw new Error(`lexicon: ${id} is defined twice (${first === name ? name : `${first}, ${name}`})`);
      origin.set(id, name);
      concepts.push({ id, minor: kind === 'detail', product: kind === 'product', broader: (broader ?? '').split(',').map((b) => b.trim()).filter(Boolean), terms });
    });
  }
  const ids = new Set(origin.keys());
  for (const c of concepts) for (const b of c.broader) if (!ids.has(b)) throw new Error(`lexicon: ${c.id} names an unknown broader concept ${b}`);
  // Under goods is goods.
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const isProduct = (c: LexiconConcept, seen = new Set<string>()): boolean =>
    c.product || c.broader.some((b) => !seen.has(b) && (seen.add(b), isProduct(byId.get(b)!, seen)));
  for (const c of concepts) c.product = isProduct(c);
  return concepts;
}

/** The lexicon files of a folder: lexicon.txt first, then the other lexicon*.txt sorted. */
export function lexiconFiles(dir = LEXICON_DIR): string[] {
  const names = readdirSync(dir).filter((n) => /^lexicon.*\.txt$/.test(n) && n !== 'lexicon.txt').sort();
  return ['lexicon.txt', ...names].map((n) => join(dir, n));
}

/** The lexicon of a folder's files, parsed as one. */
export const loadLexicon = (dir = LEXICON_DIR): LexiconConcept[] =>
  parseLexicon(lexiconFiles(dir).map((path) => ({ name: basename(path), text: readFileSync(path, 'utf8') })));

let shipped: LexiconConcept[] | undefined;
/** The lexicon shipped with the desk, parsed once. */
export const shippedLexicon = () => (shipped ??= loadLexicon());
