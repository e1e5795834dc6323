import { describe, expect, it } from '@jest/globals';
import { CreateStoreInput, DEFAULT_BUSINESS_HOURS } from './store.js';

describe('CreateStoreInput', () => {
  it('accepts round-the-clock stores and a 24:00 close', () => {
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', businessHours: null }).success).toBe(true);
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', businessHours: [{ weekday: 7, open: '00:00', close: '24:00' }] }).success).toBe(true);
  });

  it('refuses slots that close before they open and unknown time zones', () => {
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', businessHours: [{ weekday: 1, open: '18:00', close: '09:00' }] }).success).toBe(false);
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', timezone: 'Asia/Beijing' }).success).toBe(false);
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', timezone: 'Asia/Shanghai' }).success).toBe(true);
  });

  it('defaults to every day 09:00–24:00', () => {
    expect(DEFAULT_BUSINESS_HOURS).toHaveLength(7);
    expect(DEFAULT_BUSINESS_HOURS.every((s) => s.open === '09:00' && s.close === '24:00')).toBe(true);
  });
});
