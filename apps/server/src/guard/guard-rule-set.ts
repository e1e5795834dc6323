import re2 from 're2-wasm';
import type { GuardAction, GuardMessage, GuardRuleKind, GuardRuleStatus, GuardViolation, Platform } from '@kefu/contracts';
import { findContacts } from './contact-detector.js';
import { type GuardText, isAsciiWord, isWholeWord, looseForm, looseSpan, normSpan } from './guard-text.js';
import type { PersonalDataHit } from './personal-data-detector.js';

/** What the engine needs of a rule. */
export interface RuleDef {
  id: string;
  storeId: string | null;
  platform: Platform | null;
  category: string | null;
  kind: GuardRuleKind;
  terms?: string[] | null;
  exceptions?: string[] | null;
  pattern?: string | null;
  action: GuardAction;
  message: GuardMessage;
  effectiveAt: Date;
  status: GuardRuleStatus;
}

/** Where a reply is written: the store's platform and categories pick the rules that apply. */
export interface CheckContext {
  storeId: string;
  platform: Platform;
  categories: readonly string[];
  now: Date;
  /** Domains of the store's platform (links elsewhere are off-platform); null: any link is fine. */
  allowedHosts: readonly string[] | null;
  /** The conversation's customer's own phone digits: repeating them is no off-platform contact. */
  ownPhones?: readonly string[];
}

interface Compiled {
  rule: RuleDef;
  regex: Re2 | null;
  exceptions: string[];
}

const { RE2 } = re2;
type Re2 = InstanceType<typeof RE2>;

/** RE2 syntax, linear-time matching (Google's RE2 as WebAssembly): a rule's pattern cannot hang the desk whatever it is. */
export function compilePattern(pattern: string, flags = 'giu'): Re2 {
  return new RE2(pattern, flags);
}

/** Why a pattern is refused, or null. */
export function patternError(pattern: string): string | null {
  try {
    if (compilePattern(pattern, 'iu').test('')) return 'must not match an empty text';
    return null;
  } catch (err) {
    return `is not a valid pattern (RE2 syntax): ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`.slice(0, 200);
  }
}

/** RE2 counts code points; the desk's offsets are UTF-16 units. */
function unitIndex(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const units: number[] = [];
  let u = 0;
  for (const ch of text) {
    units.push(u);
    u += ch.length;
  }
  units.push(u);
  return (cp) => units[cp];
}

const applies = (r: RuleDef, ctx: CheckContext) =>
  r.status !== 'disabled' &&
  r.effectiveAt.getTime() <= ctx.now.getTime() &&
  (r.storeId === null || r.storeId === ctx.storeId) &&
  (r.platform === null || r.platform === ctx.platform) &&
  (r.category === null || ctx.categories.includes(r.category));

/**
 * Every rule of the desk, compiled once: terms in one index by first character, patterns compiled,
 * so a check is a single pass over the text per kind of rule. Rules not yet in force (`effectiveAt`
 * ahead) are compiled too and apply from their instant, whoever noticed first.
 */
export class GuardRuleSet {
  private readonly compiled: Compiled[];
  /** Every pattern in one alternation: a text none of them matches (most replies) costs one pass. */
  private readonly anyPattern: Re2 | null = null;
  /** Rules that are not term lists (patterns, detectors): visited one by one. */
  private readonly others: number[] = [];
  /** Which rules apply where, per store and categories, until the next rule's instant comes. */
  private readonly applicable = new Map<string, { on: Uint8Array; from: number; until: number }>();
  private readonly instants: number[];
  /** First unit of a term (matching form) → the terms starting with it. */
  private readonly termIndex = new Map<string, { term: string; rule: number; ascii: boolean }[]>();

  constructor(rules: readonly RuleDef[]) {
    this.compiled = rules.map((rule, i) => {
      let regex: Re2 | null = null;
      if (rule.kind === 'pattern' && rule.pattern) {
        try {
          regex = compilePattern(rule.pattern);
        } catch {
          regex = null; // refused when saved; a stored bad one is skipped rather than stopping every check
        }
      }
      if (rule.kind === 'term')
        for (const term of new Set((rule.terms ?? []).map(looseForm))) {
          if (!term) continue;
          const list = this.termIndex.get(term[0]) ?? [];
          list.push({ term, rule: i, ascii: isAsciiWord(term) });
          this.termIndex.set(term[0], list);
        }
      if (rule.kind !== 'term') this.others.push(i);
      return { rule, regex, exceptions: (rule.exceptions ?? []).map(looseForm).filter(Boolean) };
    });
    this.instants = [...new Set(rules.map((r) => r.effectiveAt.getTime()))].sort((a, b) => a - b);
    const patterns = this.compiled.filter((c) => c.regex).map((c) => `(?:${c.rule.pattern})`);
    if (patterns.length > 1)
      try {
        this.anyPattern = compilePattern(patterns.join('|'), 'iu');
      } catch {
        this.anyPattern = null; // e.g. two patterns naming the same group: each runs on its own
      }
  }

