import type { ActivityState } from '@kefu/contracts';

/** At most one 'typing' announcement per this many ms while keys keep coming. */
export const TYPING_THROTTLE_MS = 3_000;
/** Back to 'viewing' this long after the last keystroke. */
export const TYPING_IDLE_MS = 5_000;
/** The current state is announced again this often, so the others' entries (30 s) never expire. */
export const HEARTBEAT_MS = 15_000;

export interface AnnouncerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const browserClock: AnnouncerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
};

/**
 * This console's activity in one open conversation: 'viewing' from start() to stop() ('left'),
 * 'typing' while keys are pressed in the reply box (throttled), with a heartbeat in between.
 */
export class ActivityAnnouncer {
  private state: ActivityState = 'left';
  private lastTypingSent = Number.NEGATIVE_INFINITY;
  private idleTimer: unknown = null;
  private heartbeat: unknown = null;

  constructor(
    private readonly send: (state: ActivityState) => void,
    private readonly clock: AnnouncerClock = browserClock,
  ) {}

  get current(): ActivityState {
    return this.state;
  }

  /** The conversation was opened. */
  start(): void {
    if (this.state !== 'left') return;
    this.state = 'viewing';
    this.send('viewing');
    this.heartbeat = this.clock.setInterval(() => this.announceAgain(), HEARTBEAT_MS);
  }

  /** A key was pressed in the reply box. */
  typed(): void {
    if (this.state === 'left') return;
    const now = this.clock.now();
    if (this.state !== 'typing' || now - this.lastTypingSent >= TYPING_THROTTLE_MS) {
      this.lastTypingSent = now;
      this.send('typing');
    }
    this.state = 'typing';
    this.clearIdle();
    this.idleTimer = this.clock.setTimeout(() => this.idle(), TYPING_IDLE_MS);
  }

  /** Typing stopped (the reply was sent, or the keys went quiet). */
  idle(): void {
    this.clearIdle();
    if (this.state !== 'typing') return;
    this.state = 'viewing';
    this.send('viewing');
  }

  /** The connection came back: the server forgot this console's state with the old socket. */
  announceAgain(): void {
    if (this.state === 'left') return;
    if (this.state === 'typing') this.lastTypingSent = this.clock.now();
    this.send(this.state);
  }

  /** The conversation was closed or another one opened. */
  stop(): void {
    this.clearIdle();
    if (this.heartbeat !== null) this.clock.clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (this.state === 'left') return;
    this.state = 'left';
    this.send('left');
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
