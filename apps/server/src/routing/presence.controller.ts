import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentWithLoad, page, SetStatusInput, User } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ApiZodOk } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { PresenceStatusService } from './presence-status.service.js';

@ApiTags('presence')
@ApiBearerAuth()
@Controller('presence')
export class PresenceController {
  constructor(private readonly status: PresenceStatusService) {}

  /** The caller's own status: available (routing gives them chats) or away. */
  @Post()
  @HttpCode(200)
  @ApiZodBody(SetStatusInput)
  @ApiOperation({ summary: 'Set the caller\'s own status: available (routing gives them chats) or away' })
  @ApiZodOk(User)
  set(@CurrentCaller() caller: Caller, @Body(zod(SetStatusInput)) input: Parsed<typeof SetStatusInput>) {
    return this.status.set(caller, input.status);
  }

  /** Every agent the caller may see, with presence and open load: the supervisor's view. */
  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Every agent the caller may see, with presence and open load' })
  @ApiZodOk(page(AgentWithLoad))
  list(@CurrentCaller() caller: Caller) {
    return this.status.list(caller);
  }
}
