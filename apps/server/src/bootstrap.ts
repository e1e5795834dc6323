import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module.js';
import type { AppConfig } from './config/config.js';
import type { ChannelAdapter } from './delivery/channel-adapter.js';
import { setupApiDocs } from './http/api-docs.js';
import { ingestShedding } from './http/ingest-shedding.js';
import { securityHeaders } from './http/security-headers.js';
import { RedisIoAdapter } from './realtime/redis-io.adapter.js';
import { WorkerModule } from './worker.module.js';

/** Builds the api application (not yet listening): HTTP under /api, socket.io, console at /. Signals are the entry point's (main.ts). */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { rawBody: true, bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(securityHeaders(config));
  app.use(ingestShedding(config));
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  setupApiDocs(app, config);
  serveConsole(app, config);
  return app;
}

/** The built console at `/`, with index.html for every client-side route. */
function serveConsole(app: NestExpressApplication, config: AppConfig): void {
  if (config.consoleDist === '') return;
  const dist = resolve(config.consoleDist ?? join(import.meta.dirname, '../../console/dist'));
  if (!existsSync(join(dist, 'index.html'))) {
    new NestLogger('Console').warn(`no built console at ${dist}: run npm run build`);
    return;
  }
  app.useStaticAssets(dist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const apiPath = /^\/(api|socket\.io|health)(\/|$)/.test(req.path);
    if (req.method !== 'GET' || apiPath || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
}

/** Builds the worker: an application context running the BullMQ processors. */
export async function createWorker(config: AppConfig, opts: { channelAdapter?: ChannelAdapter } = {}) {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, opts), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
