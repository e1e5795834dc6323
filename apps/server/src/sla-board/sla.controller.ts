import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListSlaTimersQuery, page, ResponseRate, ResponseRateQuery, SlaBoardTimer, SlaSummary, SlaSummaryQuery } from '@kefu/contracts';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import type { Parsed } from '../errors/zod.pipe.js';
import { ResponseRateService } from './response-rate.service.js';
import { SlaQueryService } from './sla-query.service.js';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('sla')
export class SlaController {
  constructor(
    private readonly sla: SlaQueryService,
    private readonly responseRate: ResponseRateService,
  ) {}

  /** The supervisor board: running timers most urgent first, or breached ones newest first. */
  @Get('timers')
  @Roles('supervisor', 'admin', 'analyst')
  @ApiOperation({ summary: 'The supervisor board: running timers most urgent first, or breached ones newest first' })
  @ApiZodOk(page(SlaBoardTimer))
  timers(@CurrentCaller() caller: Caller, @ZodQuery(ListSlaTimersQuery) q: Parsed<typeof ListSlaTimersQuery>) {
    return this.sla.timers(caller, q);
  }

  /** First-response p50/p90 and breach rate, overall, by store and by agent, for a period. */
  @Get('summary')
  @ForClients()
  @Roles('supervisor', 'admin', 'analyst')
  @ApiOperation({ summary: 'First-response p50/p90 and breach rate, overall, by store and by agent, for a period' })
  @ApiZodOk(SlaSummary)
  summary(@CurrentCaller() caller: Caller, @ZodQuery(SlaSummaryQuery) q: Parsed<typeof SlaSummaryQuery>) {
    return this.sla.summary(caller, q);
  }

  /** The platforms' response metric (each store's `responseRule`): eligible and met waits by store, agent or day. */
  @Get('response-rate')
  @ForClients()
  @Roles('supervisor', 'admin', 'analyst')
  @ApiOperation({ summary: "The platforms' response rate (each store's responseRule) over waits started in a period, by store, agent or day" })
  @ApiZodOk(ResponseRate)
  rate(@CurrentCaller() caller: Caller, @ZodQuery(ResponseRateQuery) q: Parsed<typeof ResponseRateQuery>) {
    return this.responseRate.rate(caller, q);
  }
}
