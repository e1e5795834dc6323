import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { TokenService } from './auth/token.service.js';
import type { AppConfig } from './config/config.js';
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
import { SlaQueryService } from './sla/sla-query.service.js';
import { StoreController } from './store/store.controller.js';
import { StoreService } from './store/store.service.js';
import { UserController } from './user/user.controller.js';
import { UserService } from './user/user.service.js';
import { OrderController } from './order/order.controller.js';
import { OrderService } from './order/order.service.js';
import { PLATFORM_ORDERS } from './order/platform-orders.js';
import { SimulatedOrdersAdapter } from './order/simulated-orders.adapter.js';
import { TicketController } from './ticket/ticket.controller.js';
import { TicketEffects } from './ticket/ticket-effects.js';
import { TicketService } from './ticket/ticket.service.js';
import { TicketTransitionService } from './ticket/ticket-transition.service.js';

/** The api process: HTTP API, webhook and the socket.io gateway. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
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
        JwtModule.register({ secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtl as never } }),
        TerminusModule,
      ],
      controllers: [AuthController, StoreController, UserController, ConversationController, InboundController, AuditController, SlaController, PresenceController, OrderController, TicketController, HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        TokenService,
        AuthService,
        StoreService,
        UserService,
        ConversationService,
        MessageService,
        InboundService,
        SlaQueryService,
        PresenceStatusService,
        DeskGateway,
        { provide: PLATFORM_ORDERS, useClass: SimulatedOrdersAdapter },
        OrderService,
        TicketEffects,
        TicketService,
        TicketTransitionService,
      ],
    };
  }
}
