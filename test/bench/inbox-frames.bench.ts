// The inbox with 2,000 conversations in Chromium: frame times while the agent scrolls through them and new customer
// messages arrive live (what froze the unvirtualised list every second). Prints p50/p95/p99/max frame time and the
// frames over 50 ms and 100 ms. BENCH_CONSOLE_DIST=<dir> measures another build of the console (say, an older one).
// Run: npm run bench -- inbox-frames (BENCH_CONVERSATIONS=2000, BENCH_SECONDS=12).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchChromium, signIn } from '../support/browser.js';
import { inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';
import { startDesk, type Desk } from '../support/desk.js';
import { benchEnvironment, fmt, percentile } from './support.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
/** How long loading may take: a console that cannot load them all in time is measured with what it loaded. */
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 300);

describe('inbox frame times', () => {
  let env: Awaited<ReturnType<typeof benchEnvironment>>;
  let desk: Desk;
  let browser: Browser;

  beforeAll(async () => {
    env = await benchEnvironment('inbox');
    desk = await startDesk({ console: true, env: process.env.BENCH_CONSOLE_DIST ? { CONSOLE_DIST: process.env.BENCH_CONSOLE_DIST } : {} });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    await env?.drop();
  });

  it(`scrolls ${CONVERSATIONS} conversations while messages arrive`, async () => {
    const admin = await login(desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(desk.url, admin, 'Frames', { businessHours: null });
    const started = Date.now();
    const buyers = Array.from({ length: CONVERSATIONS }, (_, i) => `frames-${i}`);
    for (let i = 0; i < buyers.length; i += 10) {
      await Promise.all(buyers.slice(i, i + 10).map((b, j) => signedInbound(desk.url, s.channel, inboundBody(`第 ${i + j} 位顾客:订单 ${2026000000 + i + j} 什么时候发货?`, b))));
    }
    console.log(`seeded ${CONVERSATIONS} conversations in ${fmt((Date.now() - started) / 1000, 1)} s`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, desk.url, 'admin@demo.kefu');
    await page.getByTestId('view-all').click();
    const list = page.getByTestId('inbox-list');
    await list.locator('[data-testid="inbox-item"]').first().waitFor();

    // Load everything: by scrolling (a virtualised list loads as it moves) or, for a console without it, its button.
    const loaded = () => page.evaluate(() => Number(document.querySelector('[data-testid="inbox-list"]')?.getAttribute('data-loaded') ?? document.querySelectorAll('[data-testid="inbox-item"]').length));
    const loadStart = Date.now();
    while ((await loaded()) < CONVERSATIONS && Date.now() - loadStart < LOAD_SECONDS * 1000) {
      const more = page.getByTestId('load-more');
      if ((await more.count()) > 0 && (await more.isEnabled())) await more.click().catch(() => undefined);
      await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(150);
    }
    const rows = await loaded();
    console.log(`loaded ${rows} rows in ${fmt((Date.now() - loadStart) / 1000, 1)} s; ${await page.locator('[data-testid="inbox-item"]').count()} in the page`);
    expect(rows).toBeGreaterThan(0);

    // Measure: every animation frame's interval while the list scrolls up and down and live messages arrive.
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; stop_: boolean };
      w.frames_ = [];
      w.stop_ = false;
      let last = performance.now();
      const tick = (t: number) => {
        w.frames_.push(t - last);
        last = t;
        if (!w.stop_) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const end = Date.now() + SECONDS * 1000;
    let sent = 0;
    await list.hover();
    while (Date.now() < end) {
      await page.mouse.wheel(0, (Math.floor((Date.now() / 2000) % 2) === 0 ? 1 : -1) * 900);
      if (sent < SECONDS * 2) void signedInbound(desk.url, s.channel, inboundBody(`还在吗 ${randomUUID().slice(0, 4)}`, buyers[(sent * 97) % buyers.length])).then(() => sent);
      sent++;
      await page.waitForTimeout(100);
    }
    const frames = await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; stop_: boolean };
      w.stop_ = true;
      return w.frames_.slice(1);
    });
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(
      `${frames.length} frames over ${SECONDS} s: p50 ${fmt(percentile(sorted, 0.5), 1)} ms, p95 ${fmt(percentile(sorted, 0.95), 1)} ms, p99 ${fmt(percentile(sorted, 0.99), 1)} ms, ` +
        `max ${fmt(sorted.at(-1) ?? NaN, 1)} ms; ${frames.filter((f) => f > 50).length} frames > 50 ms, ${frames.filter((f) => f > 100).length} > 100 ms`,
    );
    await context.close();
  });
});
