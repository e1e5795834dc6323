// The console through a Redis outage (issue 14): on a private PostgreSQL and Redis, with the api
// and worker as processes. A message that arrives while Redis is down cannot be published live;
// once Redis is back (empty) the api drops the console's connection, the console reconnects by
// itself, refetches its inbox (so that message appears) and gets live messages again — no reload.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_STORES } from '../../apps/server/src/seed/demo-data.js';
import { loadChannels } from '../../apps/simulator/src/channels.js';
import { launchChromium, OUTPUT_DIR, signIn } from '../support/browser.js';
import { inboundBody, signedInbound } from '../support/client.js';
import { sleep, startRig, type Rig } from '../support/fault-rig.js';

describe('console through a Redis outage', () => {
  let rig: Rig;
  let browser: Browser;

  beforeAll(async () => {
    rig = await startRig({ CONSOLE_DIST: join(import.meta.dirname, '../../apps/console/dist') });
    rig.spawn('api', 'main.js');
    const worker = rig.spawn('worker', 'worker.js');
    await rig.waitHealthy();
    await rig.waitOutput(worker, 'kefu worker: processing queues');
    await rig.waitCauseModel();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  it('shows what arrived during the outage after reconnecting by itself, then live messages again', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, rig.url, 'agent1@demo.kefu');
    await page.getByTestId('inbox-list').waitFor();
    const [channel] = (await loadChannels(rig.databaseUrl)).filter((c) => c.storeName === DEMO_STORES[3].name);
    const row = (text: string) => page.getByTestId('inbox-item').filter({ hasText: text });
    const status = page.getByTestId('connection-status');
    const tag = Date.now() % 100000;

    mkdirSync(OUTPUT_DIR, { recursive: true });
    const failed = (err: Error) => page.screenshot({ path: join(OUTPUT_DIR, 'faults-failed.png') }).then(() => Promise.reject(err));

    const before = `发货了吗 #${tag}-1`;
    expect((await signedInbound(rig.url, channel, inboundBody(before, `e2e-fault-1-${tag}`))).status).toBe(202);
    await row(before).waitFor({ timeout: 10_000 }).catch(failed);

    await rig.redis.stop();
    const during = `还在吗 #${tag}-2`;
    expect((await signedInbound(rig.url, channel, inboundBody(during, `e2e-fault-2-${tag}`))).status).toBe(202);
    await sleep(1000); // the scenario: Redis stays away a while
    expect(await row(during).count()).toBe(0); // its live event could not be published
    await rig.redis.start(); // empty

    await row(during).waitFor({ timeout: 15_000 }).catch(failed); // refetched after the reconnect, no reload
    await expect(status.getAttribute('data-state')).resolves.toBe('connected');
    const after = `收到了 #${tag}-3`;
    expect((await signedInbound(rig.url, channel, inboundBody(after, `e2e-fault-3-${tag}`))).status).toBe(202);
    await row(after).waitFor({ timeout: 10_000 }).catch(failed);
    await page.screenshot({ path: join(OUTPUT_DIR, 'faults-after-redis-outage.png') });
  }, 90_000);
});
