import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName, ScheduledJob } from '@kefu/contracts';
import { createWorker } from '../../apps/server/src/bootstrap.js';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { sleep } from '../support/client.js';
import { scheduledRunAfter, waitForWorkers } from '../support/queues.js';

const EVERY_MS = 400;

describe('periodic work across workers', () => {
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    // Two workers of one desk, each with its own connections, on a Redis prefix of their own (so
    // no schedule left by another test file counts here).
    const config = loadConfig({ ...process.env, REDIS_PREFIX: `${process.env.REDIS_PREFIX}:two-workers`, LOG_LEVEL: 'silent', DEMO_HISTORY: 'false', SLA_RECONCILE_MS: String(EVERY_MS) });
    workers.push(await createWorker(config), await createWorker(config));
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
  });

  it('runs each scheduled task once per interval, not once per worker', async () => {
    const sla = workers[0].get<Queue>(getQueueToken(QueueName.Sla), { strict: false });
    await waitForWorkers(workers[0], 2);
    // Every periodic task is a job scheduler.
    for (const [name, queue] of Object.entries(ScheduledJob))
      expect(await workers[0].get<Queue>(getQueueToken(queue), { strict: false }).getJobScheduler(name)).toMatchObject({ name });
    const from = Date.now();
    await sleep(6 * EVERY_MS); // the scenario: six intervals pass
    const to = Date.now();
    await scheduledRunAfter(workers[0], JobName.SlaReconcile, to); // the window's last run has finished
    const reconciles = (await sla.getCompleted(0, 500)).filter((j) => j.name === JobName.SlaReconcile);
    // A scheduler's job id names its slot (`repeat:<scheduler>:<due ms>`): the runs whose slot fell in the window.
    const slotOf = (id: string) => Number(id.split(':').pop());
    const runs = reconciles.filter((j) => slotOf(j.id!) >= from && slotOf(j.id!) < to);
    // At most one run per interval (a slot may fall either side of the window's ends): twelve or so if each
    // worker ran its own. A loaded machine may start a run late, never twice.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(7);
    expect(new Set(reconciles.map((j) => j.id)).size).toBe(reconciles.length);
  });
});
