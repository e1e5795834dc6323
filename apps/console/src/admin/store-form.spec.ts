import { describe, expect, it } from '@jest/globals';
import { CreateStoreInput, DEFAULT_BUSINESS_HOURS, DEFAULT_RETURN_POLICY, DEFAULT_SLA_POLICY, type Store, defaultResponseRule } from '@kefu/contracts';
import { StoreForm, formOf, formPathOf, nextNudge, storeInputOf } from './store-form';

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
    const v = formOf({ name: 'A', platform: 'jd', timezone: 'Asia/Shanghai', businessHours: DEFAULT_BUSINESS_HOURS, holidays: [], slaPolicy: {} as never, returnPolicy: { excludedCategories: ['food'] } as never, slaEscalation: { reassign: true, webhookUrl: null }, responseRule: defaultResponseRule('jd'), responseExemptions: [], ticketTemplates: { zh: { created: '您好' } }, id: 'x', createdAt: '' });
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

describe('store form: the platform response rule and its exemptions', () => {
  const store = (over: Partial<Store>): Store => ({ id: 's', name: 'A', platform: 'jd', timezone: 'Asia/Shanghai', businessHours: null, holidays: [], slaPolicy: DEFAULT_SLA_POLICY, returnPolicy: DEFAULT_RETURN_POLICY, slaEscalation: { reassign: false, webhookUrl: null }, responseRule: defaultResponseRule('jd'), responseExemptions: [], ticketTemplates: {}, createdAt: '', ...over });

  it('follows the platform default when the rule in use is that default, and sends null then', () => {
    const v = formOf(store({}));
    expect(v.responseRule).toEqual({ followDefault: true, seconds: 30, allDay: false, start: '09:00', end: '23:00', nudges: [{ seconds: 15 }, { seconds: 25 }] });
    expect(storeInputOf(StoreForm.parse(v)).responseRule).toBeNull();
    expect(formOf(null).responseRule.followDefault).toBe(true);
  });

  it('sends a rule of the store’s own whole, all day as a null window', () => {
    const v = formOf(store({ responseRule: { seconds: 60, window: null, nudgeSeconds: [20, 40] } }));
    expect(v.responseRule.followDefault).toBe(false);
    v.responseRule.nudges.push({ seconds: 10 });
    const input = storeInputOf(StoreForm.parse(v));
    expect(input.responseRule).toEqual({ seconds: 60, window: null, nudgeSeconds: [20, 40, 10] });
    expect(CreateStoreInput.parse(input).responseRule).toEqual({ seconds: 60, window: null, nudgeSeconds: [10, 20, 40] });
    v.responseRule.allDay = false;
    v.responseRule.start = '22:00';
    v.responseRule.end = '02:00';
    expect(storeInputOf(StoreForm.parse(v)).responseRule?.window).toEqual({ start: '22:00', end: '02:00' });
  });

  it('checks the hours counted only when not all day, at the field that is wrong', () => {
    const v = formOf(store({ responseRule: { seconds: 60, window: null, nudgeSeconds: [] } }));
    v.responseRule.start = '9:00';
    v.responseRule.end = '9:00';
    expect(StoreForm.safeParse(v).success).toBe(true);
    v.responseRule.allDay = false;
    expect(new Set(StoreForm.safeParse(v).error!.issues.map((i) => i.path.join('.')))).toEqual(new Set(['responseRule.start', 'responseRule.end']));
    v.responseRule.start = '09:00';
    v.responseRule.end = '09:00';
    expect(StoreForm.safeParse(v).error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['responseRule.end', expect.stringContaining('must differ from start')]]);
    v.responseRule.end = '18:00';
    v.responseRule.seconds = 0;
    v.responseRule.nudges = [{ seconds: 90_000 }];
    expect(StoreForm.safeParse(v).error!.issues.map((i) => i.path.join('.'))).toEqual(['responseRule.seconds', 'responseRule.nudges.0.seconds']);
  });

  it('sends exemption periods, a blank reason as none, and refuses an end before its start', () => {
    const v = formOf(store({ responseExemptions: [{ start: '2027-02-05', end: '2027-02-12', reason: '春节' }] }));
    v.responseExemptions.push({ start: '2027-10-01', end: '2027-10-03', reason: '  ' });
    const input = storeInputOf(StoreForm.parse(v));
    expect(input.responseExemptions).toEqual([{ start: '2027-02-05', end: '2027-02-12', reason: '春节' }, { start: '2027-10-01', end: '2027-10-03' }]);
    v.responseExemptions[1].end = '2027-09-30';
    expect(StoreForm.safeParse(v).error!.issues.map((i) => i.path.join('.'))).toEqual(['responseExemptions.1.end']);
  });

  it('adds a nudge half-way from the last one to the limit', () => {
    expect(nextNudge([60, 100, 150], 180)).toBe(165);
    expect(nextNudge([], 30)).toBe(15);
    expect(nextNudge([Number.NaN], Number.NaN)).toBe(60);
    expect(nextNudge([40], 30)).toBe(41);
  });

  it('places the server’s rule and exemption errors at their fields', () => {
    const v = formOf(null);
    expect(formPathOf('responseRule.seconds', v)).toBe('responseRule.seconds');
    expect(formPathOf('responseRule.window.start', v)).toBe('responseRule.start');
    expect(formPathOf('responseRule.window', v)).toBe('responseRule.end');
    expect(formPathOf('responseRule.nudgeSeconds.2', v)).toBe('responseRule.nudges.2.seconds');
    expect(formPathOf('responseRule.nudgeSeconds', v)).toBe('responseRule.nudges');
    expect(formPathOf('responseExemptions.1.end', v)).toBe('responseExemptions.1.end');
    expect(formPathOf('responseExemptions', v)).toBe('responseExemptions');
  });
});
