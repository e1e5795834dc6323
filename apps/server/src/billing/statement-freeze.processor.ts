import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';
import { StatementService } from './statement.service.js';

/**
 * Worker: a scheduled job (every REPORT_SWEEP_MS) makes final every month's statement whose refund window
 * has passed; a final statement is kept as it was and never computed again.
 */
@Processor(QueueName.Billing, { concurrency: 1 })
export class StatementFreezeProcessor extends JobHost {
  private readonly logger = new Logger(StatementFreezeProcessor.name);

  constructor(private readonly statements: StatementService) {
    super();
  }

  /** One sweep, now (the scheduled job; tests call it directly). */
  @JobHandler(JobName.FreezeStatements)
  async runOnce(): Promise<{ final: number }> {
    const final = await this.statements.freezeDue();
    if (final) this.logger.debug(`${final} statements final`);
    return { final };
  }
}
