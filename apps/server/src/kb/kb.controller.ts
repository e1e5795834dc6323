import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateKbArticleInput,
  CreateKbQuestionInput,
  CreateKbSynonymGroupInput,
  KbFeedbackInput,
  KbSearchQuery,
  KbStatsQuery,
  KbSuggestQuery,
  KbUsageInput,
  ListKbArticleQuestionsQuery,
  ListKbArticlesQuery,
  ListKbQuestionsQuery,
  PageQuery,
  UpdateKbArticleInput,
  UpdateKbQuestionInput,
} from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { KbArticleService } from './kb-article.service.js';
import { KbQuestionService } from './kb-question.service.js';
import { KbSearchService } from './kb-search.service.js';
import { KbStatsService } from './kb-stats.service.js';
import { KbSuggestService } from './kb-suggest.service.js';
import { KbSynonymService } from './kb-synonym.service.js';

/** The FAQ knowledge base: every caller reads what their stores may see; supervisors and admins write. */
@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('kb')
export class KbController {
  constructor(
    private readonly articles: KbArticleService,
    private readonly searcher: KbSearchService,
    private readonly suggester: KbSuggestService,
    private readonly synonyms: KbSynonymService,
    private readonly stats: KbStatsService,
    private readonly questions: KbQuestionService,
  ) {}

  @Get('articles')
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListKbArticlesQuery) q: Parsed<typeof ListKbArticlesQuery>) {
    return this.articles.list(caller, q);
  }

  @Post('articles')
  @Roles('supervisor', 'admin')
  @ApiZodBody(CreateKbArticleInput)
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateKbArticleInput)) input: Parsed<typeof CreateKbArticleInput>) {
    return this.articles.create(caller, input);
  }

  @Get('articles/:id')
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.articles.get(caller, id);
  }

  @Patch('articles/:id')
  @Roles('supervisor', 'admin')
  @ApiZodBody(UpdateKbArticleInput)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateKbArticleInput)) input: Parsed<typeof UpdateKbArticleInput>) {
    return this.articles.update(caller, id, input);
  }

  @Delete('articles/:id')
  @Roles('supervisor', 'admin')
  @HttpCode(204)
  async remove(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    await this.articles.remove(caller, id);
  }

  @Get('articles/:id/versions')
  versions(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @ZodQuery(PageQuery) q: Parsed<typeof PageQuery>) {
    return this.articles.versions(caller, id, q);
  }

  /** An article's similar questions (相似问法); agents see the accepted ones. */
  @Get('articles/:id/questions')
  articleQuestions(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @ZodQuery(ListKbArticleQuestionsQuery) q: Parsed<typeof ListKbArticleQuestionsQuery>) {
    return this.questions.listForArticle(caller, id, q);
  }

  /** Adds a similar question to an article, accepted at once (it counts in ranking from now on). */
  @Post('articles/:id/questions')
  @Roles('supervisor', 'admin')
  @ApiZodBody(CreateKbQuestionInput)
  createQuestion(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(CreateKbQuestionInput)) input: Parsed<typeof CreateKbQuestionInput>) {
    return this.questions.create(caller, id, input);
  }

  /** Similar questions by status over the caller's articles, with their article: by default the proposals waiting for a decision. */
  @Get('questions')
  @Roles('supervisor', 'admin')
  listQuestions(@CurrentCaller() caller: Caller, @ZodQuery(ListKbQuestionsQuery) q: Parsed<typeof ListKbQuestionsQuery>) {
    return this.questions.list(caller, q);
  }

  /** Accepts or rejects a proposal (`{status}`), or rewords a question (`{text}`). */
  @Patch('questions/:id')
  @Roles('supervisor', 'admin')
  @ApiZodBody(UpdateKbQuestionInput)
  updateQuestion(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateKbQuestionInput)) input: Parsed<typeof UpdateKbQuestionInput>) {
    return this.questions.update(caller, id, input);
  }

  @Delete('questions/:id')
  @Roles('supervisor', 'admin')
  @HttpCode(204)
  async removeQuestion(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    await this.questions.remove(caller, id);
  }

  /** Records that the article was inserted into a reply (`messageId`: the reply), and proposes the customer's question it answered as a similar question. */
  @Post('articles/:id/usage')
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(KbUsageInput)
  usage(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(KbUsageInput)) input: Parsed<typeof KbUsageInput>) {
    return this.stats.recordUsage(caller, id, input);
  }

  @Post('articles/:id/feedback')
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(KbFeedbackInput)
  feedback(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(KbFeedbackInput)) input: Parsed<typeof KbFeedbackInput>) {
    return this.stats.recordFeedback(caller, id, input);
  }

  /** `{items: [{article, score}]}`, best first; nothing when no article is relevant enough. */
  @Get('search')
  search(@CurrentCaller() caller: Caller, @ZodQuery(KbSearchQuery) q: Parsed<typeof KbSearchQuery>) {
    return this.searcher.search(caller, q);
  }

  /** Articles answering the customer's latest messages in a conversation, with its variables filled in. */
  @Get('suggest')
  suggest(@CurrentCaller() caller: Caller, @ZodQuery(KbSuggestQuery) q: Parsed<typeof KbSuggestQuery>) {
    return this.suggester.suggest(caller, q.conversationId);
  }

  @Get('synonyms')
  @Roles('supervisor', 'admin')
  listSynonyms() {
    return this.synonyms.list();
  }

  @Post('synonyms')
  @Roles('admin')
  @ApiZodBody(CreateKbSynonymGroupInput)
  createSynonyms(@CurrentCaller() caller: Caller, @Body(zod(CreateKbSynonymGroupInput)) input: Parsed<typeof CreateKbSynonymGroupInput>) {
    return this.synonyms.create(caller, input);
  }

  @Delete('synonyms/:id')
  @Roles('admin')
  @HttpCode(204)
  async removeSynonyms(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    await this.synonyms.remove(caller, id);
  }

  /** Most used and least helpful articles, and the questions nothing answered. */
  @Get('stats')
  @Roles('supervisor', 'admin')
  statistics(@CurrentCaller() caller: Caller, @ZodQuery(KbStatsQuery) q: Parsed<typeof KbStatsQuery>) {
    return this.stats.stats(caller, q);
  }
}
