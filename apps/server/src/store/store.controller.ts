import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Channel, ChannelWithSecret, CreateChannelInput, CreateStoreInput, page, Store, UpdateStoreInput } from '@kefu/contracts';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk } from '../errors/api-zod.decorator.js';
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
  @ForClients()
  @ApiOperation({ summary: 'The stores the caller may see, with their SLA and return policies' })
  @ApiZodOk(page(Store))
  list(@CurrentCaller() caller: Caller) {
    return this.stores.list(caller);
  }

  @Post()
  @Roles('admin')
  @ApiZodBody(CreateStoreInput)
  @ApiOperation({ summary: 'Create a store (admins of every store)' })
  @ApiZodCreated(Store)
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateStoreInput)) input: Parsed<typeof CreateStoreInput>) {
    return this.stores.create(caller, input);
  }

  @Get(':id')
  @ForClients()
  @ApiOperation({ summary: 'A store with its SLA and return policies' })
  @ApiZodOk(Store)
  async get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return toStoreDto(await this.stores.get(caller, id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiZodBody(UpdateStoreInput)
  @ApiOperation({ summary: 'Change a store\'s settings and policies' })
  @ApiZodOk(Store)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateStoreInput)) input: Parsed<typeof UpdateStoreInput>) {
    return this.stores.update(caller, id, input);
  }

  @Get(':id/channels')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'A store\'s channels (their secrets are never shown again)' })
  @ApiZodOk(page(Channel))
  channels(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.stores.listChannels(caller, id);
  }

  @Post(':id/channels')
  @Roles('admin')
  @ApiZodBody(CreateChannelInput)
  @ApiOperation({ summary: 'Create a channel; the answer shows its webhook secret once' })
  @ApiZodCreated(ChannelWithSecret)
  createChannel(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(CreateChannelInput)) input: Parsed<typeof CreateChannelInput>) {
    return this.stores.createChannel(caller, id, input);
  }
}
