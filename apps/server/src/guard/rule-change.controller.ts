import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateRuleChangeInput, ListRuleChangesQuery } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ZodQuery } from '../errors/api-zod.decorator.js';
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
  @ApiZodBody(CreateRuleChangeInput)
  publish(@CurrentCaller() caller: Caller, @Body(zod(CreateRuleChangeInput)) input: Parsed<typeof CreateRuleChangeInput>) {
    return this.changes.publish(caller, input);
  }

  @Get()
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListRuleChangesQuery) q: Parsed<typeof ListRuleChangesQuery>) {
    return this.changes.list(caller, q);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.changes.get(caller, id);
  }

  @Post(':id/ack')
  @HttpCode(200)
  acknowledge(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.changes.acknowledge(caller, id);
  }
}
