import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '@kefu/contracts';
import { RedisStatus } from '../redis/redis-status.service.js';

/** How often the worker also sweeps for rules whose instant has come (a lost alarm job is caught up). */
export const GUARD_SWEEP_MS = 60_000;

/** Worker: puts scheduled guard rules in force when their `effectiveAt` comes (one conditional UPDATE, so repeats change nothing). */
@Processor(QueueName.Guard, { concurrency: 1 })
export class GuardActivationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(GuardActivationProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Guard) private readonly queue: Queue,
    private readonly redis: RedisStatus,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.redis.onRecovered(() => void this.schedule().catch((err: Error) => this.logger.error(`guard sweep not scheduled: ${err.message}`)));
    await this.schedule();
    await this.activateDue();
  }

  private schedule() {
    return this.queue.upsertJobScheduler(`${JobName.GuardActivate}-sweep`, { every: GUARD_SWEEP_MS }, { name: JobName.GuardActivate, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  async process(job: Job): Promise<{ activated: number }> {
    if (job.name !== JobName.GuardActivate) throw new Error(`unknown job ${job.name}`);
    return { activated: await this.activateDue() };
  }

  async activateDue(): Promise<number> {
    const rows: { id: string }[] = await this.db.query(`UPDATE guard_rules SET status = 'active', updated_at = now() WHERE status = 'scheduled' AND effective_at <= now() RETURNING id`);
    const n = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
    if (n) this.logger.log(`${n} guard rules in force`);
    return n;
  }
}
