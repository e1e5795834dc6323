import { describe, expect, it } from '@jest/globals';
import type { ActivityState } from '@kefu/contracts';
import { ActivityAnnouncer, HEARTBEAT_MS, TYPING_IDLE_MS, TYPING_THROTTLE_MS, type AnnouncerClock } from './announcer';

/** A hand-driven clock: `advance` fires due timers in order. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void; every?: number }>();
  const clock: AnnouncerClock = {
    now: () => now,
    setTimeout: (fn, ms) => (timers.set(nextId, { at: now + ms, fn }), nextId++),
    clearTimeout: (id) => void timers.delete(id as number),
    setInterval: (fn, ms) => (timers.set(nextId, { at: now + ms, fn, every: ms }), nextId++),
    clearInterval: (id) => void timers.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, t] = due;
      now = t.at;
      if (t.every) t.at += t.every;
      else timers.delete(id);
      t.fn();
    }
    now = end;
  };
  return { clock, advance };
}

function setup() {
  const sent: ActivityState[] = [];
  const { clock, advance } = fakeClock();
  const announcer = new ActivityAnnouncer((s) => sent.push(s), clock);
  return { sent, advance, announcer };
}

describe('announcing this console’s activity', () => {
  it('announces viewing on open and left on close, once each', () => {
    const { sent, announcer } = setup();
    announcer.start();
    announcer.start();
    announcer.stop();
    announcer.stop();
    expect(sent).toEqual(['viewing', 'left']);
  });

  it('throttles typing to one announcement per 3 s and returns to viewing 5 s after the last key', () => {
    const { sent, advance, announcer } = setup();
    announcer.start();
    announcer.typed();
    for (let i = 0; i < 10; i++) {
      advance(250);
      announcer.typed();
    }
    expect(sent).toEqual(['viewing', 'typing']); // 2.5 s of keys: one announcement
    advance(600);
    announcer.typed(); // 3.1 s after the first
    expect(sent).toEqual(['viewing', 'typing', 'typing']);
    advance(TYPING_IDLE_MS - 1);
    expect(sent.at(-1)).toBe('typing');
    advance(1);
    expect(sent).toEqual(['viewing', 'typing', 'typing', 'viewing']);
    expect(TYPING_THROTTLE_MS).toBe(3_000);
  });

  it('goes back to viewing at once when the reply is sent', () => {
    const { sent, advance, announcer } = setup();
    announcer.start();
    announcer.typed();
    announcer.idle();
    advance(TYPING_IDLE_MS * 2);
    expect(sent).toEqual(['viewing', 'typing', 'viewing']);
  });

  it('re-announces the current state as a heartbeat and after a reconnect, never after close', () => {
    const { sent, advance, announcer } = setup();
    announcer.start();
    advance(HEARTBEAT_MS);
    expect(sent).toEqual(['viewing', 'viewing']);
    announcer.typed();
    announcer.announceAgain();
    expect(sent.slice(-2)).toEqual(['typing', 'typing']);
    announcer.stop();
    advance(HEARTBEAT_MS * 3);
    announcer.typed();
    announcer.announceAgain();
    expect(sent.at(-1)).toBe('left');
  });
});
