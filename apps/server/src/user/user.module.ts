import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module.js';
import { SessionModule } from '../session/session.module.js';
import { InvitationController } from './invitation.controller.js';
import { InvitationService } from './invitation.service.js';
import { UserController } from './user.controller.js';
import { UserService } from './user.service.js';

/** Runs in: api. Desk users: accounts, roles, stores served, invitations, bulk reassignment. */
@Module({
  imports: [RoutingModule, SessionModule],
  controllers: [UserController, InvitationController],
  providers: [UserService, InvitationService],
  exports: [UserService, InvitationService],
})
export class UserModule {}
