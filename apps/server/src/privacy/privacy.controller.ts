import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RevealInput, RevealResult } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ApiZodOk } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { RevealService } from './reveal.service.js';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('customers')
export class PrivacyController {
  constructor(private readonly reveals: RevealService) {}

  /** A buyer's personal data in clear (an order's receiver), for a stated purpose: agents and supervisors of the store, a daily quota, audited. */
  @Post(':id/reveal')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiZodBody(RevealInput)
  @ApiZodOk(RevealResult)
  reveal(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(RevealInput)) input: Parsed<typeof RevealInput>) {
    return this.reveals.reveal(caller, id, input);
  }
}
