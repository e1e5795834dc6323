import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RotateChannelSecretInput, UpdateChannelInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodBody } from '../errors/api-zod.decorator.js';
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
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.channels.get(caller, id);
  }

  /** Rename, disable (its webhooks answer 410) or enable again. */
  @Patch(':id')
  @Roles('admin')
  @ApiZodBody(UpdateChannelInput)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateChannelInput)) input: Parsed<typeof UpdateChannelInput>) {
    return this.channels.update(caller, id, input);
  }

  /** A new webhook secret, shown once; the old one is accepted for `overlapSeconds` more. */
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Roles('admin')
  @ApiZodBody(RotateChannelSecretInput)
  rotate(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(RotateChannelSecretInput)) input: Parsed<typeof RotateChannelSecretInput>) {
    return this.channels.rotateSecret(caller, id, input);
  }
}
