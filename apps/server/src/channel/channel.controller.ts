import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Channel, ChannelWithSecret, RotateChannelSecretInput, UpdateChannelInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodBody, ApiZodOk } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { ChannelService } from './channel.service.js';

/** Channels by id (created under their store: `POST /api/stores/:id/channels`). */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelController {
  constructor(private readonly channels: ChannelService) {}

  @Get(':id')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'A channel (its secret is never shown again)' })
  @ApiZodOk(Channel)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.channels.get(caller, id);
  }

  /** Rename, disable (its webhooks answer 410) or enable again. */
  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, disable (its webhooks answer 410 CHANNEL_DISABLED) or enable a channel' })
  @ApiZodOk(Channel)
  @ApiZodBody(UpdateChannelInput)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateChannelInput)) input: Parsed<typeof UpdateChannelInput>) {
    return this.channels.update(caller, id, input);
  }

  /** A new webhook secret, shown once; the old one is accepted for `overlapSeconds` more. */
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Roles('admin')
  @ApiZodBody(RotateChannelSecretInput)
  @ApiOperation({ summary: 'A new webhook secret, shown once; the old one is accepted for overlapSeconds more' })
  @ApiZodOk(ChannelWithSecret)
  rotate(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(RotateChannelSecretInput)) input: Parsed<typeof RotateChannelSecretInput>) {
    return this.channels.rotateSecret(caller, id, input);
  }
}
