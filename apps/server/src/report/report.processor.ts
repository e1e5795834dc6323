import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';
import { ReportService } from './report.service.js';

/**
 * Worker: a scheduled job (every REPORT_SWEEP_MS, see queue/job-schedules.ts) makes each store's
 * report of the week and the month that just ended in the store's own timezone. Reports are keyed
 * by store and period, so a late, repeated or concurrent run makes each one once; a worker that was
 * down catches up.
 */
@Processor(QueueName.Reports, { concurrency: 1 })
export class ReportProcessor extends JobHost {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(private readonly reports: ReportService) {
    super();
  }

  /** One sweep, now (the scheduled job; tests call it directly). */
  @JobHandler(JobName.GenerateReports)
  async runOnce(): Promise<{ made: number }> {
    const made = await this.reports.generateDue();
    if (made) this.logger.log(`${made} client reports generated`);
    return { made };
  }
}
