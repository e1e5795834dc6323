import { Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';

/**
 * Worker: puts scheduled guard rules in force when their `effectiveAt` comes (one conditional UPDATE,
 * so repeats change nothing) — on each rule change's alarm job and on the GUARD_SWEEP_MS schedule.
 */
@Processor(QueueName.Guard, { concurrency: 1 })
export class GuardActivationProcessor extends JobHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(GuardActivationProcessor.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.activateDue();
  }

  @JobHandler(JobName.GuardActivate)
  async run(): Promise<{ activated: number }> {
    return { activated: await this.activateDue() };
  }

  async activateDue(): Promise<number> {
    const rows: { id: string }[] = await this.db.query(`UPDATE guard_rules SET status = 'active', updated_at = now() WHERE status = 'scheduled' AND effective_at <= now() RETURNING id`);
    const n = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
    if (n) this.logger.log(`${n} guard rules in force`);
    return n;
  }
}
