import { describe, expect, it } from '@jest/globals';
import { CreateStoreInput, DEFAULT_BUSINESS_HOURS } from '@kefu/contracts';
import { StoreForm, formOf, formPathOf, storeInputOf } from './store-form';

describe('store form', () => {
  it('turns a week of split shifts, closed days and holidays into the contract’s store', () => {
    const v = formOf(null);
    v.name = '星河旗舰店';
    v.days[0].shifts = [{ open: '13:00', close: '18:00' }, { open: '09:00', close: '12:00' }];
    v.days[6].shifts = [];
    v.holidays = [{ date: '2026-10-01', closed: true, hours: [{ open: '09:00', close: '10:00' }] }, { date: '2026-10-10', closed: false, hours: [{ open: '10:00', close: '16:00' }] }];
    v.returnPolicy.excludedText = 'underwear\n\n food \nunderwear';
    const parsed = StoreForm.safeParse(v);
    expect(parsed.success).toBe(true);
    const input = storeInputOf(parsed.data!);
    expect(CreateStoreInput.safeParse(input).success).toBe(true);
    expect(input.businessHours?.filter((h) => h.weekday === 1)).toEqual([{ weekday: 1, open: '13:00', close: '18:00' }, { weekday: 1, open: '09:00', close: '12:00' }]);
    expect(input.businessHours?.some((h) => h.weekday === 7)).toBe(false);
    expect(input.holidays).toEqual([{ date: '2026-10-01', hours: [] }, { date: '2026-10-10', hours: [{ open: '10:00', close: '16:00' }] }]);
    expect(input.returnPolicy?.excludedCategories).toEqual(['underwear', 'food']);
    expect(input.slaEscalation?.webhookUrl).toBeNull();
  });

  it('is open around the clock as null hours, and refuses a week with no opening', () => {
    const v = formOf(null);
    v.name = 'A';
    v.days.forEach((d) => (d.shifts = []));
    const bad = StoreForm.safeParse(v);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['days']);
    v.alwaysOpen = true;
    expect(storeInputOf(StoreForm.parse(v)).businessHours).toBeNull();
  });

  it('reads a store back into the same week', () => {
    const v = formOf({ name: 'A', platform: 'jd', timezone: 'Asia/Shanghai', businessHours: DEFAULT_BUSINESS_HOURS, holidays: [], slaPolicy: {} as never, returnPolicy: { excludedCategories: ['food'] } as never, slaEscalation: { reassign: true, webhookUrl: null }, ticketTemplates: { zh: { created: '您好' } }, id: 'x', createdAt: '' });
    expect(v.days.every((d) => d.shifts.length === 1 && d.shifts[0].open === '09:00')).toBe(true);
    expect(v.returnPolicy.excludedText).toBe('food');
    expect(v.ticketTemplates.zh.created).toBe('您好');
  });

  it('finds the form field of a server error', () => {
    const v = formOf(null);
    v.days[0].shifts = [{ open: '09:00', close: '12:00' }, { open: '13:00', close: '18:00' }];
    expect(formPathOf('businessHours.2.close', v)).toBe('days.1.shifts.0.close');
    expect(formPathOf('businessHours.1.open', v)).toBe('days.0.shifts.1.open');
    expect(formPathOf('holidays.3.hours.0.close', v)).toBe('holidays.3.hours');
    expect(formPathOf('slaEscalation.webhookUrl', v)).toBe('slaEscalation.webhookUrl');
    expect(formPathOf('ticketTemplates', v)).toBeNull();
  });
});
