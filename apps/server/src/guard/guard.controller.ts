import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CreateGuardReviewScoreInput, CreateGuardRuleInput, GuardCheckInput, GuardCheckResult, GuardEvent, GuardReviewSample, GuardReviewScore, GuardRule, GuardStatsQuery, GuardStatsRow, ListGuardEventsQuery, ListGuardReviewScoresQuery, ListGuardRulesQuery, page, PutStoreGuardProfileInput, StoreGuardProfile, UpdateGuardRuleInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { GuardCheckService } from './guard-check.service.js';
import { GuardReviewScoresService } from './guard-review-scores.service.js';
import { GuardReviewService } from './guard-review.service.js';
import { GuardRulesService } from './guard-rules.service.js';

const SampleQuery = z.object({ storeId: z.uuid().optional(), size: z.coerce.number().int().min(1).max(50).default(5) });

@ApiTags('reply guard')
@ApiBearerAuth()
@Controller('guard')
export class GuardController {
  constructor(
    private readonly rules: GuardRulesService,
    private readonly checks: GuardCheckService,
    private readonly review: GuardReviewService,
    private readonly scores: GuardReviewScoresService,
  ) {}

  @Get('rules')
  @ApiOperation({ summary: "Guard rules in force for the caller's stores (global ones too)" })
  @ApiZodOk(page(GuardRule))
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListGuardRulesQuery) q: Parsed<typeof ListGuardRulesQuery>) {
    return this.rules.list(caller, q);
  }

  @Post('rules')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Add a guard rule (global or a store's)" })
  @ApiZodCreated(GuardRule)
  @ApiZodBody(CreateGuardRuleInput)
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateGuardRuleInput)) input: Parsed<typeof CreateGuardRuleInput>) {
    return this.rules.create(caller, input);
  }

  @Patch('rules/:id')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Change, turn off or on a guard rule' })
  @ApiZodOk(GuardRule)
  @ApiZodBody(UpdateGuardRuleInput)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateGuardRuleInput)) input: Parsed<typeof UpdateGuardRuleInput>) {
    return this.rules.update(caller, id, input);
  }

  /** What a text breaks where it would be sent; the console calls it while the agent types. */
  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'What a text breaks where it would be sent (called while the agent types)' })
  @ApiZodOk(GuardCheckResult)
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(GuardCheckInput)
  check(@CurrentCaller() caller: Caller, @Body(zod(GuardCheckInput)) input: Parsed<typeof GuardCheckInput>) {
    return this.checks.check(caller, input);
  }

  @Get('stores/:storeId')
  @ApiOperation({ summary: 'The categories a store sells (for category-limited rules)' })
  @ApiZodOk(StoreGuardProfile)
  profile(@CurrentCaller() caller: Caller, @Param('storeId', UuidPipe) storeId: string) {
    return this.rules.profile(caller, storeId);
  }

  /** The categories a store sells (category-limited rules and rule changes apply to it). */
  @Put('stores/:storeId')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Set the categories a store sells' })
  @ApiZodOk(StoreGuardProfile)
  @ApiZodBody(PutStoreGuardProfileInput)
  putProfile(@CurrentCaller() caller: Caller, @Param('storeId', UuidPipe) storeId: string, @Body(zod(PutStoreGuardProfileInput)) input: Parsed<typeof PutStoreGuardProfileInput>) {
    return this.rules.putProfile(caller, storeId, input);
  }

  @Get('events')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Blocked replies and overrides, newest first' })
  @ApiZodOk(page(GuardEvent))
  events(@CurrentCaller() caller: Caller, @ZodQuery(ListGuardEventsQuery) q: Parsed<typeof ListGuardEventsQuery>) {
    return this.review.events(caller, q);
  }

  @Get('stats')
  @Roles('supervisor', 'admin', 'analyst')
  @ApiOperation({ summary: 'Blocks and overrides per rule and store over a period' })
  @ApiZodOk(z.object({ items: z.array(GuardStatsRow) }))
  stats(@CurrentCaller() caller: Caller, @ZodQuery(GuardStatsQuery) q: Parsed<typeof GuardStatsQuery>) {
    return this.review.stats(caller, q);
  }

  @Get('review/sample')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'A random sample of recent conversations for quality review' })
  @ApiZodOk(GuardReviewSample)
  sample(@CurrentCaller() caller: Caller, @ZodQuery(SampleQuery) q: Parsed<typeof SampleQuery>) {
    return this.review.sample(caller, q);
  }

  @Post('review/scores')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Score a conversation of the caller's stores (scoring it again replaces the caller's score)" })
  @ApiZodCreated(GuardReviewScore)
  @ApiZodBody(CreateGuardReviewScoreInput)
  @ApiErrors('NOT_FOUND')
  score(@CurrentCaller() caller: Caller, @Body(zod(CreateGuardReviewScoreInput)) input: Parsed<typeof CreateGuardReviewScoreInput>) {
    return this.scores.score(caller, input);
  }

  @Get('review/scores')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Quality scores of the caller's stores' conversations, most recently given first" })
  @ApiZodOk(page(GuardReviewScore))
  listScores(@CurrentCaller() caller: Caller, @ZodQuery(ListGuardReviewScoresQuery) q: Parsed<typeof ListGuardReviewScoresQuery>) {
    return this.scores.list(caller, q);
  }
}
