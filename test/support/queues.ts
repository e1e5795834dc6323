// Waiting for the desk's background work by its state, not by the clock.
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName, type JobName } from '@kefu/contracts';

type Source = INestApplicationContext | Queue[];
const queuesOf = (source: Source) => (Array.isArray(source) ? source : Object.values(QueueName).map((name) => source.get<Queue>(getQueueToken(name), { strict: false })));

/** The desk's queues on a Redis of its own (a private Redis with the desk's prefix); close them after use. */
export const queuesAt = (redisUrl: string, prefix: string) => Object.values(QueueName).map((name) => new Queue(name, { connection: { url: redisUrl }, prefix: `${prefix}:bull` }));

/** Resolves once a run of the scheduled job `name` that started after `since` has finished. */
export async function scheduledRunAfter(source: Source, name: JobName, since: number, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const done = await Promise.all(queuesOf(source).map((q) => q.getCompleted(0, 50)));
    if (done.flat().some((j) => j.name === name && (j.processedOn ?? 0) > since)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for a run of ${name}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Jobs of `queue` that are waiting, running, retrying, or delayed but already due (a scheduler's
 * next run is not). A running job without its lock is not counted: its worker is gone (a test
 * killed it, the run's Redis outlives each file) and BullMQ hands it on only after its stall check.
 */
async function pending(queue: Queue, now: number, redis: Redis): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children', 'delayed');
  let n = counts.waiting + counts.prioritized + counts['waiting-children'];
  if (counts.active > 0) {
    const locks = await Promise.all((await queue.getActive()).map((job) => redis.exists(`${queue.toKey(job.id!)}:lock`)));
    n += locks.filter((held) => held === 1).length;
  }
  if (counts.delayed > 0) n += (await queue.getDelayed()).filter((job) => job.attemptsMade > 0 || job.timestamp + (job.delay ?? 0) <= now).length;
  return n;
}

/**
 * Resolves once no queue of the desk has a job waiting, running, retrying or due, twice in a row 20 ms
 * apart: a handler has committed its work before its job completes, and a job it adds is waiting
 * before it completes, so the work the jobs started is done. Future delayed jobs (a grace period,
 * an SLA alarm, a scheduler's next run) are not waited for.
 */
export async function drainQueues(source: Source, ms = 15_000): Promise<void> {
  const queues = queuesOf(source);
  const redis = new Redis((queues[0].opts.connection as { url?: string }).url ?? process.env.REDIS_URL!);
  try {
    const end = Date.now() + ms;
    let quiet = 0;
    while (quiet < 2) {
      const now = Date.now();
      const busy = (await Promise.all(queues.map((q) => pending(q, now, redis)))).reduce((a, b) => a + b, 0);
      quiet = busy === 0 ? quiet + 1 : 0;
      if (Date.now() > end) throw new Error(`timed out draining the desk's queues (${busy} jobs pending)`);
      if (quiet < 2) await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    redis.disconnect();
  }
}

/** Resolves once `n` BullMQ workers (of worker processes or apps) listen on every queue of the desk. */
export async function waitForWorkers(source: Source, n: number, ms = 30_000): Promise<void> {
  const queues = queuesOf(source);
  const end = Date.now() + ms;
  for (;;) {
    const counts = await Promise.all(queues.map((q) => q.getWorkersCount()));
    if (counts.every((c) => c >= n)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${n} workers (${counts.join(', ')})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
