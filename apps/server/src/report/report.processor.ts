import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobName, QueueName } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RedisStatus } from '../redis/redis-status.service.js';
import { ReportService } from './report.service.js';

/**
 * Worker: a repeatable job (every REPORT_SWEEP_MS) makes each store's report of the week and the
 * month that just ended in the store's own timezone. Reports are keyed by store and period, so a
 * late, repeated or concurrent run makes each one once; a worker that was down catches up.
 */
@Processor(QueueName.Reports, { concurrency: 1 })
export class ReportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(
    private readonly reports: ReportService,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisStatus,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Redis may come back empty: the schedule is set again each time it returns.
    this.redis.onRecovered(() => void this.schedule().catch((err: Error) => this.logger.error(`report schedule not set: ${err.message}`)));
    await this.schedule();
  }

  private schedule() {
    return this.queue.upsertJobScheduler(JobName.GenerateReports, { every: this.config.reportSweepMs }, { name: JobName.GenerateReports, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  async process(job: Job): Promise<{ made: number }> {
    if (job.name !== JobName.GenerateReports) throw new Error(`unknown job ${job.name}`);
    const made = await this.reports.generateDue();
    if (made) this.logger.log(`${made} client reports generated`);
    return { made };
  }
}
