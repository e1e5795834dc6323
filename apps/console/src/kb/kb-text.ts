// Pure text helpers of the knowledge base in the composer: the `/` quick-reply trigger, inserting
// at the caret, filling and finding `{variable}` placeholders.
import { KB_VARIABLES, type KbVariable, type QuickReply } from '@kefu/contracts';

/** A `/word` being typed: where the slash is and what follows it (lower-cased). */
export interface SlashTrigger {
  /** Index of the `/` in the text. */
  start: number;
  /** Index just after what was typed (the caret). */
  end: number;
  query: string;
}

const SLASH = /(?:^|\s)\/([\p{L}\p{N}_-]{0,32})$/u;

/**
 * The quick-reply trigger at the caret: a `/` at the start of the text or after whitespace,
 * followed only by shortcut characters up to the caret. null when the caret is elsewhere.
 */
export function slashTrigger(text: string, caret: number): SlashTrigger | null {
  if (caret < 0 || caret > text.length) return null;
  const before = text.slice(0, caret);
  const m = SLASH.exec(before);
  if (!m) return null;
  const query = m[1];
  const start = caret - query.length - 1;
  return { start, end: caret, query: query.toLowerCase() };
}

/** The text with `[start, end)` replaced by `insert`, and where the caret goes (after the insert). */
export function replaceRange(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { text: text.slice(0, s) + insert + text.slice(e), caret: s + insert.length };
}

/**
 * Inserts a snippet at the caret (or over the selection). A blank draft is replaced. Text around
 * it is kept apart with a space (or a line break if the snippet has several lines).
 */
export function insertAtCaret(text: string, selStart: number, selEnd: number, snippet: string): { text: string; caret: number } {
  if (!text.trim()) return { text: snippet, caret: snippet.length };
  const s = Math.max(0, Math.min(selStart, text.length));
  const e = Math.max(s, Math.min(selEnd, text.length));
  const before = text.slice(0, s);
  const after = text.slice(e);
  const sep = snippet.includes('\n') ? '\n' : ' ';
  const lead = before && !/\s$/.test(before) ? sep : '';
  const trail = after && !/^\s/.test(after) ? sep : '';
  const inserted = lead + snippet + trail;
  return { text: before + inserted + after, caret: before.length + lead.length + snippet.length };
}

const PLACEHOLDER = new RegExp(`\\{(${KB_VARIABLES.join('|')})\\}`, 'g');

/** The variables still written as `{placeholder}` in a text, once each, in order of appearance. */
export function findPlaceholders(text: string): { name: KbVariable; start: number; end: number }[] {
  const seen = new Set<string>();
  const found: { name: KbVariable; start: number; end: number }[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (seen.has(m[1])) continue;
    seen.add(m[1]);
    found.push({ name: m[1] as KbVariable, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Fills the variables known for the conversation; unknown ones stay as their placeholder. */
export function fillVariables(text: string, values: Partial<Record<KbVariable, string | null | undefined>>): string {
  return text.replace(PLACEHOLDER, (whole, name: KbVariable) => {
    const value = values[name]?.trim();
    return value ? value : whole;
  });
}

/**
 * Quick replies matching what follows the `/`: shortcuts starting with it first, then those whose
 * shortcut or title contains it; the conversation's language (or any language) only.
 */
export function filterQuickReplies(replies: QuickReply[], query: string, lang: string | null, limit = 8): QuickReply[] {
  const q = query.trim().toLowerCase();
  const usable = replies.filter((r) => !lang || !r.lang || r.lang === lang);
  const rank = (r: QuickReply): number => {
    if (!q) return r.storeId ? 0 : 1;
    if (r.shortcut.startsWith(q)) return r.shortcut === q ? 0 : 1;
    if (r.shortcut.includes(q)) return 2;
    if (r.title.toLowerCase().includes(q)) return 3;
    return -1;
  };
  return usable
    .map((r) => ({ r, rank: rank(r) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.r.shortcut.localeCompare(b.r.shortcut))
    .slice(0, limit)
    .map((x) => x.r);
}

/** Alt+1…Alt+9 (by physical key, so the Mac's Option characters do not matter): the 0-based slot, or null. */
export function altDigitSlot(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; code?: string; key: string }): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code ?? '') ?? /^([1-9])$/.exec(e.key);
  return m ? Number(m[1]) - 1 : null;
}
