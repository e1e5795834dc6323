import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateTicketInput, ListTicketsQuery, page, SetCauseInput, Ticket, TicketDetail, TicketDraft, TicketDraftQuery, TransitionInput } from '@kefu/contracts';
import { ForClients, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
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
  @ForClients()
  @ApiOperation({ summary: 'After-sales tickets, filtered and paginated' })
  @ApiZodOk(page(Ticket))
  list(@CurrentCaller() caller: Caller, @ZodQuery(ListTicketsQuery) q: Parsed<typeof ListTicketsQuery>) {
    return this.tickets.list(caller, q);
  }

  @Get('draft')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'A ticket prefilled from the order and the customer\'s words, with the policy decision it would get (not stored)' })
  @ApiZodOk(TicketDraft)
  @ApiErrors('NOT_FOUND')
  draft(@CurrentCaller() caller: Caller, @ZodQuery(TicketDraftQuery) q: Parsed<typeof TicketDraftQuery>) {
    return this.tickets.draft(caller, q);
  }

  @Post()
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(CreateTicketInput)
  @ApiOperation({ summary: 'Open an after-sales ticket; the answer carries policyDecision' })
  @ApiZodCreated(Ticket)
  @ApiErrors('NOT_FOUND')
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateTicketInput)) input: Parsed<typeof CreateTicketInput>) {
    return this.tickets.create(caller, input);
  }

  @Get(':id')
  @ForClients()
  @ApiOperation({ summary: 'A ticket with its timeline' })
  @ApiZodOk(TicketDetail)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string) {
    return this.tickets.detail(caller, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(TransitionInput)
  @ApiOperation({ summary: 'Move a ticket through its states' })
  @ApiZodOk(Ticket)
  @ApiErrors('TICKET_ACTION_NOT_ALLOWED', 'TICKET_POLICY_REFUSED', 'TICKET_OVERRIDE_PENDING', 'TICKET_CAUSE_REQUIRED')
  transition(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(TransitionInput)) input: Parsed<typeof TransitionInput>) {
    return this.transitions.transition(caller, id, input);
  }

  @Post(':id/cause')
  @HttpCode(200)
  @Roles('agent', 'supervisor', 'admin')
  @ApiZodBody(SetCauseInput)
  @ApiOperation({ summary: 'Confirm or correct the root cause' })
  @ApiZodOk(Ticket)
  cause(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(SetCauseInput)) input: Parsed<typeof SetCauseInput>) {
    return this.tickets.setCause(caller, id, input.cause);
  }
}
