import { Processor } from '@nestjs/bullmq';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler, type JobOf } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';
import { SlaAlertService } from './sla-alert.service.js';

/** The outbound webhook queue (`alerts`): breach alerts here, supplier reminders in ticket/. */
@Processor(QueueName.Alerts, { concurrency: 10 })
export class SlaAlertProcessor extends JobHost {
  constructor(private readonly alerts: SlaAlertService) {
    super();
  }

  @JobHandler(JobName.SlaAlert)
  async alert(job: JobOf<typeof JobName.SlaAlert>): Promise<void> {
    await this.alerts.send(job.data.timerId, job.data.url);
  }
}
