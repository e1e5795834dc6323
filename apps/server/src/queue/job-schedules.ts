import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { JobName, ScheduledJob, type JobPayloads, type ScheduledJobName } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RedisStatus } from '../redis/redis-status.service.js';

const DATA: { [N in ScheduledJobName]: JobPayloads[N] } = {
  [JobName.SlaReconcile]: {},
  [JobName.RoutingSweep]: {},
  [JobName.SupplierReminders]: {},
  [JobName.RetrainCauses]: { requestedBy: null },
  [JobName.GenerateReports]: {},
  [JobName.GuardActivate]: {},
};

/** The chores a new (or re-timed) schedule runs at once; the heavy ones (retraining, reports) wait one interval. */
const AT_ONCE: ReadonlySet<ScheduledJobName> = new Set([JobName.SlaReconcile, JobName.RoutingSweep, JobName.SupplierReminders, JobName.GuardActivate]);

/**
 * Every periodic task of the desk is a BullMQ job scheduler: one job per interval across all
 * workers, whichever takes it. Each worker upserts them at boot (a changed interval takes effect)
 * and again when Redis comes back, as Redis may come back empty. A new scheduler of a chore runs
 * at once (AT_ONCE); an existing one keeps its next run.
 * Redis can also lose them without going away (a FLUSHALL): each worker checks, as often as the
 * most frequent schedule runs, that every scheduler is still there, and sets it again if not.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private watch: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly redis: RedisStatus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.redis.onRecovered(() => void this.upsertAll().catch((err: Error) => this.logger.error(`schedules not set: ${err.message}`)));
    await this.upsertAll();
    this.watch = setInterval(() => void this.restoreMissing(), Math.min(...Object.values(this.everyMs())));
  }

  onApplicationShutdown(): void {
    clearInterval(this.watch);
  }

  /** The interval of each scheduled job, from the config. */
  everyMs(): Record<ScheduledJobName, number> {
    const c = this.config;
    return {
      [JobName.SlaReconcile]: c.slaReconcileMs,
      [JobName.RoutingSweep]: c.presenceHeartbeatMs,
      [JobName.SupplierReminders]: c.supplierSweepMs,
      [JobName.RetrainCauses]: c.classifierRetrainMs,
      [JobName.GenerateReports]: c.reportSweepMs,
      [JobName.GuardActivate]: c.guardSweepMs,
    };
  }

  private queueOf(name: ScheduledJobName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(ScheduledJob[name]), { strict: false });
  }

  private async upsert(name: ScheduledJobName): Promise<void> {
    const every = this.everyMs()[name];
    // startDate counts only for a new or re-timed scheduler (BullMQ keeps an existing one's next run).
    const start = AT_ONCE.has(name) ? {} : { startDate: Date.now() + every };
    await this.queueOf(name).upsertJobScheduler(name, { every, ...start }, { name, data: DATA[name], opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  private async upsertAll(): Promise<void> {
    for (const name of Object.keys(ScheduledJob) as ScheduledJobName[]) await this.upsert(name);
  }

  private async restoreMissing(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const name of Object.keys(ScheduledJob) as ScheduledJobName[]) {
        if (await this.queueOf(name).getJobScheduler(name)) continue;
        this.logger.warn(`job scheduler ${name} was gone from Redis: set again`);
        await this.upsert(name);
      }
    } catch {
      // Redis is away: the schedules are set again when it is back (onRecovered).
    } finally {
      this.checking = false;
    }
  }
}
