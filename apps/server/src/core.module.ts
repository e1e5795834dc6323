import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module.js';
import { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { ENTITIES } from './entities.js';
import { HttpExceptionFilter } from './errors/http-exception.filter.js';
import { requestLogOptions } from './http/request-log.js';
import { OutboundModule } from './outbound/outbound.module.js';
import { DeliveryQueue } from './queue/delivery.queue.js';
import { QueueModule } from './queue/queue.module.js';
import { EventPublisher } from './realtime/event-publisher.service.js';
import { RedisModule } from './redis/redis.module.js';

/**
 * Runs in: both. Infrastructure only: config, logging, PostgreSQL (with the entity list of the
 * composition root), Redis, queues (and the delivery queue's producer), the outbound HTTP client,
 * live events and the audit log. Domain services live in their folders' modules.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, role: 'api' | 'worker'): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        role === 'api' ? LoggerModule.forRoot(requestLogOptions(config)) : LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        RedisModule,
        DatabaseModule.forRoot(ENTITIES),
        QueueModule.forRoot(role),
        OutboundModule,
        AuditModule,
      ],
      providers: [EventPublisher, DeliveryQueue, ...(role === 'api' ? [{ provide: APP_FILTER, useClass: HttpExceptionFilter }] : [])],
      exports: [DatabaseModule, QueueModule, EventPublisher, DeliveryQueue],
    };
  }
}