  get size(): number {
    return this.compiled.length;
  }

  /** Whether a personal-data rule applies here (then the caller looks up the store's other customers). */
  needsPersonalData(ctx: CheckContext): boolean {
    return this.compiled.some((c) => c.rule.kind === 'personal_data' && applies(c.rule, ctx));
  }

  private applying(ctx: CheckContext): Uint8Array {
    const now = ctx.now.getTime();
    const key = `${ctx.storeId}|${ctx.platform}|${ctx.categories.join(',')}`;
    const hit = this.applicable.get(key);
    if (hit && hit.from <= now && now < hit.until) return hit.on;
    const on = Uint8Array.from(this.compiled, (c) => (applies(c.rule, ctx) ? 1 : 0));
    const next = this.instants.find((at) => at > now) ?? Number.MAX_SAFE_INTEGER;
    if (this.applicable.size > 10_000) this.applicable.clear();
    this.applicable.set(key, { on, from: now, until: next });
    return on;
  }

  evaluate(t: GuardText, ctx: CheckContext, personal: readonly PersonalDataHit[] = []): GuardViolation[] {
    const on = this.applying(ctx);
    const out: GuardViolation[] = [];
    const push = (c: Compiled, start: number, end: number) =>
      out.push({ ruleId: c.rule.id, kind: c.rule.kind, action: c.rule.action, start, end, match: t.original.slice(start, end), message: c.rule.message });

    // Terms: one pass over the loose text.
    const loose = t.loose;
    for (let i = 0; i < loose.length; i++) {
      const candidates = this.termIndex.get(loose[i]);
      if (!candidates) continue;
      for (const { term, rule, ascii } of candidates) {
        if (!on[rule] || !loose.startsWith(term, i)) continue;
        const end = i + term.length;
        if (ascii && !isWholeWord(t, i, end)) continue;
        if (this.excepted(this.compiled[rule], i, end, loose)) continue;
        const span = looseSpan(t, i, end);
        push(this.compiled[rule], span.start, span.end);
      }
    }

    let contacts: ReturnType<typeof findContacts> | null = null;
    const patternsMayMatch = this.anyPattern ? this.anyPattern.test(t.norm) : true;
    let unit: ((cp: number) => number) | null = null;
    for (const i of this.others) {
      const c = this.compiled[i];
      if (!on[i]) continue;
      if (c.rule.kind === 'pattern' && c.regex) {
        if (!patternsMayMatch) continue;
        unit ??= unitIndex(t.norm);
        const re = c.regex;
        re.lastIndex = 0;
        for (let m = re.exec(t.norm); m; m = re.exec(t.norm)) {
          const from = unit(m.index);
          const to = unit(m.index + [...m[0]!].length);
          if (to > from) {
            const span = normSpan(t, from, to);
            push(c, span.start, span.end);
          } else re.lastIndex++;
          if (out.length > 500) break;
        }
      } else if (c.rule.kind === 'contact') {
        contacts ??= findContacts(t, ctx.allowedHosts, ctx.ownPhones);
        for (const h of contacts) push(c, h.start, h.end);
      } else if (c.rule.kind === 'personal_data') {
        for (const h of personal) push(c, h.start, h.end);
      }
    }

    // One violation per rule and place.
    const seen = new Set<string>();
    return out
      .filter((v) => {
        const key = `${v.ruleId}:${v.start}:${v.end}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Whether a match lies inside one of its rule's exceptions ("第一" in "第一次"). */
  private excepted(c: Compiled, from: number, to: number, loose: string): boolean {
    for (const e of c.exceptions) {
      for (let at = loose.indexOf(e, Math.max(0, to - e.length)); at >= 0 && at <= from; at = loose.indexOf(e, at + 1)) {
        if (at + e.length >= to) return true;
      }
    }
    return false;
  }
}

/** The decision on a reply: refused if any block rule is broken, confirmation needed if only warn rules are. */
export function verdict(violations: readonly GuardViolation[]): 'ok' | 'blocked' | 'confirm' {
  if (violations.some((v) => v.action === 'block')) return 'blocked';
  return violations.length ? 'confirm' : 'ok';
}
