// Whether a platform's response metric counts a wait, and when its nudges fall (wall time, not business time:
// the platforms score every second of their window).
import { DateTime } from 'luxon';
import type { ResponseExemptions, ResponseRule } from '@kefu/contracts';

/** Whether a wait starting at `at` falls in the rule's window (the store's local time; `start` after `end` spans midnight). */
export function inResponseWindow(rule: Pick<ResponseRule, 'window'>, timezone: string, at: Date): boolean {
  if (!rule.window) return true;
  const local = DateTime.fromJSDate(at, { zone: timezone }).toFormat('HH:mm');
  const { start, end } = rule.window;
  return start < end ? local >= start && local < end : local >= start || local < end;
}

/** Whether `at` falls on a day the store marked as exempt from the metric. */
export function isExempt(exemptions: ResponseExemptions, timezone: string, at: Date): boolean {
  if (exemptions.length === 0) return false;
  const day = DateTime.fromJSDate(at, { zone: timezone }).toISODate()!;
  return exemptions.some((e) => e.start <= day && day <= e.end);
}

/** What a response clock starting at `at` carries of the rule: the seconds it counts against (null: not counted) and its nudges. */
export function waitPlan(rule: ResponseRule, exemptions: ResponseExemptions, timezone: string, at: Date): { ruleSeconds: number | null; nudgeSeconds: number[]; nudgeAt: Date | null } {
  if (!inResponseWindow(rule, timezone, at) || isExempt(exemptions, timezone, at)) return { ruleSeconds: null, nudgeSeconds: [], nudgeAt: null };
  const nudgeSeconds = rule.nudgeSeconds;
  return { ruleSeconds: rule.seconds, nudgeSeconds, nudgeAt: nudgeSeconds.length ? new Date(at.getTime() + nudgeSeconds[0] * 1000) : null };
}
