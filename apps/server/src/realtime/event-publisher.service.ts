import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { DESK_NAMESPACE, DeskServerEvents, rooms } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';
import { socketKey } from './socket-key.util.js';

type EventName = keyof DeskServerEvents;
type Payload<E extends EventName> = Parameters<DeskServerEvents[E]>[0];

/**
 * Publishes live events through Redis to every api process's socket.io server, so the worker and
 * any api instance reach every connected console alike. Events go to the store's room and to
 * callers who see all stores; the scope decided who joined which room.
 */
@Injectable()
export class EventPublisher {
  private readonly emitter: Emitter;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.emitter = new Emitter(redis, { key: socketKey(config) }).of(DESK_NAMESPACE);
  }

  toStore<E extends EventName>(event: E, payload: Payload<E> & { storeId: string }, extraRooms: string[] = []): void {
    this.toRooms(event, payload, [rooms.store(payload.storeId), rooms.allStores, ...extraRooms]);
  }

  /** Closes every open socket of a user, on every api process (their tokens were just revoked). */
  disconnectUser(userId: string): void {
    this.emitter.in(rooms.user(userId)).disconnectSockets(true);
  }

  /** To given rooms only (e.g. supervisors, one user): for events that are not a store's. */
  toRooms<E extends EventName>(event: E, payload: Payload<E>, to: string[]): void {
    this.emitter.to(to).emit(event, payload);
  }
}
