import { Logger } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { DESK_NAMESPACE, rooms } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { TokenService } from '../auth/token.service.js';

/**
 * Namespace /desk: a client connects with `auth: {token}` and joins the rooms of the stores its
 * scope allows, its own user room and, for supervisors, the supervisors' room. A bad token is
 * refused at connect (`connect_error`).
 */
@WebSocketGateway({ namespace: DESK_NAMESPACE })
export class DeskGateway implements OnGatewayInit {
  private readonly logger = new Logger(DeskGateway.name);

  constructor(private readonly tokens: TokenService) {}

  afterInit(nsp: Namespace): void {
    nsp.use((socket, next) => {
      this.authenticate(socket)
        .then((caller) => {
          if (!caller) return next(new Error('unauthorized'));
          socket.data.caller = caller;
          socket.join(this.roomsOf(caller));
          next();
        })
        .catch((err) => {
          this.logger.error(err);
          next(new Error('unavailable'));
        });
    });
  }

  private authenticate(socket: Socket): Promise<Caller | null> {
    const token = socket.handshake.auth?.token ?? socket.handshake.headers.authorization?.replace(/^Bearer\s+/i, '');
    return this.tokens.resolve(typeof token === 'string' ? token : undefined);
  }

  private roomsOf(caller: Caller): string[] {
    const r = [...caller.scope.rooms(), rooms.user(caller.user.id)];
    if (caller.user.role === 'supervisor' || caller.user.role === 'admin') r.push(rooms.supervisors);
    return r;
  }
}
