import { useTranslation } from 'react-i18next';
import { useNow } from '../time/clock';
import { formatDateTimeShort } from '../time/format';
import { Icon } from '../ui/icons';
import type { Store } from '@kefu/contracts';
import { formatClock } from '../time/format';
import { formatCountdown, readSla, type SlaClock } from './countdown';
import { storeOpenState } from './store-hours';

interface Props {
  clock: SlaClock;
  /** The conversation's store: while it is closed the clock stands still, and the countdown says so. */
  store?: Pick<Store, 'timezone' | 'businessHours'>;
  /** pill: inbox rows; long: the conversation header ("Reply due in …"); big: the supervisor board. */
  variant?: 'pill' | 'long' | 'big';
  testId?: string;
}

/** The live response countdown of the server's SLA clock; renders nothing when no clock runs. */
export function SlaCountdown({ clock, store, variant = 'pill', testId = 'waiting' }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const reading = readSla(clock, now);
  if (!reading) return null;
  const time = formatCountdown(reading.ms, (days, hours) => t('sla.days', { days, hours }));
  const at = (iso: string) => formatDateTimeShort(iso, now, i18n.language);
  const breached = reading.state === 'breached';
  const closed = !breached && store ? storeOpenState(store, now) : { open: true as const };
  const closedNote = closed.open ? null : closed.opensAt ? t('sla.storeClosedUntil', { time: formatClock(new Date(closed.opensAt).toISOString(), i18n.language) }) : t('sla.storeClosed');
  // The board writes the state beside its big clock, so the clock itself stays short there.
  const label = breached ? (variant === 'big' ? `+${time}` : t('sla.breachedFor', { time })) : variant === 'long' ? t('sla.dueIn', { time }) : time;
  const dueTitle = breached
    ? t('sla.breachedAtTitle', { time: at(clock.breachedAt ?? clock.dueAt ?? '') })
    : clock.warnAt
      ? t('sla.dueAtWarnTitle', { due: at(clock.dueAt!), warn: at(clock.warnAt) })
      : t('sla.dueAtTitle', { due: at(clock.dueAt!) });
  const title = closedNote ? `${closedNote} · ${dueTitle}` : dueTitle;
  return (
    <span
      className={`sla-countdown sla-countdown--${variant} sla-countdown--${reading.state}`}
      data-testid={testId}
      data-sla-state={reading.state}
      data-store-closed={closedNote ? 'true' : undefined}
      role="timer"
      title={title}
    >
      {variant !== 'big' && <Icon name={breached ? 'alert' : closedNote ? 'moon' : 'clock'} size={12} strokeWidth={2.2} />}
      {label}
      {closedNote && variant !== 'pill' && <span className="sla-countdown__closed">{closedNote}</span>}
      {closedNote && variant === 'pill' && <span className="sr-only">{closedNote}</span>}
    </span>
  );
}
