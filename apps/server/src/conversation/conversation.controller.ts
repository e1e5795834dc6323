import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignInput, Conversation, ConversationDetail, ListConversationsQuery, Message, page, PostMessageInput, StatusInput } from '@kefu/contracts';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
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
  @ForClients()
  @ApiOperation({ summary: 'The inbox: conversations newest activity first, filtered and paginated' })
  @ApiZodOk(page(Conversation))
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListConversationsQuery) q: Parsed<typeof ListConversationsQuery>) {
    return this.conversations.list(caller, q);
  }

  @Get(':id')
  @ForClients()
  @ApiOperation({ summary: 'A conversation with its messages, customer, tickets and SLA timers' })
  @ApiZodOk(ConversationDetail)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.conversations.detail(caller, id);
  }

  @Post(':id/messages')
  @ApiZodBody(PostMessageInput)
  @ApiOperation({ summary: 'Post an agent reply (delivered by the worker) or an internal note' })
  @ApiZodCreated(Message)
  @ApiErrors('CONVERSATION_TAKEN', 'CONVERSATION_READ_ONLY', 'REPLY_BLOCKED', 'REPLY_NEEDS_CONFIRMATION')
  post(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(PostMessageInput)) input: Parsed<typeof PostMessageInput>) {
    return this.messages.post(caller, id, input);
  }

  @Post(':id/assign')
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(AssignInput)
  @ApiOperation({ summary: 'Assign the conversation to an agent, or return it to the queue (assigneeId null)' })
  @ApiZodCreated(Conversation)
  @ApiErrors('ASSIGN_SELF_ONLY')
  assign(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(AssignInput)) input: Parsed<typeof AssignInput>) {
    return this.conversations.assign(caller, id, input);
  }

  @Post(':id/status')
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(StatusInput)
  @ApiOperation({ summary: 'Set the status: open, pending (waiting on the customer) or resolved' })
  @ApiZodCreated(Conversation)
  @ApiErrors('CONVERSATION_ALREADY_ACTIVE')
  status(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(StatusInput)) input: Parsed<typeof StatusInput>) {
    return this.conversations.setStatus(caller, id, input.status);
  }
}
