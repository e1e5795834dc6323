import { Body, Controller, Get, NotFoundException, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { BulkReassignInput, CreateInvitationInput, CreateUserInput, Role, UpdateUserInput } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodBody, ZodQuery } from '../errors/api-zod.decorator.js';
import { UuidPipe } from '../errors/uuid.pipe.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { InvitationService } from './invitation.service.js';
import { UserService } from './user.service.js';

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
  list(@CurrentCaller() caller: Caller, @ZodQuery(UserQuery) q: Parsed<typeof UserQuery>) {
    return this.users.list(caller, q);
  }

  @Post()
  @Roles('admin')
  @ApiZodBody(CreateUserInput)
  create(@CurrentCaller() caller: Caller, @Body(zod(CreateUserInput)) input: Parsed<typeof CreateUserInput>) {
    return this.users.create(caller, input);
  }

  /** Moves every open conversation of this agent to another agent, or back to the queue. */
  @Post(':id/reassign')
  @Roles('admin', 'supervisor')
  @ApiZodBody(BulkReassignInput)
  reassign(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(BulkReassignInput)) input: Parsed<typeof BulkReassignInput>) {
    return this.users.reassignAll(caller, id, input.toUserId);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiZodBody(UpdateUserInput)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(UpdateUserInput)) input: Parsed<typeof UpdateUserInput>) {
    return this.users.update(caller, id, input);
  }

  /** A one-time link for the user to set their password, shown once to hand over (a newer one revokes the older). */
  @Post(':id/invitation')
  @Roles('admin')
  @ApiZodBody(CreateInvitationInput)
  async invite(@CurrentCaller() caller: Caller, @Param('id', UuidPipe) id: string, @Body(zod(CreateInvitationInput)) input: Parsed<typeof CreateInvitationInput>) {
    const user = await this.users.visibleUser(caller, id);
    if (!user) throw new NotFoundException('User not found');
    return this.invitations.issue(caller, user, input);
  }
}
