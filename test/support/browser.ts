import { join } from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDesk, type Desk } from './desk.js';

export const OUTPUT_DIR = join(import.meta.dirname, '../output');

/** Debian's Chromium, headless, with the flags this closed network needs (playwright gives it a fresh profile). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Logs in through the console's form and waits until its live connection is up. */
export async function signIn(page: Page, url: string, email: string, password = 'demo1234'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}

/** Registers hooks that boot the desk with its console and a Chromium for the enclosing describe. */
export function withConsole(): { readonly desk: Desk; readonly browser: Browser } {
  const env = {} as { desk: Desk; browser: Browser };
  beforeAll(async () => {
    env.desk = await startDesk({ console: true });
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.desk?.close();
  });
  return env;
}
