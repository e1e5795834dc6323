import type { Store } from '@kefu/contracts';

// Whether a store is open now by its weekly hours in its timezone (the server's business-time rule, read for a hint:
// a clock that does not move while the store is closed). Pure, unit-tested.

const MINUTE = 60_000;

interface LocalTime {
  /** ISO weekday, Monday = 1. */
  weekday: number;
  minutes: number;
  /** The local calendar day as UTC midnight (for stepping day by day). */
  dayUtc: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(at: number, timezone: string): LocalTime {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timezone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    weekday: WEEKDAYS[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    dayUtc: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)),
  };
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

export type OpenState = { open: true } | { open: false; opensAt: number | null };

/** Open now, or closed with the next opening (null: no opening within a week). */
export function storeOpenState(store: Pick<Store, 'timezone' | 'businessHours'>, now: number): OpenState {
  const hours = store.businessHours;
  if (!hours || hours.length === 0) return { open: true };
  const here = localTime(now, store.timezone);
  // The store-local wall clock as if it were UTC, minus now: the zone's offset (DST shifts within the week ignored).
  const offset = here.dayUtc + here.minutes * MINUTE - Math.floor(now / MINUTE) * MINUTE;
  for (let day = 0; day <= 7; day++) {
    const weekday = ((here.weekday - 1 + day) % 7) + 1;
    const slots = hours.filter((h) => h.weekday === weekday).map((h) => ({ open: toMinutes(h.open), close: toMinutes(h.close) }));
    slots.sort((a, b) => a.open - b.open);
    for (const slot of slots) {
      if (day === 0 && here.minutes >= slot.open && here.minutes < slot.close) return { open: true };
      if (day > 0 || slot.open > here.minutes) return { open: false, opensAt: here.dayUtc + day * 86_400_000 + slot.open * MINUTE - offset };
    }
  }
  return { open: false, opensAt: null };
}
