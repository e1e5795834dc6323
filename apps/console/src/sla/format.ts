import type { TFunction } from 'i18next';
import { formatRate, formatSeconds } from './countdown';

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
