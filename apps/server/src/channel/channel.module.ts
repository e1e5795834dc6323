import { Module } from '@nestjs/common';
import { ChannelController } from './channel.controller.js';
import { ChannelService } from './channel.service.js';

/** Runs in: api. A store's channels: created with a secret shown once, rotated with an overlap, disabled. */
@Module({ controllers: [ChannelController], providers: [ChannelService], exports: [ChannelService] })
export class ChannelModule {}
