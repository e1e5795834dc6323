import { WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobRegistry } from './job-registry.js';

/** A queue's BullMQ worker (`@Processor(queue, options)` on the subclass): each job goes to its `@JobHandler`. */
export abstract class JobHost extends WorkerHost {
  @Inject(JobRegistry) private readonly jobs!: JobRegistry;

  process(job: Job): Promise<unknown> {
    return this.jobs.run(job);
  }
}
