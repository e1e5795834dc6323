import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { JobsOptions, Queue } from 'bullmq';
import { JobId, JobName, QueueName } from '@kefu/contracts';
import { REDIS } from '../redis/redis.module.js';
import { deferred } from '../redis/redis-errors.js';

export interface Armable {
  id: string;
  warnAt: Date | null;
  warnedAt: Date | null;
  dueAt: Date | null;
  /** The next nudge of a response wait, and how many fired before it. */
  nudgeAt?: Date | null;
  nudged?: number;
}

export type NudgeArmable = Pick<Armable, 'id'> & { nudgeAt: Date | null; nudged: number };

const JOB_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: true, attempts: 5, backoff: { type: 'exponential', delay: 500 } };

/** BullMQ delayed jobs that wake the worker at a timer's warning and due time: alarm clocks, not truth. */
@Injectable()
export class SlaAlarms {
  private readonly logger = new Logger(SlaAlarms.name);

  constructor(
    @InjectQueue(QueueName.Sla) private readonly queue: Queue,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** `timestamp` pins each job's fire time to `now + delay`, however long a large batch takes to add. */
  private jobsOf(t: Armable, now: number) {
    const jobs: { name: string; data: { timerId: string }; opts: JobsOptions }[] = [];
    if (t.warnAt && !t.warnedAt)
      jobs.push({ name: JobName.SlaWarn, data: { timerId: t.id }, opts: { ...JOB_OPTIONS, jobId: JobId.slaAlarm(JobName.SlaWarn, t.id), timestamp: now, delay: Math.max(0, t.warnAt.getTime() - now) } });
    if (t.dueAt)
      jobs.push({ name: JobName.SlaBreach, data: { timerId: t.id }, opts: { ...JOB_OPTIONS, jobId: JobId.slaAlarm(JobName.SlaBreach, t.id), timestamp: now, delay: Math.max(0, t.dueAt.getTime() - now) } });
    if (t.nudgeAt) jobs.push(this.nudgeJob({ id: t.id, nudgeAt: t.nudgeAt, nudged: t.nudged ?? 0 }, now));
    return jobs;
  }

  private nudgeJob(t: NudgeArmable, now: number) {
    const index = t.nudged;
    return { name: JobName.SlaNudge, data: { timerId: t.id, index }, opts: { ...JOB_OPTIONS, jobId: JobId.slaNudge(t.id, index), timestamp: now, delay: Math.max(0, t.nudgeAt!.getTime() - now) } };
  }

  /** The next nudge of each wait (idempotent, as `arm`). */
  async armNudges(timers: NudgeArmable[]): Promise<void> {
    const now = Date.now();
    const jobs = timers.filter((t) => t.nudgeAt).map((t) => this.nudgeJob(t, now));
    for (let i = 0; i < jobs.length; i += 1000) await this.queue.addBulk(jobs.slice(i, i + 1000));
  }

  /** The waits whose next nudge alarm is missing from Redis. */
  async unarmedNudges(timers: NudgeArmable[]): Promise<NudgeArmable[]> {
    const missing: NudgeArmable[] = [];
    for (let i = 0; i < timers.length; i += 1000) {
      const chunk = timers.slice(i, i + 1000);
      const pipe = this.redis.pipeline();
      for (const t of chunk) pipe.exists(this.queue.toKey(JobId.slaNudge(t.id, t.nudged)));
      const answers = (await pipe.exec()) ?? [];
      chunk.forEach((t, j) => answers[j]?.[1] !== 1 && missing.push(t));
    }
    return missing;
  }

  /** Idempotent: a job id that exists already is left as it is. */
  async arm(timers: Armable[]): Promise<void> {
    const now = Date.now();
    const jobs = timers.flatMap((t) => this.jobsOf(t, now));
    for (let i = 0; i < jobs.length; i += 1000) await this.queue.addBulk(jobs.slice(i, i + 1000));
  }

  /** Best effort: a job left behind finds its timer no longer running and does nothing. */
  async disarm(timerIds: string[]): Promise<void> {
    await Promise.all(
      timerIds.flatMap((id) => [JobId.slaAlarm(JobName.SlaWarn, id), JobId.slaAlarm(JobName.SlaBreach, id)]).map((jobId) =>
        this.queue.remove(jobId).catch(deferred(this.logger, `could not remove ${jobId}`)),
      ),
    );
  }

  /** The timers whose breach alarm (or pending warning alarm) is missing from Redis. */
  async unarmed(timers: Armable[]): Promise<Armable[]> {
    const missing: Armable[] = [];
    for (let i = 0; i < timers.length; i += 1000) {
      const chunk = timers.slice(i, i + 1000);
      const pipe = this.redis.pipeline();
      for (const t of chunk) {
        pipe.exists(this.queue.toKey(JobId.slaAlarm(JobName.SlaBreach, t.id)));
        pipe.exists(this.queue.toKey(JobId.slaAlarm(JobName.SlaWarn, t.id)));
      }
      const answers = (await pipe.exec()) ?? [];
      chunk.forEach((t, j) => {
        const breachArmed = answers[2 * j]?.[1] === 1;
        const warnArmed = answers[2 * j + 1]?.[1] === 1;
        if (!breachArmed || (t.warnAt && !t.warnedAt && !warnArmed)) missing.push(t);
      });
    }
    return missing;
  }
}
