import type { GuardViolation, GuardWarning } from '@kefu/contracts';

export interface Segment {
  text: string;
  /** The strictest action of the violations covering this piece, if any. */
  action: 'block' | 'warn' | null;
}

/** The text cut where violations start and end, each piece marked with the strictest action covering it. */
export function segments(text: string, violations: readonly GuardViolation[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const v of violations) {
    if (v.start < 0 || v.end > text.length || v.end <= v.start) continue;
    cuts.add(v.start);
    cuts.add(v.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = violations.filter((v) => v.start <= a && v.end >= b);
    const action = covering.some((v) => v.action === 'block') ? 'block' : covering.length ? 'warn' : null;
    const piece = text.slice(a, b);
    const last = out[out.length - 1];
    if (last && last.action === action) last.text += piece;
    else out.push({ text: piece, action });
  }
  return out;
}

/** One line per rule: its reason in the agent's language, and what matched. */
export function reasons(violations: readonly GuardViolation[], lang: string): { ruleId: string; action: 'block' | 'warn'; reason: string; matches: string[] }[] {
  const byRule = new Map<string, { ruleId: string; action: 'block' | 'warn'; reason: string; matches: string[] }>();
  for (const v of violations) {
    const entry = byRule.get(v.ruleId) ?? { ruleId: v.ruleId, action: v.action, reason: lang.startsWith('zh') ? v.message.zh : v.message.en, matches: [] };
    if (!entry.matches.includes(v.match)) entry.matches.push(v.match);
    byRule.set(v.ruleId, entry);
  }
  return [...byRule.values()].sort((a, b) => (a.action === b.action ? 0 : a.action === 'block' ? -1 : 1));
}

/** The rules a saved text breaks, per field in the order the fields first break one, each field's reasons as `reasons` gives them. */
export function reasonsByField(warnings: readonly GuardWarning[], lang: string): { field: string; reasons: ReturnType<typeof reasons> }[] {
  const fields = [...new Set(warnings.map((w) => w.field))];
  return fields.map((field) => ({ field, reasons: reasons(warnings.filter((w) => w.field === field), lang) }));
}
