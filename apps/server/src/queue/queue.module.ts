import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueName } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { failFastRedis, patientRedis } from '../redis/redis-options.js';
import { QueueErrorLog } from './queue-error-log.js';
import { JobRegistry } from './job-registry.js';
import { JobSchedules } from './job-schedules.js';

/**
 * BullMQ connection and the desk's queues; processors are registered by the worker only. The api
 * only adds jobs, so its connection fails fast while Redis is down (a webhook never waits for
 * Redis); the worker's also runs the processors, which wait for Redis to return. The worker also
 * holds the job registry (job name → its one handler) and the job schedulers.
 */
@Module({})
export class QueueModule {
  static forRoot(role: 'api' | 'worker'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: { url: config.redisUrl, ...(role === 'api' ? failFastRedis : patientRedis) },
            prefix: `${config.redisPrefix}:bull`,
          }),
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      providers: [QueueErrorLog, ...(role === 'worker' ? [JobRegistry, JobSchedules] : [])],
      exports: [BullModule, ...(role === 'worker' ? [JobRegistry, JobSchedules] : [])],
    };
  }
}
