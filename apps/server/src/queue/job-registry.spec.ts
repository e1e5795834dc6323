import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Injectable, Module, type Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JobName } from '@kefu/contracts';
import { JobHandler } from './job-handler.decorator.js';
import { JobRegistry } from './job-registry.js';

/** One provider handling every job name, to which a test adds or removes one. */
function handlersOf(names: string[]): Type {
  class Handlers {}
  for (const name of names) {
    const method = async (job: Job) => `${name}:${job.id}`;
    Object.defineProperty(Handlers.prototype, `on-${name}`, { value: method, writable: true, configurable: true });
    JobHandler(name as JobName)(Handlers.prototype, `on-${name}`, Object.getOwnPropertyDescriptor(Handlers.prototype, `on-${name}`)!);
  }
  Injectable()(Handlers);
  return Handlers;
}

const boot = (...providers: Type[]) => {
  @Module({ imports: [DiscoveryModule], providers: [JobRegistry, ...providers] })
  class Worker {}
  return NestFactory.createApplicationContext(Worker, { logger: false, abortOnError: false });
};

const all = Object.values(JobName) as string[];

describe('the job registry', () => {
  it('boots with one handler per job name and runs each job with its own', async () => {
    const app = await boot(handlersOf(all));
    await expect(app.get(JobRegistry).run({ name: JobName.SlaBreach, id: '7' } as Job)).resolves.toBe('sla-breach:7');
    await expect(app.get(JobRegistry).run({ name: 'nobody-knows', id: '8' } as Job)).rejects.toThrow('unknown job nobody-knows');
    await app.close();
  });

  it('refuses to boot when a job name has no handler', async () => {
    await expect(boot(handlersOf(all.filter((n) => n !== JobName.SupplierReminder)))).rejects.toThrow('no handler for job "supplier-reminder"');
  });

  it('refuses to boot when a job name has two handlers', async () => {
    await expect(boot(handlersOf(all), handlersOf([JobName.SlaReconcile]))).rejects.toThrow(/job "sla-reconcile" has 2 handlers/);
  });
});
