import type { TFunction } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

const startOfDay = (ms: number) => {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** Short age of an activity for the inbox: "now", "5m", "3h", "Yesterday", "Tue", "Nov 20". */
export function formatRelative(iso: string, now: number, t: TFunction, lang: string): string {
  const at = Date.parse(iso);
  const age = Math.max(0, now - at);
  if (age < MINUTE) return t('time.justNow');
  if (age < HOUR) return t('time.minutes', { count: Math.floor(age / MINUTE) });
  if (age < 12 * HOUR || startOfDay(at) === startOfDay(now)) return t('time.hours', { count: Math.floor(age / HOUR) });
  const days = Math.round((startOfDay(now) - startOfDay(at)) / DAY);
  if (days === 1) return t('time.yesterday');
  if (days < 7) return new Intl.DateTimeFormat(lang, { weekday: 'short' }).format(at);
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(lang, sameYear ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' }).format(at);
}

/** A waiting time as a running clock: "4:07", "1:02:33", then "2d 3h". */
export function formatDuration(ms: number, t: TFunction): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  if (h >= 24) return t('time.days', { count: Math.floor(h / 24), hours: h % 24 });
  if (h > 0) return `${h}:${pad(m)}:${pad(s)}`;
  return `${m}:${pad(s)}`;
}

export const formatDateTime = (iso: string, lang: string): string =>
  new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(Date.parse(iso));

/** Date and time without the year when it is the current one: "Nov 27, 08:53" / "11月27日 08:53". */
export function formatDateTimeShort(iso: string, now: number, lang: string): string {
  const at = Date.parse(iso);
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(lang, {
    ...(sameYear ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}

export const formatClock = (iso: string, lang: string): string =>
  new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(Date.parse(iso));

/** Label of a day divider in the thread: "Today", "Yesterday" or the date. */
export function formatDay(iso: string, now: number, t: TFunction, lang: string): string {
  const days = Math.round((startOfDay(now) - startOfDay(Date.parse(iso))) / DAY);
  if (days === 0) return t('time.today');
  if (days === 1) return t('time.yesterday');
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(Date.parse(iso));
}

export const dayKey = (iso: string): number => startOfDay(Date.parse(iso));
