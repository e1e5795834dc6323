import { RE2JS } from 're2js';
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
  regex: RE2JS | null;
  exceptions: string[];
}

/** RE2 syntax, linear-time matching: a rule's pattern cannot hang the desk whatever it is. */
export function compilePattern(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

/** Why a pattern is refused, or null. */
export function patternError(pattern: string): string | null {
  try {
    const re = compilePattern(pattern);
    if (re.matches('')) return 'must not match an empty text';
    return null;
  } catch (err) {
    return `is not a valid pattern (RE2 syntax): ${(err as Error).message}`.slice(0, 200);
  }
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
  /** First unit of a term (matching form) → the terms starting with it. */
  private readonly termIndex = new Map<string, { term: string; rule: number; ascii: boolean }[]>();

  constructor(rules: readonly RuleDef[]) {
    this.compiled = rules.map((rule, i) => {
      let regex: RE2JS | null = null;
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
      return { rule, regex, exceptions: (rule.exceptions ?? []).map(looseForm).filter(Boolean) };
    });
  }

  get size(): number {
    return this.compiled.length;
  }

  /** Whether a personal-data rule applies here (then the caller looks up the store's other customers). */
  needsPersonalData(ctx: CheckContext): boolean {
    return this.compiled.some((c) => c.rule.kind === 'personal_data' && applies(c.rule, ctx));
  }

  evaluate(t: GuardText, ctx: CheckContext, personal: readonly PersonalDataHit[] = []): GuardViolation[] {
    const on = this.compiled.map((c) => applies(c.rule, ctx));
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
    this.compiled.forEach((c, i) => {
      if (!on[i]) return;
      if (c.rule.kind === 'pattern' && c.regex) {
        const m = c.regex.matcher(t.norm);
        while (m.find()) {
          if (m.end() > m.start()) {
            const span = normSpan(t, m.start(), m.end());
            push(c, span.start, span.end);
          }
          if (out.length > 500) break;
        }
      } else if (c.rule.kind === 'contact') {
        contacts ??= findContacts(t, ctx.allowedHosts, ctx.ownPhones);
        for (const h of contacts) push(c, h.start, h.end);
      } else if (c.rule.kind === 'personal_data') {
        for (const h of personal) push(c, h.start, h.end);
      }
    });

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
