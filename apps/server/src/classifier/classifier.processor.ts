import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobName, QueueName, type JobPayloads } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RedisStatus } from '../redis/redis-status.service.js';
import { CauseTrainingService } from './cause-training.service.js';

/** Worker: retrains the root-cause classifier on a schedule (CLASSIFIER_RETRAIN_MS) and on request. */
@Processor(QueueName.Classifier, { concurrency: 1 })
export class ClassifierProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClassifierProcessor.name);

  constructor(
    private readonly training: CauseTrainingService,
    @InjectQueue(QueueName.Classifier) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisStatus,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // The first model is trained here, in the background, rather than by the first ticket that needs it.
    void this.training.active().catch((err: Error) => this.logger.error(`first cause model not trained: ${err.message}`));
    // Redis may come back empty: the schedule is set again each time it returns.
    this.redis.onRecovered(() => void this.schedule().catch((err: Error) => this.logger.error(`retrain schedule not set: ${err.message}`)));
    await this.schedule();
  }

  private schedule() {
    const payload: JobPayloads[typeof JobName.RetrainCauses] = { requestedBy: null };
    return this.queue.upsertJobScheduler(JobName.RetrainCauses, { every: this.config.classifierRetrainMs }, { name: JobName.RetrainCauses, data: payload, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  async process(job: Job<JobPayloads[typeof JobName.RetrainCauses]>): Promise<unknown> {
    if (job.name !== JobName.RetrainCauses) throw new Error(`unknown job ${job.name}`);
    const saved = await this.training.retrain(job.data.requestedBy ? `retrain asked by ${job.data.requestedBy}` : 'scheduled retrain');
    if (!saved) this.logger.log('no new agent-confirmed causes since the active model: nothing to retrain');
    return saved ? { version: saved.version, status: saved.status, scores: saved.scores } : { skipped: true };
  }
}
