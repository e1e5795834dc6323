import { describe, expect, it } from '@jest/globals';
import { storeOpenState } from './store-hours';

// Every day 09:00–24:00 in Shanghai (UTC+8), the default hours.
const store = { timezone: 'Asia/Shanghai', businessHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '24:00' })) };

describe('store hours', () => {
  it('is open within its hours and around the clock without any', () => {
    expect(storeOpenState(store, Date.parse('2026-12-02T02:00:00Z'))).toEqual({ open: true }); // 10:00 local
    expect(storeOpenState({ timezone: 'Asia/Shanghai', businessHours: null }, Date.parse('2026-12-01T18:00:00Z'))).toEqual({ open: true });
  });

  it('is closed at night and opens at 09:00 local', () => {
    // 02:00 local on Wednesday: opens the same morning at 09:00 local = 01:00 UTC.
    expect(storeOpenState(store, Date.parse('2026-12-01T18:00:00Z'))).toEqual({ open: false, opensAt: Date.parse('2026-12-02T01:00:00Z') });
  });

  it('finds the next opening days later (a store closed at the weekend)', () => {
    const weekdays = { timezone: 'Asia/Shanghai', businessHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '18:00' })) };
    // Saturday 2026-12-05 12:00 local → Monday 2026-12-07 09:00 local.
    expect(storeOpenState(weekdays, Date.parse('2026-12-05T04:00:00Z'))).toEqual({ open: false, opensAt: Date.parse('2026-12-07T01:00:00Z') });
    // Friday 19:00 local, after closing.
    expect(storeOpenState(weekdays, Date.parse('2026-12-04T11:00:00Z'))).toEqual({ open: false, opensAt: Date.parse('2026-12-07T01:00:00Z') });
  });
});
