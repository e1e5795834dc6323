import type { BrowserContext, Page } from 'playwright-core';

export interface RecordedNotifications {
  notifications: { title: string; body: string; tag: string }[];
  tones: number;
  asked: number;
}

/** Records the desktop notifications, the tones and the permission requests of the context's pages (the real APIs, observed). */
export async function recordNotifications(context: BrowserContext, permission: 'granted' | 'default'): Promise<void> {
  await context.addInitScript((initial: string) => {
    const log = { notifications: [] as { title: string; body: string; tag: string }[], tones: 0, asked: 0 };
    (window as unknown as { __notify: typeof log }).__notify = log;
    // The answer survives a reload of the tab, as the browser's would.
    let state = (sessionStorage.getItem('test.permission') ?? initial) as NotificationPermission;
    class Recording {
      static get permission() {
        return state;
      }
      static requestPermission() {
        log.asked++;
        state = 'granted';
        sessionStorage.setItem('test.permission', state);
        return Promise.resolve(state);
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        log.notifications.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = Recording;
    const Real = window.AudioContext;
    window.AudioContext = class extends Real {
      createOscillator() {
        log.tones++;
        return super.createOscillator();
      }
    };
  }, permission);
}

export const recorded = (page: Page): Promise<RecordedNotifications> => page.evaluate(() => (window as unknown as { __notify: RecordedNotifications }).__notify);
