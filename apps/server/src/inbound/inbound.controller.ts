import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { InboundMessageInput, InboundResult, SIGNATURE_HEADER } from '@kefu/contracts';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodAccepted, ApiZodBody } from '../errors/api-zod.decorator.js';
import { ChannelThrottle } from '../throttle/throttle.decorators.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { InboundService } from './inbound.service.js';

@ApiTags('channels')
@Controller('channels')
export class InboundController {
  constructor(private readonly inbound: InboundService) {}

  /** Platform webhook: signed with the channel secret, idempotent on externalMessageId. */
  @Public()
  @ChannelThrottle()
  @Post(':channelId/inbound')
  @HttpCode(202)
  @ApiHeader({ name: 'X-Kefu-Signature', description: 'sha256=<hex HMAC-SHA256 of the raw body with the channel secret>' })
  @ApiZodBody(InboundMessageInput)
  @ApiOperation({ summary: 'Platform webhook: an inbound customer message (signed; idempotent on externalMessageId)' })
  @ApiZodAccepted(InboundResult)
  @ApiErrors('SIGNATURE_INVALID', 'CHANNEL_DISABLED', 'RATE_LIMITED', 'DESK_SATURATED')
  receive(@Param('channelId', UuidPipe) channelId: string, @Req() req: RawBodyRequest<Request>, @Headers(SIGNATURE_HEADER) signature?: string) {
    return this.inbound.receive(channelId, req.rawBody, signature);
  }
}
