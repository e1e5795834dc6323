import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module.js';
import { CsatFiguresService } from './csat-figures.service.js';
import { CsatService } from './csat.service.js';

/** Runs in: both. Satisfaction surveys (asked when a conversation is resolved, answers recognised inbound) and their figures. */
@Module({ imports: [ConversationModule], providers: [CsatService, CsatFiguresService], exports: [CsatService, CsatFiguresService] })
export class CsatModule {}
