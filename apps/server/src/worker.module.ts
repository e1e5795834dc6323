import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/config.js';
import { CoreModule } from './core.module.js';
import { CHANNEL_ADAPTER, type ChannelAdapter } from './delivery/channel-adapter.js';
import { DeliveryProcessor } from './delivery/delivery.processor.js';
import { DeliveryService } from './delivery/delivery.service.js';
import { SimulatedPlatformAdapter } from './delivery/simulated-platform.adapter.js';
import { RoutingProcessor } from './routing/routing.processor.js';
import { RoutingSweeper } from './routing/routing-sweeper.service.js';
import { SlaAlertProcessor } from './sla/sla-alert.processor.js';
import { SlaAlertService } from './sla/sla-alert.service.js';
import { SlaProcessor } from './sla/sla.processor.js';
import { SlaReconciler } from './sla/sla-reconciler.service.js';
import { SupplierReminderSweeper } from './ticket/supplier-reminder.sweeper.js';
import { CauseTrainingService } from './classifier/cause-training.service.js';
import { ClassifierProcessor } from './classifier/classifier.processor.js';
import { ClientReportsModule } from './report/client-reports.module.js';
import { ReportProcessor } from './report/report.processor.js';
import { GuardWorkerModule } from './guard/guard-worker.module.js';

/** The worker process: BullMQ processors, no HTTP. */
@Module({})
export class WorkerModule {
  /** `channelAdapter` replaces the simulated platform (a real integration, or a test's scripted platform). */
  static forRoot(config: AppConfig, opts: { channelAdapter?: ChannelAdapter } = {}): DynamicModule {
    const adapter = opts.channelAdapter ? { provide: CHANNEL_ADAPTER, useValue: opts.channelAdapter } : { provide: CHANNEL_ADAPTER, useClass: SimulatedPlatformAdapter };
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, 'worker'), LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }), ClientReportsModule, GuardWorkerModule],
      providers: [adapter, DeliveryService, DeliveryProcessor, SlaProcessor, SlaAlertService, SlaAlertProcessor, SlaReconciler, RoutingProcessor, RoutingSweeper, SupplierReminderSweeper, CauseTrainingService, ClassifierProcessor, ReportProcessor],
    };
  }
}
