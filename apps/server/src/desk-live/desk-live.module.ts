import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ConversationModule } from '../conversation/conversation.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { DeskGateway } from './desk.gateway.js';

/**
 * Runs in: api. The consoles' socket.io namespace: authenticates sockets, joins their rooms, keeps
 * presence and viewing state. A domain adapter over conversation and routing (it lives above them, so
 * neither imports the other through it); the publisher and the Redis adapter stay in realtime/.
 */
@Module({ imports: [AuthModule, ConversationModule, RoutingModule], providers: [DeskGateway] })
export class DeskLiveModule {}
