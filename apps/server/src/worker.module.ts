import { DynamicModule, Module } from '@nestjs/common';
import { ClassifierWorkerModule } from './classifier/classifier.module.js';
import type { AppConfig } from './config/config.js';
import { ConversationModule } from './conversation/conversation.module.js';
import { CoreModule } from './core.module.js';
import type { ChannelAdapter } from './delivery/channel-adapter.js';
import { DeliveryModule } from './delivery/delivery.module.js';
import { BillingWorkerModule } from './billing/billing.module.js';
import { GuardWorkerModule } from './guard/guard-worker.module.js';
import { ReportWorkerModule } from './report/report.module.js';
import { RoutingModule, RoutingWorkerModule } from './routing/routing.module.js';
import { SlaModule, SlaWorkerModule } from './sla/sla.module.js';
import { TicketWorkerModule } from './ticket/ticket.module.js';

/** The worker process: BullMQ processors and scheduled work, no HTTP. Modules only. */
@Module({})
export class WorkerModule {
  /** `channelAdapter` replaces the simulated platform (a real integration, or a test's scripted platform). */
  static forRoot(config: AppConfig, opts: { channelAdapter?: ChannelAdapter } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, 'worker'),
        DeliveryModule.forRoot(opts.channelAdapter),
        SlaModule,
        SlaWorkerModule,
        // Breaches of conversations: their flags (conversation) and the escalation to another agent (routing).
        ConversationModule,
        RoutingModule,
        RoutingWorkerModule,
        TicketWorkerModule,
        ClassifierWorkerModule,
        ReportWorkerModule,
        GuardWorkerModule,
        BillingWorkerModule,
      ],
    };
  }
}
