import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AssignInput, ListConversationsQuery, PostMessageInput, StatusInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { MessageService } from './message.service.js';
import { ConversationService } from './conversation.service.js';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly messages: MessageService,
  ) {}

  @Get()
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListConversationsQuery) q: Parsed<typeof ListConversationsQuery>) {
    return this.conversations.list(caller, q);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.conversations.detail(caller, id);
  }

  @Post(':id/messages')
  @ApiZodBody(PostMessageInput)
  post(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(PostMessageInput)) input: Parsed<typeof PostMessageInput>) {
    return this.messages.post(caller, id, input);
  }

  @Post(':id/assign')
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(AssignInput)
  assign(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(AssignInput)) input: Parsed<typeof AssignInput>) {
    return this.conversations.assign(caller, id, input);
  }

  @Post(':id/status')
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(StatusInput)
  status(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(StatusInput)) input: Parsed<typeof StatusInput>) {
    return this.conversations.setStatus(caller, id, input.status);
  }
}
