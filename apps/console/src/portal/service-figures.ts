import type { TFunction } from 'i18next';
import { DEFAULT_SLA_POLICY, type ResponseRateItem } from '@kefu/contracts';
import { mondayOf, zonedDate, zonedMidnight } from '../analytics/period';

// The brand's service figures: the periods they are read over, the platform rate of several stores together, and
// where a response time stands against the agency's first-response promise.

/** Store-local today and this (ISO) week so far, as the API's `from` instants. */
export function responseWindows(now: number, timezone: string): { today: string; week: string } {
  const today = zonedDate(now, timezone);
  return { today: new Date(zonedMidnight(today, timezone)).toISOString(), week: new Date(zonedMidnight(mondayOf(today), timezone)).toISOString() };
}

export interface CombinedRate {
  eligible: number;
  met: number;
  pending: number;
  /** met / eligible; null when nothing was decided yet. */
  rate: number | null;
}

/** The platform response rate of several stores' groups together: waits counted, not rates averaged. */
export function combineRates(items: readonly Pick<ResponseRateItem, 'eligible' | 'met' | 'pending'>[]): CombinedRate {
  const eligible = items.reduce((n, i) => n + i.eligible, 0);
  const met = items.reduce((n, i) => n + i.met, 0);
  const pending = items.reduce((n, i) => n + i.pending, 0);
  return { eligible, met, pending, rate: eligible > 0 ? met / eligible : null };
}

/**
 * The first-response promise the figures are read against: the stores' own (their SLA policy), the one most of them
 * share when they differ (`uniform` false then), the desk's default (15 minutes) without stores.
 */
export function promiseOf(stores: readonly { slaPolicy: { firstResponseSeconds: number } }[]): { seconds: number; uniform: boolean } {
  if (stores.length === 0) return { seconds: DEFAULT_SLA_POLICY.firstResponseSeconds, uniform: true };
  const counts = new Map<number, number>();
  for (const s of stores) counts.set(s.slaPolicy.firstResponseSeconds, (counts.get(s.slaPolicy.firstResponseSeconds) ?? 0) + 1);
  let seconds = stores[0].slaPolicy.firstResponseSeconds;
  for (const [value, n] of counts) if (n > (counts.get(seconds) ?? 0) || (n === counts.get(seconds) && value < seconds)) seconds = value;
  return { seconds, uniform: counts.size === 1 };
}

/** The P50 and P90 labels under the scale: one "P50 · P90" where they would overlap. */
export function percentileLabels(scale: { p50: number | null; p90: number | null }): { text: string; at: number }[] {
  const { p50, p90 } = scale;
  if (p50 !== null && p90 !== null && p90 - p50 < 8) return [{ text: 'P50 · P90', at: p90 }];
  return [...(p50 === null ? [] : [{ text: 'P50', at: p50 }]), ...(p90 === null ? [] : [{ text: 'P90', at: p90 }])];
}

/** A promised limit as people say it: "15 min", "3 min", "30 s", "2 h" (a limit that is not whole minutes in seconds). */
export function limitLabel(seconds: number, t: TFunction): string {
  if (seconds % 3600 === 0) return t('portal.limit.hours', { count: seconds / 3600 });
  if (seconds % 60 === 0) return t('portal.limit.minutes', { count: seconds / 60 });
  return t('portal.limit.seconds', { count: seconds });
}

export type PromiseStanding = 'within' | 'near' | 'over';

/** Within the promise, close to it (past 80 % of it), or past it; null without a figure. */
export function standing(seconds: number | null, promiseSeconds: number): PromiseStanding | null {
  if (seconds === null) return null;
  if (seconds > promiseSeconds) return 'over';
  return seconds > promiseSeconds * 0.8 ? 'near' : 'within';
}

/** Where p50, p90 and the promise sit on one scale (0–100 %), the promise always inside it with room past it. */
export function promiseScale(p50: number | null, p90: number | null, promiseSeconds: number): { p50: number | null; p90: number | null; promise: number } {
  const max = Math.max(promiseSeconds * 1.25, (p90 ?? 0) * 1.05, (p50 ?? 0) * 1.05);
  const at = (s: number | null) => (s === null ? null : Math.min(100, (s / max) * 100));
  return { p50: at(p50), p90: at(p90), promise: (promiseSeconds / max) * 100 };
}
