import { useTranslation } from 'react-i18next';
import { useNow } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import { formatCountdown, readSla, type SlaClock } from './countdown';

interface Props {
  clock: SlaClock;
  /** pill: inbox rows; long: the conversation header ("Reply due in …"); big: the supervisor board. */
  variant?: 'pill' | 'long' | 'big';
  testId?: string;
}

/** The live response countdown of the server's SLA clock; renders nothing when no clock runs. */
export function SlaCountdown({ clock, variant = 'pill', testId = 'waiting' }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const reading = readSla(clock, now);
  if (!reading) return null;
  const time = formatCountdown(reading.ms, (days, hours) => t('sla.days', { days, hours }));
  const at = (iso: string) => formatDateTimeShort(iso, now, i18n.language);
  const breached = reading.state === 'breached';
  // The board writes the state beside its big clock, so the clock itself stays short there.
  const label = breached ? (variant === 'big' ? `+${time}` : t('sla.breachedFor', { time })) : variant === 'long' ? t('sla.dueIn', { time }) : time;
  const title = breached
    ? t('sla.breachedAtTitle', { time: at(clock.breachedAt ?? clock.dueAt ?? '') })
    : clock.warnAt
      ? t('sla.dueAtWarnTitle', { due: at(clock.dueAt!), warn: at(clock.warnAt) })
      : t('sla.dueAtTitle', { due: at(clock.dueAt!) });
  return (
    <span
      className={`sla-countdown sla-countdown--${variant} sla-countdown--${reading.state}`}
      data-testid={testId}
      data-sla-state={reading.state}
      role="timer"
      title={title}
    >
      {variant !== 'big' && <Icon name={breached ? 'alert' : 'clock'} size={12} strokeWidth={2.2} />}
      {label}
    </span>
  );
}
