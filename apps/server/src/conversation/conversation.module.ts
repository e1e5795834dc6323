import { Module } from '@nestjs/common';
import { GuardModule } from '../guard/guard.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { ConversationHooks } from './conversation-hooks.js';
import { ConversationSlaHandler } from './conversation-sla.handler.js';
import { ConversationState } from './conversation-state.service.js';
import { ConversationController } from './conversation.controller.js';
import { ConversationService } from './conversation.service.js';
import { CustomerMessenger } from './customer-messenger.service.js';
import { MessageService } from './message.service.js';

/** Runs in: both. Owns `conversations` and `messages`: inbox, replies, notes, assignment, status, the desk's own messages, response-clock flags. */
@Module({
  imports: [SlaModule, GuardModule],
  controllers: [ConversationController],
  providers: [ConversationService, MessageService, CustomerMessenger, ConversationState, ConversationHooks, ConversationSlaHandler],
  exports: [ConversationService, MessageService, CustomerMessenger, ConversationState, ConversationHooks],
})
export class ConversationModule {}
