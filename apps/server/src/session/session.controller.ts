import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LoginInput, LoginResult, REFRESH_COOKIE, RefreshResult, User } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodBody, ApiZodOk } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { ForClients, Public } from '../auth/auth.decorators.js';
import { SessionService, type Session } from './session.service.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { TooManyLoginFailures } from './login-throttle.service.js';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class SessionController {
  constructor(
    private readonly auth: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: a short-lived access token, and a refresh token in an httpOnly cookie' })
  @ApiZodBody(LoginInput)
  @ApiZodOk(LoginResult)
  @ApiErrors('BAD_CREDENTIALS', 'LOGIN_THROTTLED')
  async login(@Body(zod(LoginInput)) input: Parsed<typeof LoginInput>, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResult> {
    try {
      return this.handOut(res, await this.auth.login(input, req.ip ?? req.socket.remoteAddress ?? 'unknown'));
    } catch (err) {
      if (err instanceof TooManyLoginFailures) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: `Exchange the refresh cookie (${REFRESH_COOKIE}) for a new access token and a new refresh cookie` })
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiZodOk(RefreshResult)
  @ApiErrors('SESSION_EXPIRED')
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<RefreshResult> {
    try {
      return this.handOut(res, await this.auth.refresh(refreshCookieOf(req)));
    } catch (err) {
      clearRefreshCookie(res, this.config);
      throw err;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session: revoke its refresh token and clear the cookie' })
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiNoContentResponse({ description: 'Logged out (also without a valid cookie)' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(refreshCookieOf(req));
    clearRefreshCookie(res, this.config);
  }

  @Get('me')
  @ForClients()
  @ApiBearerAuth()
  @ApiZodOk(User)
  @ApiOperation({ summary: 'The caller: their user with role, stores and presence' })
  me(@CurrentCaller() caller: Caller) {
    return this.auth.me(caller.user);
  }

  private handOut(res: Response, { refreshToken, ...result }: Session): LoginResult {
    setRefreshCookie(res, this.config, refreshToken);
    return result;
  }
}
