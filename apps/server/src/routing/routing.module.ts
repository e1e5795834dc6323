import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module.js';
import { PresenceStatusService } from './presence-status.service.js';
import { PresenceController } from './presence.controller.js';
import { PresenceService } from './presence.service.js';
import { RoutingSweeper } from './routing-sweeper.service.js';
import { RoutingService } from './routing.service.js';
import { RoutingProcessor } from './routing.processor.js';

/** Runs in: both. Who is online and available, and auto-assignment (queues, drains, releases, breach escalation). */
@Module({
  imports: [ConversationModule],
  controllers: [PresenceController],
  providers: [RoutingService, PresenceService, PresenceStatusService],
  exports: [RoutingService, PresenceService],
})
export class RoutingModule {}

/** Runs in: worker. Drains the stores' queues on request and on a sweep. */
@Module({ imports: [RoutingModule], providers: [RoutingProcessor, RoutingSweeper] })
export class RoutingWorkerModule {}
