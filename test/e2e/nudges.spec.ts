import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';
import { recordNotifications, recorded } from '../support/notifications.js';

const DIR = join(OUTPUT_DIR, 'nudges');
/** The platform rule of these tests: a 3-second limit, nudges 1 and 2 seconds into the wait. */
const FAST_RULE = { seconds: 3, window: null, nudgeSeconds: [1, 2] };
const VIEWPORT = { width: 1440, height: 900 };

describe('platform response nudges in Chromium', () => {
  const env = withConsole();

  /** A store of its own on the fast rule, with an agent. */
  async function fastStore(name: string) {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, name, { businessHours: null });
    const patched = await http(env.desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { responseRule: FAST_RULE } });
    expect(patched.status).toBe(200);
    expect(patched.body.responseRule).toEqual(FAST_RULE);
    return { admin, ...s };
  }

  const customerWrites = async (channel: { id: string; secret: string }, text: string) =>
    (await signedInbound(env.desk.url, channel, inboundBody(text, `nudge-${randomUUID().slice(0, 6)}`))).body.conversationId as string;

  const row = (page: Page, conversationId: string) => page.locator(`[data-testid="inbox-item"][data-conversation-id="${conversationId}"]`);

  it.each([
    ['en-US', 'Waiting', 'the platform counts a reply within 3 s'],
    ['zh-CN', '客户已等待', '平台考核 3 秒内回复'],
  ])('shows the nudge on the waiting chat’s row and header, notifies the agent, and clears it at the reply (%s)', async (locale, waiting, limit) => {
    mkdirSync(DIR, { recursive: true });
    const s = await fastStore('Nudge');
    const context = await env.browser.newContext({ viewport: VIEWPORT, locale });
    await recordNotifications(context, 'granted');
    const page = await context.newPage();
    await signIn(page, env.desk.url, s.agent.email, 'agent-pass-1');
    await page.locator('[data-testid="status-switch"][data-presence="online"]').waitFor();
    // Agents hear nudges unless they mute them.
    await expect(page.getByTestId('notify-nudges-mute').getAttribute('aria-pressed')).resolves.toBe('false');

    const id = await customerWrites(s.channel, locale === 'en-US' ? 'Is this in stock?' : '这个有货吗？');
    await waitFor(async () => ((await http(env.desk.url, 'GET', `/api/conversations/${id}`, { token: s.admin })).body.assigneeId === s.agent.id ? true : undefined), 5000, 'chat assigned to the agent');
    const pill = row(page, id).getByTestId('inbox-item-nudge');
    await pill.waitFor({ timeout: 5000 });
    expect(await row(page, id).getAttribute('data-nudged')).toBe('true');
    await expect(pill.textContent()).resolves.toMatch(/^\d+\/3 (s|秒)$/);

    await row(page, id).click();
    const strip = page.getByTestId('conversation-nudge');
    await strip.waitFor({ timeout: 5000 });
    await expect(strip.textContent()).resolves.toContain(waiting);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(DIR, `nudged-chat-first-${locale.slice(0, 2)}.png`) });
    // Near the limit (and past it) the marker turns red, on the row and in the header.
    await page.locator('[data-testid="conversation-nudge"][data-nudge-level="red"]').waitFor({ timeout: 5000 });
    await row(page, id).locator('[data-testid="inbox-item-nudge"][data-nudge-level="red"]').waitFor({ timeout: 5000 });
    await expect(strip.textContent()).resolves.toMatch(new RegExp(`${limit}|${locale === 'en-US' ? 'past the platform’s 3 s limit' : '已超过平台考核的 3 秒'}`));

    const notices = await waitFor(async () => {
      const found = (await recorded(page)).notifications.filter((n) => n.tag === `nudge:${id}`);
      return found.length ? found : undefined;
    }, 5000, 'nudge notification');
    expect(notices[0].title).toBe(locale === 'en-US' ? 'Customer waiting' : '顾客等待中');
    expect(notices[0].body).toContain(s.store.name);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(DIR, `nudged-chat-${locale.slice(0, 2)}.png`) });

    await page.getByTestId('reply-input').fill(locale === 'en-US' ? 'Yes, it ships today.' : '有货，今天发货。');
    await page.getByTestId('reply-input').press('Enter');
    await strip.waitFor({ state: 'detached', timeout: 5000 });
    await pill.waitFor({ state: 'detached', timeout: 5000 });
    expect(await row(page, id).getAttribute('data-nudged')).toBeNull();
    expect((await http(env.desk.url, 'GET', `/api/conversations/${id}`, { token: s.admin })).body.awaitingReplySince).toBeNull();

    // An open chat reloaded shows the nudge its timers know (the live event came before the page).
    const next = await customerWrites(s.channel, locale === 'en-US' ? 'Another question' : '还有个问题');
    await row(page, next).getByTestId('inbox-item-nudge').waitFor({ timeout: 5000 });
    await page.evaluate((c) => (window.location.hash = `#/c/${c}`), next);
    await page.reload();
    await page.getByTestId('conversation-nudge').waitFor({ timeout: 10000 });
    await row(page, next).getByTestId('inbox-item-nudge').waitFor({ timeout: 5000 });
    await context.close();
  });

  it('lets a supervisor see every store’s nudges, silent until they turn nudges on', async () => {
    const s = await fastStore('Lead nudge');
    const context = await env.browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    await recordNotifications(context, 'granted');
    const page = await context.newPage();
    await signIn(page, env.desk.url, 'supervisor@demo.kefu');
    const nudgesMute = page.getByTestId('notify-nudges-mute');
    await expect(nudgesMute.getAttribute('aria-pressed')).resolves.toBe('true');

    // Nobody serves the store right now: the chat waits unassigned, and its nudges reach the leads.
    const first = await customerWrites(s.channel, 'Hello, anyone?');
    await row(page, first).locator('[data-testid="inbox-item-nudge"][data-nudge-level="red"]').waitFor({ timeout: 8000 });
    // The marker and a notification come from the same event: once the red one shows, none was made.
    expect((await recorded(page)).notifications.filter((n) => n.tag.startsWith('nudge:'))).toEqual([]);

    await nudgesMute.click();
    await expect(nudgesMute.getAttribute('aria-pressed')).resolves.toBe('false');
    const second = await customerWrites(s.channel, 'Still there?');
    await waitFor(async () => (await recorded(page)).notifications.find((n) => n.tag === `nudge:${second}`), 8000, 'nudge notification once turned on');
    // The choice is remembered across a reload.
    await page.reload();
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
    await expect(page.getByTestId('notify-nudges-mute').getAttribute('aria-pressed')).resolves.toBe('false');
    await context.close();
  });

  it('edits the store’s response rule and exemption periods, shows the server’s field errors at their field, and goes back to the platform default', async () => {
    mkdirSync(DIR, { recursive: true });
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'Rule editor', { businessHours: null });
    const store = `/api/stores/${s.store.id}`;
    const open = async (locale: string) => {
      const context = await env.browser.newContext({ viewport: VIEWPORT, locale });
      const page = await context.newPage();
      await signIn(page, env.desk.url, 'admin@demo.kefu');
      await page.evaluate((h) => (window.location.hash = h), `#/admin/stores/${s.store.id}`);
      await page.getByTestId('store-form').waitFor({ timeout: 15000 });
      return page;
    };
    const shot = async (page: Page, name: string) => {
      await page.getByTestId('response-section').evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(DIR, `${name}.png`) });
    };
    const page = await open('en-US');
    const section = page.getByTestId('response-section');
    await expect(section.getByTestId('rule-default').textContent()).resolves.toBe('Taobao default: reply within 180 s, counted all day, nudges at 60, 100, 150 s.');
    await section.getByTestId('rule-follows-default').waitFor();
    await shot(page, 'store-rule-default-en');

    // A rule of its own starts from the default, the focus on its first field.
    await section.getByTestId('rule-customize').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'rule-seconds');
    await expect(section.getByTestId('rule-seconds').inputValue()).resolves.toBe('180');
    await section.getByTestId('rule-seconds').fill('3');
    await section.getByTestId('rule-all-day').uncheck();
    await section.getByTestId('rule-start').fill('22:00');
    await section.getByTestId('rule-end').fill('02:00');
    await section.getByTestId('rule-nudge-0').fill('1');
    await section.getByTestId('rule-nudge-1').fill('2');
    await section.getByRole('button', { name: 'Remove nudge 3' }).click();
    await section.getByTestId('exemption-add').click();
    await section.getByTestId('exemption-start-0').fill('2027-02-05');
    await section.getByTestId('exemption-end-0').fill('2027-02-12');
    await section.getByTestId('exemption-reason-0').fill('Spring Festival');

    // The server's refusal of a field (its real answer to that value) shows at that field.
    const refused = await http(env.desk.url, 'PATCH', store, { token: admin, body: { responseRule: { nudgeSeconds: [1, 0] } } });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fields)).toEqual(['responseRule.nudgeSeconds.1']);
    await page.route(`**${store}`, (route) => (route.request().method() === 'PATCH' ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify(refused.body) }) : route.fallback()), { times: 1 });
    await page.getByTestId('store-save').click();
    await expect(page.getByTestId('store-notice').textContent()).resolves.toBe('Some values need a fix: see the fields marked in red.');
    await expect(section.getByTestId('rule-nudge-1').getAttribute('aria-invalid')).resolves.toBe('true');
    await section.locator('.rule-nudge', { has: page.getByTestId('rule-nudge-1') }).getByRole('alert').waitFor();
    expect(await section.getByTestId('rule-nudge-0').getAttribute('aria-invalid')).toBe('false');

    // A value the contract refuses is said at its field before anything is sent.
    await section.getByTestId('rule-end').fill('22:00');
    await page.getByTestId('store-save').click();
    await expect(section.locator('.rule-window').getByRole('alert').textContent()).resolves.toBe('Must differ from the start (or count all day).');
    await section.getByTestId('rule-end').fill('02:00');

    await page.getByTestId('store-save').click();
    await expect(page.getByTestId('store-notice').textContent()).resolves.toBe('Saved.');
    const saved = (await http(env.desk.url, 'GET', store, { token: admin })).body;
    expect(saved.responseRule).toEqual({ seconds: 3, window: { start: '22:00', end: '02:00' }, nudgeSeconds: [1, 2] });
    expect(saved.responseExemptions).toEqual([{ start: '2027-02-05', end: '2027-02-12', reason: 'Spring Festival' }]);
    await section.getByTestId('rule-own').waitFor();
    await shot(page, 'store-rule-own-en');

    const zh = await open('zh-CN');
    await expect(zh.getByTestId('rule-default').textContent()).resolves.toBe('淘宝默认规则：180 秒内回复，全天考核，第 60、100、150 秒提醒。');
    await expect(zh.getByTestId('rule-seconds').inputValue()).resolves.toBe('3');
    await shot(zh, 'store-rule-own-zh');
    await zh.context().close();

    // Back to the platform's default: the store follows it (null sent), exemptions kept.
    await section.getByTestId('rule-use-default').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'rule-customize');
    await page.getByTestId('store-save').click();
    await expect(page.getByTestId('store-notice').textContent()).resolves.toBe('Saved.');
    const back = (await http(env.desk.url, 'GET', store, { token: admin })).body;
    expect(back.responseRule).toEqual({ seconds: 180, window: null, nudgeSeconds: [60, 100, 150] });
    expect(back.responseExemptions).toHaveLength(1);
    await section.getByTestId('rule-follows-default').waitFor();
    await page.context().close();
  });
});
