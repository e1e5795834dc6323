import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { DESK_NAMESPACE, DeskServerEvents, rooms, type Conversation } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';
import { socketKey } from './socket-key.util.js';

type EventName = keyof DeskServerEvents;
type Payload<E extends EventName> = Parameters<DeskServerEvents[E]>[0];

/**
 * Publishes live events through Redis to every api process's socket.io server, so the worker and
 * any api instance reach every connected console alike. Events go to the store's room and to
 * callers who see all stores; the scope decided who joined which room.
 *
 * Fire and forget: an event Redis refuses (it is down) is counted and dropped, never thrown at the
 * caller whose change is already committed. Consoles refetch when they reconnect after the outage.
 */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly emitter: Emitter;
  private lost = 0;
  private readonly inflight = new Set<Promise<unknown>>();
  /** Per store, the conversations changed since its last `conversations.changed` (the latest state of each). */
  private readonly changed = new Map<string, Map<string, Conversation>>();
  private batchTimer: NodeJS.Timeout | null = null;
  private readonly batchMs: number;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.batchMs = config.inboxBatchMs;
    // The emitter only publishes, and drops the promise: it gets a client whose publish cannot reject.
    const client = {
      publish: (channel: string, message: string | Buffer) => {
        const sent = redis.publish(channel, message).then(
          (n) => this.delivered(n),
          () => this.dropped(),
        );
        this.inflight.add(sent);
        return sent.finally(() => this.inflight.delete(sent));
      },
    };
    this.emitter = new Emitter(client as unknown as Redis, { key: socketKey(config) }).of(DESK_NAMESPACE);
  }

  toStore<E extends EventName>(event: E, payload: Payload<E> & { storeId: string }, extraRooms: string[] = []): void {
    this.toRooms(event, payload, [rooms.store(payload.storeId), rooms.allStores, ...extraRooms]);
  }

  /**
   * A conversation's own traffic (a customer's message, the change it made): to those who work it — its assignee,
   * the store's leads, callers of every store, and whoever has it open. While nobody has it, to everyone of the
   * store, who may pick it. The store's other agents need only their inbox lists: they get the conversation in
   * the store's next `conversations.changed` (one event a moment instead of one per message: on a promotion day
   * this is most of the desk's socket traffic).
   */
  toConversation<E extends EventName>(event: E, payload: Payload<E> & { storeId: string }, conv: Conversation): void {
    if (!conv.assigneeId) return this.toStore(event, payload);
    this.toRooms(event, payload, [rooms.user(conv.assigneeId), rooms.leadsOf(conv.storeId), rooms.allLeads, rooms.allStores, rooms.viewing(conv.id)]);
    let store = this.changed.get(conv.storeId);
    if (!store) this.changed.set(conv.storeId, (store = new Map()));
    store.set(conv.id, conv);
    this.batchTimer ??= setTimeout(() => this.sendChanged(), this.batchMs).unref();
  }

  /** The batched conversations to the agents of their stores who did not get them with their events. */
  private sendChanged(): void {
    this.batchTimer = null;
    for (const [storeId, convs] of this.changed)
      this.emitter
        .to(rooms.store(storeId))
        .except([rooms.leadsOf(storeId), rooms.allLeads, rooms.allStores])
        .emit('conversations.changed', { storeId, items: [...convs.values()] });
    this.changed.clear();
  }

  /** Shutting down: what is batched goes now. */
  onApplicationShutdown(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    if (this.changed.size) this.sendChanged();
  }

  /** Closes every open socket of a user, on every api process (their tokens were just revoked). */
  disconnectUser(userId: string): void {
    this.emitter.in(rooms.user(userId)).disconnectSockets(true);
  }

  /** To given rooms only (e.g. supervisors, one user): for events that are not a store's. */
  toRooms<E extends EventName>(event: E, payload: Payload<E>, to: string[]): void {
    this.emitter.to(to).emit(event, payload);
  }

  /** Resolves when every event published so far reached Redis (or was dropped): for a caller that must announce before it commits. */
  async flush(): Promise<void> {
    await Promise.all([...this.inflight]);
  }

  private delivered(n: number): number {
    if (this.lost) this.logger.warn(`${this.lost} live events were not published while Redis was unavailable (consoles refetch on reconnect)`);
    this.lost = 0;
    return n;
  }

  private dropped(): void {
    if (this.lost++ === 0) this.logger.warn('live events are not reaching consoles: Redis is unavailable');
  }
}
