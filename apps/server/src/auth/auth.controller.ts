import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LoginInput } from '@kefu/contracts';
import { ApiZodBody } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import type { Caller } from './caller.js';
import { CurrentCaller } from './caller.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(LoginInput)
  login(@Body(zod(LoginInput)) input: Parsed<typeof LoginInput>) {
    return this.auth.login(input);
  }

  @Get('me')
  me(@CurrentCaller() caller: Caller) {
    return this.auth.me(caller.user);
  }
}
