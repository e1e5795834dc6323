import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JobName } from '@kefu/contracts';
import { isRedisUnavailable } from '../redis/redis-errors.js';
import { JOB_HANDLER } from './job-handler.decorator.js';

type Run = (job: Job) => Promise<unknown>;

/**
 * The worker's one table from job name to handler (`@JobHandler` methods of any provider). Every
 * job name of the contracts must have exactly one: otherwise the worker does not boot.
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, Run>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const fn = instance[method];
        const name = typeof fn === 'function' ? (Reflect.getMetadata(JOB_HANDLER, fn) as string | undefined) : undefined;
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), `${instance.constructor.name}.${method}`]);
        this.handlers.set(name, (fn as Run).bind(instance));
      }
    }
    const problems = [
      ...Object.values(JobName).filter((name) => !found.has(name)).map((name) => `no handler for job "${name}"`),
      ...[...found].filter(([, where]) => where.length > 1).map(([name, where]) => `job "${name}" has ${where.length} handlers: ${where.join(', ')}`),
      ...[...found.keys()].filter((name) => !(Object.values(JobName) as string[]).includes(name)).map((name) => `handler for unknown job "${name}"`),
    ];
    if (problems.length) throw new Error(`job handlers: ${problems.join('; ')}`);
  }

  /** Runs a job with its handler; a failure is logged once here and thrown on to BullMQ (which retries it when its options say so). */
  async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`unknown job ${job.name}`);
    try {
      return await handler(job);
    } catch (err) {
      const line = `job ${job.name} (${job.id}) failed: ${(err as Error).message}`;
      if (isRedisUnavailable(err as Error)) this.logger.warn(line); // not a fault: it is run again
      else this.logger.error(line);
      throw err;
    }
  }
}
