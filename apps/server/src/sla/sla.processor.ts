import { Processor } from '@nestjs/bullmq';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler, type JobOf } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';
import { SlaTimerService } from './sla-timer.service.js';

/** Wakes at a timer's warning, nudge and due instants; the timer row decides whether anything happens. */
@Processor(QueueName.Sla, { concurrency: 100 })
export class SlaProcessor extends JobHost {
  constructor(private readonly timers: SlaTimerService) {
    super();
  }

  @JobHandler(JobName.SlaWarn)
  warn(job: JobOf<typeof JobName.SlaWarn>): Promise<void> {
    return this.timers.fireWarning(job.data.timerId);
  }

  @JobHandler(JobName.SlaNudge)
  async nudge(): Promise<void> {
    await this.timers.fireDueNudges();
  }

  @JobHandler(JobName.SlaBreach)
  breach(job: JobOf<typeof JobName.SlaBreach>): Promise<void> {
    return this.timers.fireBreach(job.data.timerId);
  }
}
