import { DynamicModule, Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module.js';
import { CHANNEL_ADAPTER, type ChannelAdapter } from './channel-adapter.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { DeliveryService } from './delivery.service.js';
import { SimulatedPlatformAdapter } from './simulated-platform.adapter.js';

/** Runs in: worker. Sends queued replies through their channel. */
@Module({})
export class DeliveryModule {
  /**
   * `channelAdapter` replaces the simulated platform (a real integration, or a test's scripted platform).
   * Global: the SLA reconciler (worker) re-queues stranded replies through DeliveryService.
   */
  static forRoot(channelAdapter?: ChannelAdapter): DynamicModule {
    const adapter = channelAdapter ? { provide: CHANNEL_ADAPTER, useValue: channelAdapter } : { provide: CHANNEL_ADAPTER, useClass: SimulatedPlatformAdapter };
    return { module: DeliveryModule, global: true, imports: [ConversationModule], providers: [adapter, DeliveryService, DeliveryProcessor], exports: [DeliveryService] };
  }
}
