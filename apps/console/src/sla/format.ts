import type { TFunction } from 'i18next';
import type { ResponseRule } from '@kefu/contracts';
import { formatRate, formatSeconds } from './countdown';
import { formatResponseRate } from './platform-response';

/** Business seconds in the console's language: "3m 20s" / "3分20秒"; "—" when there is no figure. */
export function secondsLabel(seconds: number | null, t: TFunction): string {
  if (seconds === null) return t('sla.none');
  return formatSeconds(seconds, {
    seconds: (s) => t('sla.duration.seconds', { s }),
    minutes: (m, s) => t('sla.duration.minutes', { m, s: String(s).padStart(2, '0') }),
    hours: (h, m) => t('sla.duration.hours', { h, m: String(m).padStart(2, '0') }),
  });
}

export const rateLabel = (rate: number | null, t: TFunction): string => (rate === null ? t('sla.none') : formatRate(rate));

/** A platform's response rule as the board writes it: "≤ 180 s", "≤ 30 s, 09:00–23:00". */
export const ruleLabel = (rule: Pick<ResponseRule, 'seconds' | 'window'>, t: TFunction): string =>
  rule.window ? t('sla.platform.ruleWindow', { seconds: rule.seconds, start: rule.window.start, end: rule.window.end }) : t('sla.platform.rule', { seconds: rule.seconds });

/** A response rate as the platforms' figures are read ("89.9%"); "—" when nothing was decided. */
export const responseRateLabel = (rate: number | null, t: TFunction): string => (rate === null ? t('sla.none') : formatResponseRate(rate));

/**
 * When the board's "today" began: "00:00", with its zone when this browser is in another one
 * ("00:00 GMT+8"): the midnight of the stores, not the reader's.
 */
export function dayStartLabel(iso: string, timezone: string, lang: string): string {
  const here = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = here === timezone ? {} : ({ timeZoneName: 'short' } as const);
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timezone, ...zone }).format(Date.parse(iso));
}
