// The response clock of a conversation or timer, as the server set it: pure functions of "now".

export type SlaState = 'running' | 'warning' | 'breached';

/** The server's SLA times (ISO strings); a conversation carries them as slaDueAt/slaWarnAt/slaBreachedAt. */
export interface SlaClock {
  dueAt: string | null;
  warnAt: string | null;
  breachedAt: string | null;
}

export interface SlaReading {
  state: SlaState;
  /** Before due: milliseconds left; breached: milliseconds since it breached. Never negative. */
  ms: number;
}

const parse = (iso: string | null): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * Where the clock stands at `now`: `null` when nothing is running and nothing breached. Neutral
 * before the warning time, amber from it, red once past due or when the server recorded a breach
 * (a timer past due is red at once, before the server's `sla.breached` arrives).
 */
export function readSla(clock: SlaClock, now: number): SlaReading | null {
  const due = parse(clock.dueAt);
  const breached = parse(clock.breachedAt);
  if (breached !== null) return { state: 'breached', ms: Math.max(0, now - Math.min(breached, due ?? breached)) };
  if (due === null) return null;
  if (now >= due) return { state: 'breached', ms: now - due };
  const warn = parse(clock.warnAt);
  return { state: warn !== null && now >= warn ? 'warning' : 'running', ms: due - now };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A countdown as a clock: "04:07" under an hour, "1:02:33" under a day, then "2d 03h" (`dayLabel`
 * formats days and hours; business hours can put a due time past a closed night).
 */
export function formatCountdown(ms: number, dayLabel: (days: number, hours: number) => string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  if (h >= 24) return dayLabel(Math.floor(h / 24), h % 24);
  if (h > 0) return `${h}:${pad(m)}:${pad(s)}`;
  return `${pad(m)}:${pad(s)}`;
}

/** The clock of a conversation, from its slaDueAt/slaWarnAt/slaBreachedAt. */
export const conversationClock = (c: { slaDueAt: string | null; slaWarnAt: string | null; slaBreachedAt: string | null }): SlaClock => ({
  dueAt: c.slaDueAt,
  warnAt: c.slaWarnAt,
  breachedAt: c.slaBreachedAt,
});

export interface DurationFormat {
  seconds(s: number): string;
  minutes(m: number, s: number): string;
  hours(h: number, m: number): string;
}

/** Business seconds as a short duration for figures: "45s", "3m 20s", "1h 05m" (words from `format`). */
export function formatSeconds(seconds: number, format: DurationFormat): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return format.seconds(total);
  const h = Math.floor(total / 3600);
  if (h > 0) return format.hours(h, Math.floor(total / 60) % 60);
  return format.minutes(Math.floor(total / 60), total % 60);
}

/** A rate 0..1 as a percentage with one decimal under 10 %: "4.2%", "37%". */
export function formatRate(rate: number): string {
  const pct = rate * 100;
  if (pct > 0 && pct < 10) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}
