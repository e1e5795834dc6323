import { Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler, type JobOf } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';
import { CauseTrainingService } from './cause-training.service.js';

/** Worker: retrains the root-cause classifier on a schedule (CLASSIFIER_RETRAIN_MS, see queue/job-schedules.ts) and on request. */
@Processor(QueueName.Classifier, { concurrency: 1 })
export class ClassifierProcessor extends JobHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClassifierProcessor.name);

  constructor(private readonly training: CauseTrainingService) {
    super();
  }

  onApplicationBootstrap(): void {
    // The first model is trained here, in the background, rather than by the first ticket that needs it.
    void this.training.active().catch((err: Error) => this.logger.error(`first cause model not trained: ${err.message}`));
  }

  @JobHandler(JobName.RetrainCauses)
  async retrain(job: JobOf<typeof JobName.RetrainCauses>): Promise<unknown> {
    return this.runOnce(job.data.requestedBy);
  }

  /** One retrain, now (the scheduled job when nobody asked; tests call it directly). */
  async runOnce(requestedBy: string | null = null): Promise<unknown> {
    const saved = await this.training.retrain(requestedBy ? `retrain asked by ${requestedBy}` : 'scheduled retrain');
    if (!saved) this.logger.log('no new agent-confirmed causes since the active model: nothing to retrain');
    return saved ? { version: saved.version, status: saved.status, scores: saved.scores } : { skipped: true };
  }
}
