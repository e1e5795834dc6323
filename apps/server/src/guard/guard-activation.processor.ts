import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';

/**
 * Worker: marks scheduled guard rules in force when their `effectiveAt` comes (one conditional UPDATE,
 * so repeats change nothing) — on each rule change's alarm job and on the GUARD_SWEEP_MS schedule. Only
 * the shown status waits for it: checks apply a rule from its instant regardless (GuardRuleSet).
 */
@Processor(QueueName.Guard, { concurrency: 1 })
export class GuardActivationProcessor extends JobHost {
  private readonly logger = new Logger(GuardActivationProcessor.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  @JobHandler(JobName.GuardActivate)
  async activateDue(): Promise<{ activated: number }> {
    // An UPDATE … RETURNING answers [rows, affected count].
    const [rows]: [{ id: string }[], number] = await this.db.query(`UPDATE guard_rules SET status = 'active', updated_at = now() WHERE status = 'scheduled' AND effective_at <= now() RETURNING id`);
    if (rows.length) this.logger.log(`${rows.length} guard rules in force`);
    return { activated: rows.length };
  }
}
