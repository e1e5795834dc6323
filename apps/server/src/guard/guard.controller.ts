import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CreateGuardRuleInput, GuardCheckInput, GuardStatsQuery, ListGuardEventsQuery, ListGuardRulesQuery, PutStoreGuardProfileInput, UpdateGuardRuleInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { GuardCheckService } from './guard-check.service.js';
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
  ) {}

  @Get('rules')
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListGuardRulesQuery) q: Parsed<typeof ListGuardRulesQuery>) {
    return this.rules.list(caller, q);
  }

  @Post('rules')
  @Roles('supervisor', 'admin')
  @ApiZodBody(CreateGuardRuleInput)
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateGuardRuleInput)) input: Parsed<typeof CreateGuardRuleInput>) {
    return this.rules.create(caller, input);
  }

  @Patch('rules/:id')
  @Roles('supervisor', 'admin')
  @ApiZodBody(UpdateGuardRuleInput)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateGuardRuleInput)) input: Parsed<typeof UpdateGuardRuleInput>) {
    return this.rules.update(caller, id, input);
  }

  /** What a text breaks where it would be sent; the console calls it while the agent types. */
  @Post('check')
  @HttpCode(200)
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(GuardCheckInput)
  check(@CurrentCaller() caller: Caller, @Body(zod(GuardCheckInput)) input: Parsed<typeof GuardCheckInput>) {
    return this.checks.check(caller, input);
  }

  @Get('stores/:storeId')
  profile(@CurrentCaller() caller: Caller, @Param('storeId', UuidPipe) storeId: string) {
    return this.rules.profile(caller, storeId);
  }

  /** The categories a store sells (category-limited rules and rule changes apply to it). */
  @Put('stores/:storeId')
  @Roles('supervisor', 'admin')
  @ApiZodBody(PutStoreGuardProfileInput)
  putProfile(@CurrentCaller() caller: Caller, @Param('storeId', UuidPipe) storeId: string, @Body(zod(PutStoreGuardProfileInput)) input: Parsed<typeof PutStoreGuardProfileInput>) {
    return this.rules.putProfile(caller, storeId, input);
  }

  @Get('events')
  @Roles('supervisor', 'admin')
  events(@CurrentCaller() caller: Caller, @ZodQuery(ListGuardEventsQuery) q: Parsed<typeof ListGuardEventsQuery>) {
    return this.review.events(caller, q);
  }

  @Get('stats')
  @Roles('supervisor', 'admin', 'analyst')
  stats(@CurrentCaller() caller: Caller, @ZodQuery(GuardStatsQuery) q: Parsed<typeof GuardStatsQuery>) {
    return this.review.stats(caller, q);
  }

  @Get('review/sample')
  @Roles('supervisor', 'admin')
  sample(@CurrentCaller() caller: Caller, @ZodQuery(SampleQuery) q: Parsed<typeof SampleQuery>) {
    return this.review.sample(caller, q);
  }
}
