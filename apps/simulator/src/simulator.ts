import { randomUUID } from 'node:crypto';
import { SIGNATURE_HEADER, type InboundMessageInput } from '@kefu/contracts';
import { CUSTOMER_NAMES, LINES, type Line } from './scripts.js';
import { signature } from './sign.js';
import { placeOrder, surveyAnswer } from './shopper.js';

export interface SimChannel {
  id: string;
  secret: string;
  storeName?: string;
}

export interface SimulatorOptions {
  /** Base URL of the desk, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  channels: SimChannel[];
  /** Messages per minute. */
  rate: number;
  /** Seconds to run; 0 runs until stopped. */
  duration: number;
  /** Distinct customers per channel; a customer writes again into their open conversation. */
  customersPerChannel?: number;
  random?: () => number;
  log?: (line: string) => void;
  /** Share of customers who order within the next minute after writing (default 0.25). */
  orderRate?: number;
}

export interface SendResult {
  status: number;
  channelId: string;
  externalMessageId: string;
  text: string;
  ms: number;
}

/** Plays customers of the demo stores against the real, signed webhook. */
export class CustomerSimulator {
  private stopped = false;
  readonly results: SendResult[] = [];
  private readonly random: () => number;
  private readonly runId = randomUUID().slice(0, 6);

  constructor(private readonly opts: SimulatorOptions) {
    if (opts.channels.length === 0) throw new Error('the simulator needs at least one channel');
    this.random = opts.random ?? Math.random;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Sends one customer message (a random line, or the given one) and returns the webhook's answer. */
  async sendOne(line?: Partial<Line> & { channelId?: string; customerId?: string }): Promise<SendResult> {
    const channel = line?.channelId ? this.opts.channels.find((c) => c.id === line.channelId)! : this.pick(this.opts.channels);
    const chosen: Line = line?.text ? { lang: line.lang ?? 'zh', text: line.text } : this.pick(LINES);
    const n = Math.floor(this.random() * (this.opts.customersPerChannel ?? 12));
    const externalId = line?.customerId ?? `sim-${chosen.lang}-${n}`;
    const names = CUSTOMER_NAMES[chosen.lang];
    const body: InboundMessageInput = {
      externalMessageId: `sim-${this.runId}-${randomUUID()}`,
      customer: { externalId, name: names[n % names.length] },
      text: chosen.text,
      sentAt: new Date().toISOString(),
    };
    const raw = JSON.stringify(body);
    const started = performance.now();
    const res = await fetch(`${this.opts.baseUrl}/api/channels/${channel.id}/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature(channel.secret, raw) },
      body: raw,
    });
    await res.arrayBuffer();
    const result = { status: res.status, channelId: channel.id, externalMessageId: body.externalMessageId, text: chosen.text, ms: performance.now() - started };
    this.results.push(result);
    this.opts.log?.(`${res.status} ${channel.storeName ?? channel.id} ${body.customer.name}: ${chosen.text}`);
    if (!line && this.random() < (this.opts.orderRate ?? 0.25)) this.later(() => this.order(channel, externalId), 5000 + this.random() * 55_000);
    return result;
  }

  /** The customer pays for an order (the platform's order webhook). */
  async order(channel: SimChannel, customerExternalId: string): Promise<void> {
    const status = await placeOrder(this.opts.baseUrl, channel, customerExternalId, this.random);
    this.opts.log?.(`${status} ${channel.storeName ?? channel.id} order by ${customerExternalId}`);
  }

  /** A message the desk delivered to one of our customers: answer it if it asks for a rating. */
  answer(delivered: { channelId: string; customerExternalId: string; body: string }): void {
    const text = surveyAnswer(delivered.body, this.random);
    if (!text || this.stopped) return;
    this.later(() => this.sendOne({ channelId: delivered.channelId, customerId: delivered.customerExternalId, text, lang: /[a-z]/i.test(text) ? 'en' : 'zh' }).then(() => undefined), 2000 + this.random() * 8000);
  }

  private later(fn: () => Promise<void>, ms: number): void {
    const timer = setTimeout(() => void fn().catch((err: Error) => this.opts.log?.(`failed: ${err.message}`)), ms);
    timer.unref();
  }

  /** Sends at `rate` per minute for `duration` seconds (or until stop()), paced by the clock, not by replies. */
  async run(): Promise<SendResult[]> {
    const gapMs = 60_000 / this.opts.rate;
    const started = Date.now();
    const end = this.opts.duration > 0 ? started + this.opts.duration * 1000 : Infinity;
    const inFlight = new Set<Promise<unknown>>();
    for (let i = 0; !this.stopped; i++) {
      // Below one message a second, gaps are jittered like real customers; above, evenly paced.
      const at = started + i * gapMs + (gapMs >= 1000 ? (this.random() - 0.5) * gapMs : 0);
      if (at >= end) break;
      const wait = at - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const p = this.sendOne().catch((err: Error) => this.opts.log?.(`send failed: ${err.message}`));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(inFlight);
    this.elapsedMs = Date.now() - started;
    return this.results;
  }

  /** Wall time of the last run(), for rates. */
  elapsedMs = 0;

  stop(): void {
    this.stopped = true;
  }
}
