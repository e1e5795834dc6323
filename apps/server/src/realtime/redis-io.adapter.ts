import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/config.js';
import { socketKey } from './socket-key.util.js';
import { socketOriginAllowed } from './socket-origin.js';

/** socket.io over Redis pub/sub, so events published anywhere reach clients of any api process; browsers only from the desk's origins. */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(app: INestApplicationContext, private readonly config: AppConfig) {
    super(app);
    this.pub = new Redis(config.redisUrl);
    this.sub = this.pub.duplicate();
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.corsOrigins, credentials: true },
      allowRequest: (req, done) => done(null, socketOriginAllowed(req, this.config.corsOrigins)),
    } as ServerOptions);
    server.adapter(createAdapter(this.pub, this.sub, { key: socketKey(this.config) }));
    return server;
  }

  override async dispose(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
