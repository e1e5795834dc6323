import { Processor } from '@nestjs/bullmq';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler, type JobOf } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';
import { isFinalAttempt } from '../outbound/outbound-webhooks.js';
import { DeliveryService } from './delivery.service.js';

@Processor(QueueName.Delivery, { concurrency: 20 })
export class DeliveryProcessor extends JobHost {
  constructor(private readonly delivery: DeliveryService) {
    super();
  }

  @JobHandler(JobName.DeliverMessage)
  async deliver(job: JobOf<typeof JobName.DeliverMessage>): Promise<void> {
    await this.delivery.deliver(job.data.messageId, isFinalAttempt(job));
  }
}
