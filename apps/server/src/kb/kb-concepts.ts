// The desk's concept lexicon (apps/server/corpus/kb/lexicon.txt): e-commerce service concepts with
// their Chinese and English terms, colloquial phrasings and the category of each product. Pure: the
// file is parsed here; KbSynonymService resolves the terms against the index.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** apps/server/corpus/kb/lexicon.txt, from src/kb or dist/kb alike. */
export const LEXICON_PATH = fileURLToPath(new URL('../../corpus/kb/lexicon.txt', import.meta.url));

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

/** Parses the lexicon; a line that does not read, or a broader concept that does not exist, is an error naming the line. */
export function parseLexicon(text: string): LexiconConcept[] {
  const concepts: LexiconConcept[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = LINE.exec(line);
    if (!m) throw new Error(`lexicon line ${i + 1}: expected "id [> broader] : 中文 … | english, …"`);
    const [, id, kind, broader, zh, en] = m;
    const terms = [...zh.split(/\s+/), ...(en ?? '').split(',')].map((t) => t.trim().toLowerCase()).filter(Boolean).map(term).filter((t) => t.text);
    if (!terms.length) throw new Error(`lexicon line ${i + 1}: ${id} has no terms`);
    concepts.push({ id, minor: kind === 'detail', product: kind === 'product', broader: (broader ?? '').split(',').map((b) => b.trim()).filter(Boolean), terms });
  });
  const ids = new Set<string>();
  for (const c of concepts) {
    if (ids.has(c.id)) throw new Error(`lexicon: ${c.id} is defined twice`);
    ids.add(c.id);
  }
  for (const c of concepts) for (const b of c.broader) if (!ids.has(b)) throw new Error(`lexicon: ${c.id} names an unknown broader concept ${b}`);
  // Under goods is goods.
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const isProduct = (c: LexiconConcept, seen = new Set<string>()): boolean =>
    c.product || c.broader.some((b) => !seen.has(b) && (seen.add(b), isProduct(byId.get(b)!, seen)));
  for (const c of concepts) c.product = isProduct(c);
  return concepts;
}

let shipped: LexiconConcept[] | undefined;
/** The lexicon shipped with the desk, parsed once. */
export const shippedLexicon = () => (shipped ??= parseLexicon(readFileSync(LEXICON_PATH, 'utf8')));
