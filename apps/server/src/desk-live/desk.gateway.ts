import { Inject, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { ActivityInput, DESK_NAMESPACE, DeskClientEvent, rooms } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { type TokenCheck, TokenService } from '../auth/token.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { PresenceService } from '../routing/presence.service.js';
import { RoutingService } from '../routing/routing.service.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { deferred } from '../redis/redis-errors.js';

/**
 * `unauthorized`: a bad token (log in again); `token expired`: a good one that is out of date
 * (expired, or issued before a password, role, store or active change): refresh and reconnect.
 */
const refusal = (why: 'invalid' | 'stale') => new Error(why === 'stale' ? 'token expired' : 'unauthorized');

interface SocketState {
  caller: Caller;
  /** Conversations this console announced it is viewing, with their store. */
  viewing: Map<string, string>;
}

/**
 * Namespace /desk: a client connects with `auth: {token}` and joins the rooms of the stores its
 * scope allows, its own user room and, for supervisors and admins, the leads' rooms of those stores.
 * A bad token is refused at connect (`connect_error`). A change of the user's password, role, stores
 * or active flag disconnects their sockets on every api process (EventPublisher.disconnectUser).
 * Connections drive presence; `conversation.activity` messages drive the collision guard ("X is
 * viewing / typing").
 */
@WebSocketGateway({ namespace: DESK_NAMESPACE })
export class DeskGateway implements OnGatewayInit, OnGatewayDisconnect, OnApplicationShutdown {
  private readonly logger = new Logger(DeskGateway.name);
  private nsp: Namespace | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly tokens: TokenService,
    private readonly presence: PresenceService,
    private readonly routing: RoutingService,
    private readonly conversations: ConversationService,
    private readonly events: EventPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(nsp: Namespace): void {
    this.nsp = nsp;
    nsp.use((socket, next) => {
      this.authenticate(socket)
        .then(async (checked) => {
          if ('refused' in checked) return next(refusal(checked.refused));
          const { caller } = checked;
          (socket.data as SocketState) = { caller, viewing: new Map() };
          await socket.join(this.roomsOf(caller));
          // The user's token version may have changed while this socket was being admitted; if it
          // changed after this check, the change's disconnect reaches the user room just joined.
          if (!(await this.tokens.isCurrent(caller.user))) return next(refusal('stale'));
          next();
          // Presence lives in Redis: while it is down the console is connected all the same, and
          // the heartbeat (or the reconnect after the outage) announces it.
          this.onConnected(socket, caller).catch(deferred(this.logger, `presence of ${caller.user.id} not recorded now (announced by the heartbeat)`));
        })
        .catch((err) => {
          this.logger.error(err);
          next(new Error('unavailable'));
        });
    });
    this.heartbeat = setInterval(() => void this.announceSockets(), this.config.presenceHeartbeatMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.heartbeat);
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    const state = socket.data as SocketState | undefined;
    if (!state?.caller) return;
    const { user } = state.caller;
    if (user.role === 'client') return;
    for (const [conversationId, storeId] of state.viewing)
      this.events.toStore('conversation.activity', { conversationId, storeId, userId: user.id, userName: user.name, state: 'left' });
    await this.presence.disconnected(user.id, socket.id).catch((err: Error) => this.logger.warn(`presence: ${err.message}`));
  }

  /** `conversation.activity {conversationId, state}`: shown to the others who see that store. */
  @SubscribeMessage(DeskClientEvent.ConversationActivity)
  async activity(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean; error?: string }> {
    const parsed = ActivityInput.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'conversationId and state (viewing, typing, left) are required' };
    const state = socket.data as SocketState;
    if (state.caller.user.role === 'client') return { ok: false, error: 'client accounts are read-only' };
    const conv = await this.conversations.findVisible(state.caller, parsed.data.conversationId).catch(() => null);
    if (!conv) return { ok: false, error: 'conversation not found' };
    // Whoever has a conversation open hears its messages even when it is someone else's (EventPublisher.toConversation).
    if (parsed.data.state === 'left') {
      state.viewing.delete(conv.id);
      await socket.leave(rooms.viewing(conv.id));
    } else {
      state.viewing.set(conv.id, conv.storeId);
      await socket.join(rooms.viewing(conv.id));
    }
    const { user } = state.caller;
    this.events.toStore('conversation.activity', { conversationId: conv.id, storeId: conv.storeId, userId: user.id, userName: user.name, state: parsed.data.state });
    return { ok: true };
  }

  private async onConnected(socket: Socket, caller: Caller): Promise<void> {
    if (caller.user.role === 'client') return; // the brand's staff are not on duty: no presence, no routing
    const cameOnline = await this.presence.connected(caller.user.id, socket.id);
    if (!cameOnline) return;
    await this.presence.announce(caller.user.id);
    if (caller.user.role === 'agent' && caller.user.status === 'available') await this.routing.requestDrain(caller.user.storeIds);
  }

  /** Keeps this process's consoles listed as connected; a crashed process's entries expire. */
  private async announceSockets(): Promise<void> {
    if (!this.nsp) return;
    const sockets = [...this.nsp.sockets.values()]
      .filter((s) => (s.data as SocketState)?.caller)
      .map((s) => ({ userId: (s.data as SocketState).caller.user.id, socketId: s.id }));
    await this.presence.heartbeat(sockets).catch((err: Error) => this.logger.warn(`presence heartbeat: ${err.message}`));
  }

  private authenticate(socket: Socket): Promise<TokenCheck> {
    const token = socket.handshake.auth?.token ?? socket.handshake.headers.authorization?.replace(/^Bearer\s+/i, '');
    return this.tokens.check(typeof token === 'string' ? token : undefined);
  }

  private roomsOf(caller: Caller): string[] {
    if (caller.user.role === 'client') return [...caller.scope.clientRooms(), rooms.user(caller.user.id)];
    const r = [...caller.scope.rooms(), rooms.user(caller.user.id)];
    if (caller.user.role === 'supervisor' || caller.user.role === 'admin') r.push(...caller.scope.leadRooms());
    return r;
  }
}
