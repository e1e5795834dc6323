import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateTicketInput, ListTicketsQuery, SetCauseInput, TicketDraftQuery, TransitionInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { TicketService } from './ticket.service.js';
import { TicketTransitionService } from './ticket-transition.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketController {
  constructor(
    private readonly tickets: TicketService,
    private readonly transitions: TicketTransitionService,
  ) {}

  @Get()
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListTicketsQuery) q: Parsed<typeof ListTicketsQuery>) {
    return this.tickets.list(caller, q);
  }

  @Get('draft')
  @Roles('agent', 'supervisor', 'admin')
  draft(@CurrentCaller() caller: Caller, @ZodQuery(TicketDraftQuery) q: Parsed<typeof TicketDraftQuery>) {
    return this.tickets.draft(caller, q);
  }

  @Post()
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(CreateTicketInput)
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateTicketInput)) input: Parsed<typeof CreateTicketInput>) {
    return this.tickets.create(caller, input);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.tickets.detail(caller, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(TransitionInput)
  transition(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(TransitionInput)) input: Parsed<typeof TransitionInput>) {
    return this.transitions.transition(caller, id, input);
  }

  @Post(':id/cause')
  @HttpCode(200)
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(SetCauseInput)
  cause(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(SetCauseInput)) input: Parsed<typeof SetCauseInput>) {
    return this.tickets.setCause(caller, id, input.cause);
  }
}
