import { describe, expect, it } from '@jest/globals';
import { formatCountdown, formatRate, formatSeconds, readSla } from './countdown';

const T0 = Date.parse('2026-11-27T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const days = (d: number, h: number) => `${d}d ${h}h`;

describe('readSla', () => {
  const clock = { dueAt: at(900), warnAt: at(600), breachedAt: null };

  it('shows nothing without a running or breached clock', () => {
    expect(readSla({ dueAt: null, warnAt: null, breachedAt: null }, T0)).toBeNull();
  });

  it('is neutral before the warning, amber from it, red from due', () => {
    expect(readSla(clock, T0)).toEqual({ state: 'running', ms: 900_000 });
    expect(readSla(clock, T0 + 599_999)?.state).toBe('running');
    expect(readSla(clock, T0 + 600_000)).toEqual({ state: 'warning', ms: 300_000 });
    expect(readSla(clock, T0 + 900_000)).toEqual({ state: 'breached', ms: 0 });
    expect(readSla(clock, T0 + 965_000)).toEqual({ state: 'breached', ms: 65_000 });
  });

  it('is red whenever the server recorded a breach, counting from it', () => {
    expect(readSla({ dueAt: null, warnAt: null, breachedAt: at(0) }, T0 + 61_000)).toEqual({ state: 'breached', ms: 61_000 });
    // A breach recorded a moment after due counts from due.
    expect(readSla({ dueAt: at(0), warnAt: null, breachedAt: at(2) }, T0 + 10_000)).toEqual({ state: 'breached', ms: 10_000 });
  });
});

describe('formatCountdown', () => {
  it('writes mm:ss, then h:mm:ss, then days', () => {
    expect(formatCountdown(0, days)).toBe('00:00');
    expect(formatCountdown(247_000, days)).toBe('04:07');
    expect(formatCountdown(3_753_000, days)).toBe('1:02:33');
    expect(formatCountdown((2 * 24 + 3) * 3_600_000, days)).toBe('2d 3h');
  });
});

describe('figures', () => {
  const fmt = { seconds: (s: number) => `${s}s`, minutes: (m: number, s: number) => `${m}m ${s}s`, hours: (h: number, m: number) => `${h}h ${m}m` };
  it('formats business seconds and rates', () => {
    expect(formatSeconds(44.6, fmt)).toBe('45s');
    expect(formatSeconds(200, fmt)).toBe('3m 20s');
    expect(formatSeconds(3_900, fmt)).toBe('1h 5m');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(0.042)).toBe('4.2%');
    expect(formatRate(0.375)).toBe('38%');
  });
});
