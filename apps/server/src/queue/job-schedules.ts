import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { JobName, ScheduledJob, type JobPayloads, type ScheduledJobName } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RedisStatus } from '../redis/redis-status.service.js';

interface Schedule<N extends ScheduledJobName> {
  every: (config: AppConfig) => number;
  data: JobPayloads[N];
  /** A new (or re-timed) schedule of a chore runs at once; the heavy ones (retraining, reports) wait one interval. */
  atOnce: boolean;
}

/** Every scheduled job: its interval (from the config), its data, and when a new schedule first runs. Queues: ScheduledJob. */
const SCHEDULES: { [N in ScheduledJobName]: Schedule<N> } = {
  [JobName.SlaReconcile]: { every: (c) => c.slaReconcileMs, data: {}, atOnce: true },
  [JobName.RoutingSweep]: { every: (c) => c.presenceHeartbeatMs, data: {}, atOnce: true },
  [JobName.SupplierReminders]: { every: (c) => c.supplierSweepMs, data: {}, atOnce: true },
  [JobName.GuardActivate]: { every: (c) => c.guardSweepMs, data: {}, atOnce: true },
  [JobName.RetrainCauses]: { every: (c) => c.classifierRetrainMs, data: { requestedBy: null }, atOnce: false },
  [JobName.GenerateReports]: { every: (c) => c.reportSweepMs, data: {}, atOnce: false },
  // Monthly documents, on the reports' interval.
  [JobName.FreezeStatements]: { every: (c) => c.reportSweepMs, data: {}, atOnce: false },
};
const NAMES = Object.keys(SCHEDULES) as ScheduledJobName[];

/**
 * Every periodic task of the desk is a BullMQ job scheduler: one job per interval across all
 * workers, whichever takes it. Each worker upserts them at boot (a changed interval takes effect)
 * and again when Redis comes back, as Redis may come back empty. A new scheduler of a chore runs
 * at once (`atOnce`); an existing one keeps its next run.
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
    this.watch = setInterval(() => void this.restoreMissing(), Math.min(...NAMES.map((name) => SCHEDULES[name].every(this.config))));
  }

  onApplicationShutdown(): void {
    clearInterval(this.watch);
  }

  private queueOf(name: ScheduledJobName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(ScheduledJob[name]), { strict: false });
  }

  private async upsert(name: ScheduledJobName): Promise<void> {
    const { every: everyOf, data, atOnce } = SCHEDULES[name];
    const every = everyOf(this.config);
    // startDate counts only for a new or re-timed scheduler (BullMQ keeps an existing one's next run).
    const start = atOnce ? {} : { startDate: Date.now() + every };
    await this.queueOf(name).upsertJobScheduler(name, { every, ...start }, { name, data, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  private async upsertAll(): Promise<void> {
    for (const name of NAMES) await this.upsert(name);
  }

  private async restoreMissing(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const name of NAMES) {
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
