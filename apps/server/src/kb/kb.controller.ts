import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateKbArticleInput, CreateKbQuestionInput, CreateKbSynonymGroupInput, KbArticle, KbArticleQuestion, KbArticleSaved, KbArticleVersion, KbFeedback, KbFeedbackInput, KbQuestionWithArticle, KbSearchQuery, KbSearchResult, KbStats, KbStatsQuery, KbSuggestQuery, KbSuggestResult, KbSynonymGroup, KbUsage, KbUsageInput, ListKbArticleQuestionsQuery, ListKbArticlesQuery, ListKbQuestionsQuery, page, PageQuery, UpdateKbArticleInput, UpdateKbQuestionInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
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
  @ApiOperation({ summary: 'Knowledge-base articles the caller may see' })
  @ApiZodOk(page(KbArticle))
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListKbArticlesQuery) q: Parsed<typeof ListKbArticlesQuery>) {
    return this.articles.list(caller, q);
  }

  @Post('articles')
  @Roles('supervisor', 'admin')
  @ApiZodBody(CreateKbArticleInput)
  @ApiOperation({ summary: 'Create an article (global ones: admins and supervisors of every store); the answer lists the guard rules it breaks' })
  @ApiZodCreated(KbArticleSaved)
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateKbArticleInput)) input: Parsed<typeof CreateKbArticleInput>) {
    return this.articles.create(caller, input);
  }

  @Get('articles/:id')
  @ApiOperation({ summary: 'An article' })
  @ApiZodOk(KbArticle)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.articles.get(caller, id);
  }

  @Patch('articles/:id')
  @Roles('supervisor', 'admin')
  @ApiZodBody(UpdateKbArticleInput)
  @ApiOperation({ summary: 'Edit an article; with version, refused when it changed meanwhile; the answer lists the guard rules it breaks' })
  @ApiZodOk(KbArticleSaved)
  @ApiErrors('ARTICLE_VERSION_CONFLICT')
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateKbArticleInput)) input: Parsed<typeof UpdateKbArticleInput>) {
    return this.articles.update(caller, id, input);
  }

  @Delete('articles/:id')
  @Roles('supervisor', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an article' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    await this.articles.remove(caller, id);
  }

  @Get('articles/:id/versions')
  @ApiOperation({ summary: 'An article\'s earlier versions, newest first' })
  @ApiZodOk(page(KbArticleVersion))
  versions(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @ZodQuery(PageQuery) q: Parsed<typeof PageQuery>) {
    return this.articles.versions(caller, id, q);
  }

  /** An article's similar questions (相似问法); agents see the accepted ones. */
  @Get('articles/:id/questions')
  @ApiOperation({ summary: 'An article\'s similar questions (agents see the accepted ones)' })
  @ApiZodOk(page(KbArticleQuestion))
  articleQuestions(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @ZodQuery(ListKbArticleQuestionsQuery) q: Parsed<typeof ListKbArticleQuestionsQuery>) {
    return this.questions.listForArticle(caller, id, q);
  }

  /** Adds a similar question to an article, accepted at once (it counts in ranking from now on). */
  @Post('articles/:id/questions')
  @Roles('supervisor', 'admin')
  @ApiZodBody(CreateKbQuestionInput)
  @ApiOperation({ summary: 'Add a similar question to an article, accepted at once' })
  @ApiZodCreated(KbArticleQuestion)
  @ApiErrors('QUESTION_EXISTS')
  createQuestion(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(CreateKbQuestionInput)) input: Parsed<typeof CreateKbQuestionInput>) {
    return this.questions.create(caller, id, input);
  }

  /** Similar questions by status over the caller's articles, with their article: by default the proposals waiting for a decision. */
  @Get('questions')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Similar questions by status over the caller\'s articles (by default the proposals waiting)' })
  @ApiZodOk(page(KbQuestionWithArticle))
  @ApiErrors('NOT_FOUND')
  listQuestions(@CurrentCaller() caller: Caller, @ZodQuery(ListKbQuestionsQuery) q: Parsed<typeof ListKbQuestionsQuery>) {
    return this.questions.list(caller, q);
  }

  /** Accepts or rejects a proposal (`{status}`), or rewords a question (`{text}`). */
  @Patch('questions/:id')
  @Roles('supervisor', 'admin')
  @ApiZodBody(UpdateKbQuestionInput)
  @ApiOperation({ summary: 'Accept or reject a proposed similar question, or reword one' })
  @ApiZodOk(KbQuestionWithArticle)
  @ApiErrors('QUESTION_EXISTS')
  updateQuestion(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateKbQuestionInput)) input: Parsed<typeof UpdateKbQuestionInput>) {
    return this.questions.update(caller, id, input);
  }

  @Delete('questions/:id')
  @Roles('supervisor', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a similar question' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async removeQuestion(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    await this.questions.remove(caller, id);
  }

  /** Records that the article was inserted into a reply (`messageId`: the reply), and proposes the customer's question it answered as a similar question. */
  @Post('articles/:id/usage')
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(KbUsageInput)
  @ApiOperation({ summary: 'Record that the article went into a reply (its question becomes a proposal)' })
  @ApiZodCreated(KbUsage)
  usage(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(KbUsageInput)) input: Parsed<typeof KbUsageInput>) {
    return this.stats.recordUsage(caller, id, input);
  }

  @Post('articles/:id/feedback')
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(KbFeedbackInput)
  @ApiOperation({ summary: 'Record an agent\'s feedback on an article' })
  @ApiZodCreated(KbFeedback)
  feedback(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(KbFeedbackInput)) input: Parsed<typeof KbFeedbackInput>) {
    return this.stats.recordFeedback(caller, id, input);
  }

  /** `{items: [{article, score}]}`, best first; nothing when no article is relevant enough. */
  @Get('search')
  @ApiOperation({ summary: 'Search the knowledge base: articles with their score, best first' })
  @ApiZodOk(KbSearchResult)
  @ApiErrors('NOT_FOUND')
  search(@CurrentCaller() caller: Caller, @ZodQuery(KbSearchQuery) q: Parsed<typeof KbSearchQuery>) {
    return this.searcher.search(caller, q);
  }

  /** Articles answering the customer's latest messages in a conversation, with its variables filled in. */
  @Get('suggest')
  @ApiOperation({ summary: 'Articles answering the customer\'s latest messages in a conversation, variables filled in' })
  @ApiZodOk(KbSuggestResult)
  @ApiErrors('NOT_FOUND')
  suggest(@CurrentCaller() caller: Caller, @ZodQuery(KbSuggestQuery) q: Parsed<typeof KbSuggestQuery>) {
    return this.suggester.suggest(caller, q.conversationId);
  }

  @Get('synonyms')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'The search\'s synonym groups' })
  @ApiZodOk(page(KbSynonymGroup))
  listSynonyms() {
    return this.synonyms.list();
  }

  @Post('synonyms')
  @Roles('admin')
  @ApiZodBody(CreateKbSynonymGroupInput)
  @ApiOperation({ summary: 'Add a synonym group' })
  @ApiZodCreated(KbSynonymGroup)
  createSynonyms(@CurrentCaller() caller: Caller, @Body(zod(CreateKbSynonymGroupInput)) input: Parsed<typeof CreateKbSynonymGroupInput>) {
    return this.synonyms.create(caller, input);
  }

  @Delete('synonyms/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a synonym group' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async removeSynonyms(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    await this.synonyms.remove(caller, id);
  }

  /** Most used and least helpful articles, and the questions nothing answered. */
  @Get('stats')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Most used and least helpful articles, and the questions nothing answered' })
  @ApiZodOk(KbStats)
  @ApiErrors('NOT_FOUND')
  statistics(@CurrentCaller() caller: Caller, @ZodQuery(KbStatsQuery) q: Parsed<typeof KbStatsQuery>) {
    return this.stats.stats(caller, q);
  }
}
