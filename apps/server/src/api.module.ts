import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AnalyticsController } from './analytics/analytics.controller.js';
import { CauseBreakdownService } from './analytics/cause-breakdown.service.js';
import { CauseCountsService } from './analytics/cause-counts.service.js';
import { CauseExportService } from './analytics/cause-export.service.js';
import { TicketDrilldownService } from './analytics/ticket-drilldown.service.js';
import { TicketExportService } from './analytics/ticket-export.service.js';
import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { loadJwtSecret } from './auth/jwt-secret.js';
import { LoginThrottle } from './auth/login-throttle.service.js';
import { RefreshTokenService } from './auth/refresh-token.service.js';
import { TokenService } from './auth/token.service.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { REDIS } from './redis/redis.module.js';
import { DeskThrottlerGuard, throttlerOptions } from './throttle/desk-throttler.guard.js';
import { RedisThrottlerStorage } from './throttle/redis-throttler.storage.js';
import { ConversationController } from './conversation/conversation.controller.js';
import { ConversationService } from './conversation/conversation.service.js';
import { CoreModule } from './core.module.js';
import { HttpExceptionFilter } from './errors/http-exception.filter.js';
import { HealthController } from './health/health.controller.js';
import { InboundController } from './inbound/inbound.controller.js';
import { InboundService } from './inbound/inbound.service.js';
import { MessageService } from './message/message.service.js';
import { DeskGateway } from './realtime/desk.gateway.js';
import { PresenceController } from './presence/presence.controller.js';
import { PresenceStatusService } from './presence/presence-status.service.js';
import { SlaController } from './sla/sla.controller.js';
import { StoreController } from './store/store.controller.js';
import { StoreService } from './store/store.service.js';
import { UserController } from './user/user.controller.js';
import { UserService } from './user/user.service.js';
import { OrderController } from './order/order.controller.js';
import { OrderService } from './order/order.service.js';
import { PLATFORM_ORDERS } from './order/platform-orders.js';
import { SimulatedOrdersAdapter } from './order/simulated-orders.adapter.js';
import { TicketController } from './ticket/ticket.controller.js';
import { ServiceQualityController } from './conversion/service-quality.controller.js';
import { CsatService } from './csat/csat.service.js';
import { CustomerMessenger } from './customer-message/customer-messenger.service.js';
import { SignedWebhook } from './inbound/signed-webhook.service.js';
import { OrderWebhookController } from './order/order-webhook.controller.js';
import { ClientReportsModule } from './report/client-reports.module.js';
import { ReportController } from './report/report.controller.js';
import { ClassifierController } from './classifier/classifier.controller.js';
import { ClassifierService } from './classifier/classifier.service.js';
import { CauseTrainingService } from './classifier/cause-training.service.js';
import { TicketEffects } from './ticket/ticket-effects.js';
import { TicketService } from './ticket/ticket.service.js';
import { TicketTransitionService } from './ticket/ticket-transition.service.js';
import { KbController } from './kb/kb.controller.js';
import { KbArticleService } from './kb/kb-article.service.js';
import { KbGapService } from './kb/kb-gap.service.js';
import { KbLexicon } from './kb/kb-lexicon.service.js';
import { KbQuestionService } from './kb/kb-question.service.js';
import { KbRankedArticles } from './kb/kb-ranked-articles.js';
import { KbSearchService } from './kb/kb-search.service.js';
import { KbStatsService } from './kb/kb-stats.service.js';
import { KbSuggestService } from './kb/kb-suggest.service.js';
import { KbSynonymService } from './kb/kb-synonym.service.js';
import { QuickReplyController } from './kb/quick-reply.controller.js';
import { QuickReplyService } from './kb/quick-reply.service.js';
import { ChannelController } from './channel/channel.controller.js';
import { ChannelService } from './channel/channel.service.js';
import { InvitationController } from './user/invitation.controller.js';
import { InvitationService } from './user/invitation.service.js';
import { SetupController } from './setup/setup.controller.js';
import { SetupService } from './setup/setup.service.js';

/** The api process: HTTP API, webhook and the socket.io gateway. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, 'api'),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers["x-kefu-signature"]'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
          exclude: [{ method: 0, path: 'health' }],
        }),
        JwtModule.registerAsync({
          inject: [DataSource, APP_CONFIG],
          useFactory: async (db: DataSource, cfg: AppConfig) => ({
            // A key object, not the string: given a string, jsonwebtoken first tries it as a public
            // key and throws, on every request (a tenth of the api's time under load).
            secret: createSecretKey(Buffer.from(await loadJwtSecret(db, cfg))),
            signOptions: { algorithm: 'HS256' },
            verifyOptions: { algorithms: ['HS256'] },
          }),
        }),
        ThrottlerModule.forRootAsync({
          inject: [REDIS, APP_CONFIG],
          useFactory: (redis: Redis, cfg: AppConfig) => throttlerOptions(cfg, new RedisThrottlerStorage(redis, cfg.redisPrefix, cfg.throttleTimeoutMs)),
        }),
        TerminusModule,
        ClientReportsModule,
      ],
      controllers: [AuthController, StoreController, UserController, ConversationController, InboundController, AuditController, SlaController, PresenceController, OrderController, OrderWebhookController, TicketController, ServiceQualityController, ReportController, ClassifierController, KbController, QuickReplyController, AnalyticsController, HealthController, ChannelController, InvitationController, SetupController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the AuthGuard: the per-user limit needs the caller.
        { provide: APP_GUARD, useClass: DeskThrottlerGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        TokenService,
        RefreshTokenService,
        LoginThrottle,
        AuthService,
        StoreService,
        UserService,
        ConversationService,
        MessageService,
        InboundService,
        PresenceStatusService,
        DeskGateway,
        { provide: PLATFORM_ORDERS, useClass: SimulatedOrdersAdapter },
        OrderService,
        SignedWebhook,
        CustomerMessenger,
        CsatService,
        TicketEffects,
        TicketService,
        TicketTransitionService,
        CauseTrainingService,
        ClassifierService,
        KbLexicon,
        KbRankedArticles,
        KbSynonymService,
        KbGapService,
        KbSearchService,
        KbArticleService,
        KbSuggestService,
        KbStatsService,
        KbQuestionService,
        QuickReplyService,
        ChannelService,
        InvitationService,
        SetupService,
        CauseCountsService,
        CauseBreakdownService,
        CauseExportService,
        TicketDrilldownService,
        TicketExportService,
      ],
    };
  }
}
