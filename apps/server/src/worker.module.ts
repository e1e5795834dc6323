import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/config.js';
import { CoreModule } from './core.module.js';
import { CHANNEL_ADAPTER } from './delivery/channel-adapter.js';
import { DeliveryProcessor } from './delivery/delivery.processor.js';
import { DeliveryService } from './delivery/delivery.service.js';
import { SimulatedPlatformAdapter } from './delivery/simulated-platform.adapter.js';

/** The worker process: BullMQ processors, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config), LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } })],
      providers: [{ provide: CHANNEL_ADAPTER, useClass: SimulatedPlatformAdapter }, DeliveryService, DeliveryProcessor],
    };
  }
}
