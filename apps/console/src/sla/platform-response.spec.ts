import { describe, expect, it } from '@jest/globals';
import type { SlaBoardTimer } from '@kefu/contracts';
import { formatResponseRate, nextRuleLimit, nudgesFired, rateTone, RESPONSE_RATE_BANDS, ruleClock, ruleLimitAt, sortByRate, startOfDayIn, waitsAtRisk } from './platform-response';
import { readSla } from './countdown';

const T0 = Date.parse('2026-11-27T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const wait = (id: string, startedSecondsAgo: number, extra: Partial<SlaBoardTimer> = {}): SlaBoardTimer => ({
  id,
  storeId: 's1',
  conversationId: `c-${id}`,
  ticketId: null,
  kind: 'next_response',
  status: 'running',
  startedAt: at(-startedSecondsAgo),
  targetSeconds: 900,
  warnAt: null,
  dueAt: at(900 - startedSecondsAgo),
  warnedAt: null,
  breachedAt: null,
  metAt: null,
  pausedAt: null,
  respondedAt: null,
  responseSeconds: null,
  respondedBy: null,
  breachAssigneeId: null,
  messageId: `m-${id}`,
  ruleSeconds: 180,
  nudged: 0,
  customerName: 'buyer',
  assigneeId: null,
  lastMessagePreview: 'hello',
  ticketNumber: null,
  ticketConversationId: null,
  ...extra,
});

describe('rateTone', () => {
  it('is green from 90 %, amber from 80 %, red below, nothing without a rate', () => {
    expect(RESPONSE_RATE_BANDS).toEqual({ green: 0.9, amber: 0.8 });
    expect(rateTone(1)).toBe('green');
    expect(rateTone(0.9)).toBe('green');
    expect(rateTone(0.8999)).toBe('amber');
    expect(rateTone(0.8)).toBe('amber');
    expect(rateTone(0.7999)).toBe('red');
    expect(rateTone(0)).toBe('red');
    expect(rateTone(null)).toBeNull();
  });
});

describe('formatResponseRate', () => {
  it('writes whole percentages plainly and others to a tenth, rounded down so the figure stays in its band', () => {
    expect(formatResponseRate(0.5)).toBe('50%');
    expect(formatResponseRate(1)).toBe('100%');
    expect(formatResponseRate(0)).toBe('0%');
    expect(formatResponseRate(2 / 3)).toBe('66.6%');
    expect(formatResponseRate(0.8996)).toBe('89.9%');
    expect(formatResponseRate(0.9)).toBe('90%');
    expect(formatResponseRate(57 / 100)).toBe('57%');
    expect(formatResponseRate(0.29)).toBe('29%');
  });

  it('agrees with the band at every limit', () => {
    for (let met = 0; met <= 1000; met += 1) {
      const rate = met / 1000;
      const shown = Number.parseFloat(formatResponseRate(rate)) / 100;
      expect(rateTone(shown + 1e-9)).toBe(rateTone(rate));
    }
  });
});

describe('waitsAtRisk', () => {
  it('keeps the running waits a platform counts whose limit is still ahead, the oldest first', () => {
    const list = [
      wait('young', 10),
      wait('old', 170),
      wait('uncounted', 100, { ruleSeconds: null }),
      wait('past', 200),
      wait('ticket', 20, { kind: 'resolution' }),
      wait('middle', 90),
    ];
    expect(waitsAtRisk(list, T0).map((t) => t.id)).toEqual(['old', 'middle', 'young']);
  });

  it('keeps a wait whose desk response time breached but whose platform limit is ahead; drops answered ones and duplicates', () => {
    const breached = wait('breached', 30, { status: 'breached', breachedAt: at(-5) });
    const answered = wait('answered', 20, { status: 'breached', respondedAt: at(-1) });
    const met = wait('met', 20, { status: 'met' });
    expect(waitsAtRisk([breached, answered, met, wait('young', 10), breached], T0).map((t) => t.id)).toEqual(['breached', 'young']);
  });

  it('drops a wait the moment its limit is reached', () => {
    const w = wait('w', 0, { ruleSeconds: 3 });
    expect(waitsAtRisk([w], T0 + 2_999)).toHaveLength(1);
    expect(waitsAtRisk([w], T0 + 3_000)).toHaveLength(0);
  });

  it('orders waits that started together by id, so rows never swap', () => {
    expect(waitsAtRisk([wait('b', 5), wait('a', 5)], T0).map((t) => t.id)).toEqual(['a', 'b']);
  });
});

