import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service.js';
import { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DeliveryQueue } from './delivery/delivery.queue.js';
import { QueueModule } from './queue/queue.module.js';
import { OutboundModule } from './outbound/outbound.module.js';
import { EventPublisher } from './realtime/event-publisher.service.js';
import { PresenceService } from './presence/presence.service.js';
import { RedisModule } from './redis/redis.module.js';
import { RoutingService } from './routing/routing.service.js';
import { SlaAlarms } from './sla/sla-alarms.service.js';
import { SlaEscalationService } from './sla/sla-escalation.service.js';
import { SlaTimerService } from './sla/sla-timer.service.js';

/** What both processes need: config, PostgreSQL, Redis, queues, the outbound HTTP client, live events, the audit log, SLA timers, presence and routing. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, role: 'api' | 'worker'): DynamicModule {
    return {
      module: CoreModule,
      imports: [ConfigModule.forRoot(config), RedisModule, DatabaseModule, QueueModule.forRoot(role), OutboundModule],
      providers: [EventPublisher, AuditService, DeliveryQueue, SlaAlarms, SlaEscalationService, SlaTimerService, PresenceService, RoutingService],
      exports: [DatabaseModule, QueueModule, EventPublisher, AuditService, DeliveryQueue, SlaAlarms, SlaTimerService, PresenceService, RoutingService],
    };
  }
}
