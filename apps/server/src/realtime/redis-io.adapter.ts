import cluster from 'node:cluster';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { DESK_NAMESPACE } from '@kefu/contracts';
import type { AppConfig } from '../config/config.js';
import { connectionErrorLog } from '../redis/redis-errors.js';
import { patientRedis } from '../redis/redis-options.js';
import { RedisStatus } from '../redis/redis-status.service.js';
import { socketKey } from './socket-key.util.js';
import { socketOriginAllowed } from './socket-origin.js';

/**
 * socket.io over Redis pub/sub, so events published anywhere reach clients of any api process;
 * browsers connect only from the desk's origins.
 * Events published while this process's subscriber was cut off never reach its consoles: when
 * it is back, the process drops its consoles' connections, and each reconnects and refetches its
 * lists (as after any reconnect), so nothing missed stays missing.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly log = new Logger('RedisIoAdapter');
  private readonly pub: Redis;
  private readonly sub: Redis;
  private server: Server | undefined;
  private cutOff = false;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
    this.pub = new Redis(config.redisUrl, patientRedis);
    this.sub = this.pub.duplicate();
    const log = connectionErrorLog(this.log, 'socket.io Redis');
    this.pub.on('error', log);
    this.sub.on('error', log);
    this.sub.on('close', () => (this.cutOff = this.server !== undefined));
    this.sub.on('ready', () => void this.reconnectConsoles());
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      // Under bin/api-cluster.mjs a request may reach any process: long-polling (several requests per
      // session) would need sticky sessions, a websocket is one connection to one process.
      ...(cluster.isWorker ? { transports: ['websocket'] } : {}),
      cors: { origin: this.config.corsOrigins, credentials: true },
      allowRequest: (req, done) => done(null, socketOriginAllowed(req, this.config.corsOrigins)),
    } as ServerOptions);
    server.adapter(createAdapter(this.pub, this.sub, { key: socketKey(this.config) }));
    this.server = server;
    return server;
  }

  override async dispose(): Promise<void> {
    this.server = undefined;
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private async reconnectConsoles(): Promise<void> {
    if (!this.cutOff || !this.server) return;
    this.cutOff = false;
    // Reconnecting consoles record their presence: wait (a little) for the command connection too.
    await this.app
      .get(RedisStatus, { strict: false })
      .whenUp(5000)
      .catch(() => undefined);
    if (!this.server) return;
    const sockets = [...this.server.of(DESK_NAMESPACE).sockets.values()];
    // Closing the transport (not a socket.io disconnect, which clients do not retry by themselves):
    // every client reconnects as after a network blip.
    for (const socket of sockets) socket.conn.close();
    this.log.log(`live events flow again: ${sockets.length} consoles asked to reconnect and refetch`);
  }
}
