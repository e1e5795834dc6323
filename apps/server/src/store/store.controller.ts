import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateChannelInput, CreateStoreInput, UpdateStoreInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { toStoreDto } from './store.dto.js';
import { StoreService } from './store.service.js';

@ApiTags('stores')
@ApiBearerAuth()
@Controller('stores')
export class StoreController {
  constructor(private readonly stores: StoreService) {}

  @Get()
  list(@CurrentCaller() caller: Caller) {
    return this.stores.list(caller);
  }

  @Post()
  @Roles('admin')
  @ApiZodBody(CreateStoreInput)
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateStoreInput)) input: Parsed<typeof CreateStoreInput>) {
    return this.stores.create(caller, input);
  }

  @Get(':id')
  async get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return toStoreDto(await this.stores.get(caller, id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiZodBody(UpdateStoreInput)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateStoreInput)) input: Parsed<typeof UpdateStoreInput>) {
    return this.stores.update(caller, id, input);
  }

  @Get(':id/channels')
  @Roles('admin', 'supervisor')
  channels(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.stores.listChannels(caller, id);
  }

  @Post(':id/channels')
  @Roles('admin')
  @ApiZodBody(CreateChannelInput)
  createChannel(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(CreateChannelInput)) input: Parsed<typeof CreateChannelInput>) {
    return this.stores.createChannel(caller, id, input);
  }
}
