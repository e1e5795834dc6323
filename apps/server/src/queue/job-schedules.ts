import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
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
};

/**
 * Every periodic task of the desk is a BullMQ job scheduler: one job per interval across all
 * workers, whichever takes it. Each worker upserts them at boot (a changed interval takes effect)
 * and again when Redis comes back, as Redis may come back empty. A new scheduler runs at once.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly redis: RedisStatus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.redis.onRecovered(() => void this.upsertAll().catch((err: Error) => this.logger.error(`schedules not set: ${err.message}`)));
    await this.upsertAll();
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
    };
  }

  private async upsertAll(): Promise<void> {
    const every = this.everyMs();
    for (const name of Object.keys(ScheduledJob) as ScheduledJobName[]) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(ScheduledJob[name]), { strict: false });
      await queue.upsertJobScheduler(name, { every: every[name] }, { name, data: DATA[name], opts: { removeOnComplete: 100, removeOnFail: 100 } });
    }
  }
}