describe('sortByRate', () => {
  it('lists the worst rate first, stores with nothing decided last, ties by name', () => {
    const names: Record<string, string> = { a: '阿里店', b: '北京店', c: '成都店', d: '大连店' };
    const items = [
      { storeId: 'a', rate: null },
      { storeId: 'b', rate: 0.95 },
      { storeId: 'c', rate: 0.5 },
      { storeId: 'd', rate: 0.95 },
    ];
    expect(sortByRate(items, (i) => names[i.storeId]).map((i) => i.storeId)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('ruleClock', () => {
  it('counts down to the start plus the rule, amber from the last nudge before the limit', () => {
    const w = wait('w', 0);
    expect(ruleLimitAt(w)).toBe(T0 + 180_000);
    const clock = ruleClock(w, { nudgeSeconds: [60, 100, 150, 200] });
    expect(clock).toEqual({ dueAt: at(180), warnAt: at(150), breachedAt: null });
    expect(readSla(clock, T0 + 149_000)?.state).toBe('running');
    expect(readSla(clock, T0 + 150_000)).toEqual({ state: 'warning', ms: 30_000 });
  });

  it('turns amber for the last third of the rule when the store sets no nudge', () => {
    expect(ruleClock(wait('w', 0, { ruleSeconds: 30 }), { nudgeSeconds: [] }).warnAt).toBe(at(20));
    expect(ruleClock(wait('w', 0, { ruleSeconds: 30 }), undefined).warnAt).toBe(at(20));
  });

  it('is no clock for a wait the platform does not count', () => {
    expect(readSla(ruleClock(wait('w', 0, { ruleSeconds: null }), undefined), T0)).toBeNull();
  });
});

describe('nudgesFired', () => {
  it('counts the nudge instants past, or the server’s count when it is ahead', () => {
    const rule = { nudgeSeconds: [60, 100, 150] };
    expect(nudgesFired(wait('w', 0), rule, T0 + 59_000)).toBe(0);
    expect(nudgesFired(wait('w', 0), rule, T0 + 100_000)).toBe(2);
    expect(nudgesFired(wait('w', 0, { nudged: 3 }), rule, T0 + 10_000)).toBe(3);
    expect(nudgesFired(wait('w', 0), undefined, T0 + 100_000)).toBe(0);
  });
});

describe('nextRuleLimit', () => {
  it('is the earliest limit ahead, rounded up to the step; null when none is ahead', () => {
    const list = [wait('a', 170), wait('b', 100), wait('c', 400), wait('d', 10, { ruleSeconds: null }), wait('e', 175, { respondedAt: at(-1), status: 'breached' })];
    // a's limit is 10 s ahead (T0 + 10 s); rounded up to 3 s steps of the epoch.
    const next = nextRuleLimit(list, T0, 3_000)!;
    expect(next).toBeGreaterThanOrEqual(T0 + 10_000);
    expect(next).toBeLessThan(T0 + 13_000);
    expect(next % 3_000).toBe(0);
    expect(nextRuleLimit([wait('c', 400)], T0, 3_000)).toBeNull();
    expect(nextRuleLimit([], T0, 3_000)).toBeNull();
  });
});

describe('startOfDayIn', () => {
  it('is midnight of the day it is in that timezone', () => {
    // 01:30 on 28 Nov in Shanghai is still 27 Nov in UTC.
    const now = Date.parse('2026-11-27T17:30:00Z');
    expect(startOfDayIn(now, 'Asia/Shanghai')).toBe('2026-11-27T16:00:00.000Z');
    expect(startOfDayIn(now, 'UTC')).toBe('2026-11-27T00:00:00.000Z');
  });
});
