import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module.js';
import { SessionModule } from '../session/session.module.js';
import { UserController } from './user.controller.js';
import { UserService } from './user.service.js';

/** Runs in: api. Desk users: accounts, roles, stores served, bulk reassignment. */
@Module({ imports: [RoutingModule, SessionModule], controllers: [UserController], providers: [UserService] })
export class UserModule {}
