import { useTranslation } from 'react-i18next';
import type { Store } from '@kefu/contracts';
import { useNow } from '../time/clock';
import { formatClock } from '../time/format';
import { readSla, type SlaClock } from './countdown';
import { SlaCountdown } from './SlaCountdown';

/** Under the conversation header: the response countdown and the time the reply is due (or was). */
export function SlaStrip({ clock, store }: { clock: SlaClock; store?: Store }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const reading = readSla(clock, now);
  if (!reading) return null;
  const at = (iso: string | null) => (iso ? formatClock(iso, i18n.language) : '');
  const note =
    reading.state === 'breached'
      ? t('sla.strip.breached', { time: at(clock.breachedAt ?? clock.dueAt) })
      : t(reading.state === 'warning' ? 'sla.strip.warning' : 'sla.strip.running', { time: at(clock.dueAt) });
  return (
    <div className={`sla-strip sla-strip--${reading.state}`} data-testid="conversation-sla" data-sla-state={reading.state}>
      <SlaCountdown clock={clock} store={store} variant="long" />
      <span className="sla-strip__note">{note}</span>
    </div>
  );
}
