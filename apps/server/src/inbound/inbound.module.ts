import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module.js';
import { CsatModule } from '../csat/csat.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { InboundController } from './inbound.controller.js';
import { InboundService } from './inbound.service.js';
import { SignedWebhook } from './signed-webhook.service.js';

/** Runs in: api. The signed platform webhook: customer messages in, routed and timed. */
@Module({
  imports: [ConversationModule, CsatModule, RoutingModule, SlaModule],
  controllers: [InboundController],
  providers: [InboundService, SignedWebhook],
  exports: [SignedWebhook],
})
export class InboundModule {}
