import { inResponseWindow, isExempt, waitPlan } from './response-rule.js';

const tz = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);

describe('platform response rule', () => {
  it('counts a wait that starts inside the window, in the store timezone', () => {
    const jd = { window: { start: '09:00', end: '23:00' } };
    expect(inResponseWindow(jd, tz, at('2026-12-02T09:00:00'))).toBe(true);
    expect(inResponseWindow(jd, tz, at('2026-12-02T22:59:59'))).toBe(true);
    expect(inResponseWindow(jd, tz, at('2026-12-02T23:00:00'))).toBe(false);
    expect(inResponseWindow(jd, tz, at('2026-12-02T08:59:00'))).toBe(false);
    // 08:30 in Shanghai is 00:30 UTC: the zone decides, not the server's clock.
    expect(inResponseWindow(jd, 'UTC', at('2026-12-02T08:30:00'))).toBe(false);
    expect(inResponseWindow({ window: null }, tz, at('2026-12-02T03:00:00'))).toBe(true);
  });

  it('spans midnight when the window starts after it ends', () => {
    const night = { window: { start: '22:00', end: '02:00' } };
    expect(inResponseWindow(night, tz, at('2026-12-02T23:30:00'))).toBe(true);
    expect(inResponseWindow(night, tz, at('2026-12-03T01:59:00'))).toBe(true);
    expect(inResponseWindow(night, tz, at('2026-12-03T02:00:00'))).toBe(false);
    expect(inResponseWindow(night, tz, at('2026-12-02T12:00:00'))).toBe(false);
  });

  it('exempts the listed days, both ends included, by local date', () => {
    const spring = [{ start: '2027-02-05', end: '2027-02-11' }];
    expect(isExempt(spring, tz, at('2027-02-05T00:10:00'))).toBe(true);
    expect(isExempt(spring, tz, at('2027-02-11T23:59:00'))).toBe(true);
    expect(isExempt(spring, tz, at('2027-02-12T00:00:00'))).toBe(false);
    expect(isExempt(spring, tz, at('2027-02-04T23:59:00'))).toBe(false);
  });

  it('plans the nudges from the start, and none for a wait the rule does not count', () => {
    const rule = { seconds: 3, window: { start: '08:00', end: '23:00' }, nudgeSeconds: [1, 2] };
    const start = at('2026-12-02T10:00:00');
    expect(waitPlan(rule, [], tz, start)).toEqual({ ruleSeconds: 3, nudgeSeconds: [1, 2], nudgeAt: new Date(start.getTime() + 1000) });
    expect(waitPlan(rule, [], tz, at('2026-12-02T23:30:00'))).toEqual({ ruleSeconds: null, nudgeSeconds: [], nudgeAt: null });
    expect(waitPlan({ ...rule, nudgeSeconds: [] }, [], tz, start).nudgeAt).toBeNull();
    expect(waitPlan(rule, [{ start: '2026-12-02', end: '2026-12-02' }], tz, start).ruleSeconds).toBeNull();
  });
});
