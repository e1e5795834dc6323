import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumOptions } from './chromium.js';
import { startDesk, type Desk } from './desk.js';

export const OUTPUT_DIR = join(import.meta.dirname, '../output');

/**
 * The run's Chromium (started once by global-setup.js; each test file connects, and its close()
 * drops only that file's contexts), or one of its own when run without the global setup.
 */
export function launchChromium(): Promise<Browser> {
  const shared = process.env.KEFU_BROWSER_WS;
  return shared ? chromium.connect(shared) : chromium.launch(chromiumOptions());
}

/** Logs in through the console's form and waits until its live connection is up. */
export async function signIn(page: Page, url: string, email: string, password = 'demo1234'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}

/**
 * Collects every Content-Security-Policy violation in the browser's pages: the
 * `securitypolicyviolation` events of each document and the console errors Chromium writes for them.
 */
export class CspWatch {
  readonly violations: string[] = [];

  /** The browser with every new context (and page) watched. */
  watch(browser: Browser): Browser {
    const newContext = browser.newContext.bind(browser);
    const watched = async (options?: Parameters<Browser['newContext']>[0]) => this.instrument(await newContext(options));
    return new Proxy(browser, {
      get: (target, prop) => {
        if (prop === 'newContext') return watched;
        // A page of its own context, closed with it (what Browser.newPage does).
        if (prop === 'newPage')
          return async (options?: Parameters<Browser['newPage']>[0]) => {
            const context = await watched(options);
            const page = await context.newPage();
            // When the whole browser closes, the context goes with it: nothing left to close.
            page.once('close', () => void context.close().catch(() => undefined));
            return page;
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** The violations seen since the last call. */
  take(): string[] {
    return this.violations.splice(0);
  }

  private async instrument(context: BrowserContext): Promise<BrowserContext> {
    await context.exposeBinding('__kefuCspViolation', (_source, text: string) => void this.violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __kefuCspViolation(text: string): void }).__kefuCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    context.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) this.violations.push(msg.text());
    });
    return context;
  }
}

/**
 * Registers hooks that boot the desk with its console and a Chromium for the enclosing describe.
 * Every test must leave no Content-Security-Policy violation behind (`csp.take()` clears those a
 * test provoked on purpose).
 */
export function withConsole(): { readonly desk: Desk; readonly browser: Browser; readonly csp: CspWatch } {
  const env = { csp: new CspWatch() } as { desk: Desk; browser: Browser; csp: CspWatch };
  beforeAll(async () => {
    env.desk = await startDesk({ console: true });
    env.browser = env.csp.watch(await launchChromium());
  });
  afterEach(() => {
    expect(env.csp.take()).toEqual([]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.desk?.close();
  });
  return env;
}
