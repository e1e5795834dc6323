import { DynamicModule, Module } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BillingModule } from './billing/billing.module.js';
import { ChannelModule } from './channel/channel.module.js';
import { ClassifierModule } from './classifier/classifier.module.js';
import type { AppConfig } from './config/config.js';
import { ConversationModule } from './conversation/conversation.module.js';
import { ConversionModule } from './conversion/conversion.module.js';
import { CoreModule } from './core.module.js';
import { CsatModule } from './csat/csat.module.js';
import { DeskLiveModule } from './desk-live/desk-live.module.js';
import { GuardModule } from './guard/guard.module.js';
import { HealthModule } from './health/health.module.js';
import { InboundModule } from './inbound/inbound.module.js';
import { KbModule } from './kb/kb.module.js';
import { OrderModule } from './order/order.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { ReportModule } from './report/report.module.js';
import { RoutingModule } from './routing/routing.module.js';
import { SessionModule } from './session/session.module.js';
import { SetupModule } from './setup/setup.module.js';
import { SlaBoardModule } from './sla-board/sla-board.module.js';
import { SlaModule } from './sla/sla.module.js';
import { StoreModule } from './store/store.module.js';
import { TicketModule } from './ticket/ticket.module.js';
import { UserModule } from './user/user.module.js';

/** The api process: HTTP API, webhooks and the socket.io gateway. Modules only; each says what it provides. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, 'api'),
        AuthModule,
        SessionModule,
        StoreModule,
        ChannelModule,
        SetupModule,
        UserModule,
        SlaModule,
        ConversationModule,
        RoutingModule,
        CsatModule,
        InboundModule,
        DeskLiveModule,
        OrderModule,
        ClassifierModule,
        TicketModule,
        KbModule,
        SlaBoardModule,
        ConversionModule,
        ReportModule,
        AnalyticsModule,
        BillingModule,
        PrivacyModule,
        GuardModule,
        HealthModule,
      ],
    };
  }
}
