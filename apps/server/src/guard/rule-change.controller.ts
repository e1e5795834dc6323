import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateRuleChangeInput, ListRuleChangesQuery, page, RuleChange } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { RuleChangeService } from './rule-change.service.js';

@ApiTags('reply guard')
@ApiBearerAuth()
@Controller('rule-changes')
export class RuleChangeController {
  constructor(private readonly changes: RuleChangeService) {}

  @Post()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Publish a platform rule change (its guard rules come in force at effectiveAt)' })
  @ApiZodCreated(RuleChange)
  @ApiZodBody(CreateRuleChangeInput)
  publish(@CurrentCaller() caller: Caller, @Body(zod(CreateRuleChangeInput)) input: Parsed<typeof CreateRuleChangeInput>) {
    return this.changes.publish(caller, input);
  }

  @Get()
  @ApiOperation({ summary: 'Platform rule changes, newest first' })
  @ApiZodOk(page(RuleChange))
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListRuleChangesQuery) q: Parsed<typeof ListRuleChangesQuery>) {
    return this.changes.list(caller, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A platform rule change, with who acknowledged it' })
  @ApiZodOk(RuleChange)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.changes.get(caller, id);
  }

  @Post(':id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge a platform rule change (once per user)' })
  @ApiZodOk(RuleChange)
  acknowledge(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.changes.acknowledge(caller, id);
  }
}
