import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RevealInput, RevealResult } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ApiZodOk } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { RevealService } from './reveal.service.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('customers')
export class PrivacyController {
  constructor(private readonly reveals: RevealService) {}

  /** A buyer's personal data in clear (an order's receiver), for a stated purpose: agents and supervisors of the store, a daily quota, audited. */
  @Post(':id/reveal')
  @HttpCode(200)
  @ApiOperation({ summary: "A buyer's sealed personal data in clear, for a stated purpose (daily quota, audited)" })
  @Roles('agent', 'supervisor')
  @ApiZodBody(RevealInput)
  @ApiZodOk(RevealResult)
  @ApiErrors('REVEAL_QUOTA_EXCEEDED')
  reveal(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(RevealInput)) input: Parsed<typeof RevealInput>) {
    return this.reveals.reveal(caller, id, input);
  }
}
