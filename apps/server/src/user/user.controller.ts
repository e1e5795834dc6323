import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { BulkReassignInput, BulkReassignResult, CreateInvitationInput, CreateUserInput, InvitationIssued, page, Role, UpdateUserInput, User } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiErrors } from '../errors/api-errors.decorator.js';
import { ApiZodBody, ApiZodCreated, ApiZodOk, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { InvitationService } from './invitation.service.js';
import { UserService } from './user.service.js';
import { notFound } from '../errors/desk-error.js';

const UserQuery = z.object({ role: Role.optional(), storeId: z.uuid().optional() });

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly invitations: InvitationService,
  ) {}

  /** Colleagues sharing a store with the caller (everyone for unrestricted roles), with presence. */
  @Get()
  @ApiOperation({ summary: 'Colleagues sharing a store with the caller (everyone for unrestricted roles), with presence' })
  @ApiZodOk(page(User))
  @ApiErrors('NOT_FOUND')
  list(@CurrentCaller() caller: Caller, @ZodQuery(UserQuery) q: Parsed<typeof UserQuery>) {
    return this.users.list(caller, q);
  }

  @Post()
  @Roles('admin')
  @ApiZodBody(CreateUserInput)
  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiZodCreated(User)
  @ApiErrors('EMAIL_TAKEN')
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateUserInput)) input: Parsed<typeof CreateUserInput>) {
    return this.users.create(caller, input);
  }

  /** Moves every open conversation of this agent to another agent, or back to the queue. */
  @Post(':id/reassign')
  @Roles('admin', 'supervisor')
  @ApiZodBody(BulkReassignInput)
  @ApiOperation({ summary: 'Move every open conversation of an agent to another agent, or back to the queue' })
  @ApiZodCreated(BulkReassignResult)
  reassign(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(BulkReassignInput)) input: Parsed<typeof BulkReassignInput>) {
    return this.users.reassignAll(caller, id, input.toUserId);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiZodBody(UpdateUserInput)
  @ApiOperation({ summary: 'Change a user (admin); a password, role, store or active change ends the user\'s sessions' })
  @ApiZodOk(User)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateUserInput)) input: Parsed<typeof UpdateUserInput>) {
    return this.users.update(caller, id, input);
  }

  /** A one-time link for the user to set their password, shown once to hand over (a newer one revokes the older). */
  @Post(':id/invitation')
  @Roles('admin')
  @ApiOperation({ summary: 'A one-time link for the user to set their password, shown once (a newer one revokes the older)' })
  @ApiZodCreated(InvitationIssued)
  @ApiErrors('INVITATION_GONE')
  @ApiZodBody(CreateInvitationInput)
  async invite(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(CreateInvitationInput)) input: Parsed<typeof CreateInvitationInput>) {
    const user = await this.users.visibleUser(caller, id);
    if (!user) throw notFound('User');
    return this.invitations.issue(caller, user, input);
  }
}
