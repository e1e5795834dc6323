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
  /** The next nudge instant of a response wait. */
  nudgeAt?: Date | null;
}

/**
 * Nudges are many (a promotion day brings hundreds of waits a second, each nudged two or three times) and need
 * no more than this precision: their alarms ring per slot, the end of the slot holding the instant, and one
 * run nudges every wait then due.
 */
export const NUDGE_SLOT_MS = 100;
const nudgeSlot = (at: Date) => Math.ceil(at.getTime() / NUDGE_SLOT_MS) * NUDGE_SLOT_MS;

const JOB_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: true, attempts: 5, backoff: { type: 'exponential', delay: 500 } };

/** BullMQ delayed jobs that wake the worker at a timer's warning and due time, and at nudge slots: alarm clocks, not truth. */
@Injectable()
export class SlaAlarms {
  private readonly logger = new Logger(SlaAlarms.name);

  constructor(
    @InjectQueue(QueueName.Sla) private readonly queue: Queue,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** `timestamp` pins each job's fire time to `now + delay`, however long a large batch takes to add. */
  private jobsOf(t: Armable, now: number) {
    const jobs: { name: string; data: { timerId: string } | { slot: number }; opts: JobsOptions }[] = [];
    if (t.warnAt && !t.warnedAt)
      jobs.push({ name: JobName.SlaWarn, data: { timerId: t.id }, opts: { ...JOB_OPTIONS, jobId: JobId.slaAlarm(JobName.SlaWarn, t.id), timestamp: now, delay: Math.max(0, t.warnAt.getTime() - now) } });
    if (t.dueAt)
      jobs.push({ name: JobName.SlaBreach, data: { timerId: t.id }, opts: { ...JOB_OPTIONS, jobId: JobId.slaAlarm(JobName.SlaBreach, t.id), timestamp: now, delay: Math.max(0, t.dueAt.getTime() - now) } });
    if (t.nudgeAt) jobs.push(this.nudgeSlotJob(nudgeSlot(t.nudgeAt), now));
    return jobs;
  }

  private nudgeSlotJob(slot: number, now: number) {
    return { name: JobName.SlaNudge, data: { slot }, opts: { ...JOB_OPTIONS, jobId: JobId.slaNudgeSlot(slot), timestamp: now, delay: Math.max(0, slot - now) } };
  }

  /** Idempotent: a job id that exists already is left as it is. */
  async arm(timers: Armable[]): Promise<void> {
    const now = Date.now();
    await this.addAll(timers.flatMap((t) => this.jobsOf(t, now)));
  }

  /** One alarm per slot of the given nudge instants (idempotent, as `arm`). */
  async armNudgeSlots(instants: Date[]): Promise<void> {
    const now = Date.now();
    await this.addAll([...new Set(instants.map(nudgeSlot))].map((slot) => this.nudgeSlotJob(slot, now)));
  }

  /** The nudge instants whose slot has no alarm in Redis. */
  async unarmedNudgeSlots(instants: Date[]): Promise<Date[]> {
    const slots = [...new Set(instants.map(nudgeSlot))];
    const armed = await this.jobsExist(slots.map((slot) => JobId.slaNudgeSlot(slot)));
    const missing = new Set(slots.filter((_, i) => !armed[i]));
    return instants.filter((at) => missing.has(nudgeSlot(at)));
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
    const armed = await this.jobsExist(timers.flatMap((t) => [JobId.slaAlarm(JobName.SlaBreach, t.id), JobId.slaAlarm(JobName.SlaWarn, t.id)]));
    return timers.filter((t, j) => !armed[2 * j] || (t.warnAt && !t.warnedAt && !armed[2 * j + 1]));
  }

  /** Adds jobs a thousand at a time (one round trip each). */
  private async addAll(jobs: Parameters<Queue['addBulk']>[0]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 1000) await this.queue.addBulk(jobs.slice(i, i + 1000));
  }

  /** Whether each job id is in Redis, asked a thousand at a time (one pipeline each). */
  private async jobsExist(jobIds: string[]): Promise<boolean[]> {
    const found: boolean[] = [];
    for (let i = 0; i < jobIds.length; i += 1000) {
      const pipe = this.redis.pipeline();
      for (const id of jobIds.slice(i, i + 1000)) pipe.exists(this.queue.toKey(id));
      for (const [, n] of (await pipe.exec()) ?? []) found.push(n === 1);
    }
    return found;
  }
}
