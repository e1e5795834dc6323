import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { LoginThrottle } from './login-throttle.service.js';
import { RefreshTokenService } from './refresh-token.service.js';
import { SessionController } from './session.controller.js';
import { SessionService } from './session.service.js';

/** Runs in: api. Login, refresh and logout (refresh tokens in a cookie, failed-login throttle). */
@Module({
  imports: [AuthModule, RoutingModule],
  controllers: [SessionController],
  providers: [SessionService, LoginThrottle, RefreshTokenService],
  exports: [RefreshTokenService],
})
export class SessionModule {}
