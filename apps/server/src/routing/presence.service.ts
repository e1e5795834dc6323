import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { JobId, JobName, QueueName, rooms, type AgentPresenceEvent, type Presence } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { REDIS } from '../redis/redis.module.js';
import { UserEntity } from '../auth/user.entity.js';
import { deferred } from '../redis/redis-errors.js';

/**
 * Who is connected, in Redis (shared by every api process, rebuilt by their heartbeats): a sorted
 * set per user of socket ids scored by when their announcement expires, and the set of users the
 * desk treats as online (connected, or disconnected for less than the grace period).
 * Whether an agent is available or away is their choice, kept in PostgreSQL.
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger(PresenceService.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Routing) private readonly queue: Queue,
    private readonly events: EventPublisher,
  ) {}

  private socketsKey = (userId: string) => `${this.config.redisPrefix}:presence:sockets:${userId}`;
  private get onlineKey() {
    return `${this.config.redisPrefix}:presence:online`;
  }
  private get ttlMs() {
    return this.config.presenceHeartbeatMs * 3;
  }

  /** A console connected. Returns true when the user was offline before (not merely reloading). */
  async connected(userId: string, socketId: string): Promise<boolean> {
    const [, [, added]] = (await this.redis
      .multi()
      .zadd(this.socketsKey(userId), Date.now() + this.ttlMs, socketId)
      .sadd(this.onlineKey, userId)
      .exec()) as [unknown, [unknown, number]];
    await Promise.all([this.queue.remove(JobId.presenceOffline(userId)), this.queue.remove(JobId.presenceRebalance(userId))]);
    return added === 1;
  }

  /** A console disconnected: with none left, the grace period starts. */
  async disconnected(userId: string, socketId: string): Promise<void> {
    await this.redis.zrem(this.socketsKey(userId), socketId);
    if ((await this.liveUsers([userId])).size === 0) await this.scheduleOffline(userId, this.config.presenceGraceMs);
  }

  async scheduleOffline(userId: string, delay: number): Promise<void> {
    await this.queue.add(JobName.PresenceOffline, { userId }, { jobId: JobId.presenceOffline(userId), delay, removeOnComplete: true, removeOnFail: true });
  }

  /** An api process re-announces the consoles connected to it. */
  async heartbeat(sockets: { userId: string; socketId: string }[]): Promise<void> {
    if (sockets.length === 0) return;
    const pipe = this.redis.pipeline();
    const expires = Date.now() + this.ttlMs;
    for (const s of sockets) pipe.zadd(this.socketsKey(s.userId), expires, s.socketId).sadd(this.onlineKey, s.userId);
    await pipe.exec();
  }

  /** The users among `userIds` with at least one console whose announcement has not expired. */
  async liveUsers(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const pipe = this.redis.pipeline();
    const now = Date.now();
    for (const id of userIds) pipe.zcount(this.socketsKey(id), now, '+inf');
    const counts = (await pipe.exec()) ?? [];
    return new Set(userIds.filter((_, i) => Number(counts[i]?.[1] ?? 0) > 0));
  }

  /** Users the desk treats as online: connected, or within their grace period. */
  async onlineUsers(): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.onlineKey));
  }

  /** The grace period ended: offline, unless a console came back. Returns whether they went offline. */
  async markOfflineIfGone(userId: string): Promise<boolean> {
    if ((await this.liveUsers([userId])).size > 0) return false;
    await this.redis.multi().srem(this.onlineKey, userId).del(this.socketsKey(userId)).exec();
    await this.announce(userId);
    if (this.config.rebalanceAfterMs >= 0)
      await this.queue.add(JobName.PresenceRebalance, { userId }, { jobId: JobId.presenceRebalance(userId), delay: this.config.rebalanceAfterMs, removeOnComplete: true, removeOnFail: true });
    return true;
  }

  /** Users still listed online whose consoles all stopped announcing (their api process died). */
  async staleOnlineUsers(): Promise<string[]> {
    const online = [...(await this.onlineUsers())];
    const live = await this.liveUsers(online);
    return online.filter((id) => !live.has(id));
  }

  /** online / away / offline of each user; everyone reads offline while Redis is down (re-announced after). */
  async presenceOf(users: Pick<UserEntity, 'id' | 'status'>[]): Promise<Map<string, Presence>> {
    const online = await this.onlineUsers().catch((err: Error) => {
      deferred(this.logger, 'presence unknown, shown as offline')(err);
      return new Set<string>();
    });
    return new Map(users.map((u) => [u.id, online.has(u.id) ? (u.status === 'away' ? 'away' : 'online') : 'offline']));
  }

  /**
   * Tells the agent's own consoles and the leads who may see the agent their presence now: leads of
   * every store get the whole event, a store's leads one naming only that store (a lead of several
   * of the agent's stores hears it once per store, never the agent's other stores).
   */
  async announce(userId: string): Promise<void> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) return;
    const presence = (await this.presenceOf([user])).get(user.id)!;
    const event: AgentPresenceEvent = { userId, name: user.name, presence, storeIds: user.storeIds };
    this.events.toRooms('agent.presence', event, [rooms.allLeads, rooms.user(userId)]);
    for (const storeId of user.storeIds) this.events.toRooms('agent.presence', { ...event, storeIds: [storeId] }, [rooms.leadsOf(storeId)]);
  }
}
