import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueName } from '@kefu/contracts';
import { connectionErrorLog } from '../redis/redis-errors.js';

/**
 * Every queue and worker reports its connection errors here: a line when Redis goes away and then
 * one every 30 s, rather than one per reconnect attempt from each of them on the console.
 */
@Injectable()
export class QueueErrorLog implements OnApplicationBootstrap {
  private readonly log = connectionErrorLog(new Logger('BullMQ'), 'BullMQ');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of Object.values(QueueName)) this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }).on('error', this.log);
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof WorkerHost) instance.worker.on('error', this.log);
    }
  }
}
