import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module.js';
import { GuardModule } from '../guard/guard.module.js';
import { KbArticleService } from './kb-article.service.js';
import { KbGapService } from './kb-gap.service.js';
import { KbLexicon } from './kb-lexicon.service.js';
import { KbQuestionService } from './kb-question.service.js';
import { KbRankedArticles } from './kb-ranked-articles.js';
import { KbSearchService } from './kb-search.service.js';
import { KbStatsService } from './kb-stats.service.js';
import { KbSuggestService } from './kb-suggest.service.js';
import { KbSynonymService } from './kb-synonym.service.js';
import { KbController } from './kb.controller.js';
import { QuickReplyController } from './quick-reply.controller.js';
import { QuickReplyService } from './quick-reply.service.js';

/** Runs in: api. The knowledge base (articles, search, suggestions, similar questions, gaps, synonyms) and quick replies. */
@Module({
  imports: [ConversationModule, GuardModule],
  controllers: [KbController, QuickReplyController],
  providers: [KbLexicon, KbRankedArticles, KbSynonymService, KbGapService, KbSearchService, KbArticleService, KbSuggestService, KbStatsService, KbQuestionService, QuickReplyService],
  exports: [KbSearchService],
})
export class KbModule {}
