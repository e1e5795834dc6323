import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module.js';
import { InboundModule } from '../inbound/inbound.module.js';
import { PrivacyModule } from '../privacy/privacy.module.js';
import { OrderWebhookController } from './order-webhook.controller.js';
import { OrderController } from './order.controller.js';
import { OrderService } from './order.service.js';
import { PLATFORM_ORDERS } from './platform-orders.js';
import { SimulatedOrdersAdapter } from './simulated-orders.adapter.js';

/** Runs in: api. Orders from the platform (looked up, or pushed by its signed webhook). */
@Module({
  imports: [InboundModule, ConversationModule, PrivacyModule],
  controllers: [OrderController, OrderWebhookController],
  providers: [{ provide: PLATFORM_ORDERS, useClass: SimulatedOrdersAdapter }, OrderService],
  exports: [OrderService],
})
export class OrderModule {}
