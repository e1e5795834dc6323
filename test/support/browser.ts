import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
