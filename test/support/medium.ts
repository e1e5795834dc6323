// The medium tier: one domain module of the server on the desk's infrastructure (CoreModule), as an
// application context (no HTTP, no worker processes) on the run's PostgreSQL (migrated by
// global-setup.js) and Redis prefix, with rows made by SQL.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../apps/server/src/config/config.js';
import { CoreModule } from '../../apps/server/src/core.module.js';
import { seedIfEmpty } from '../../apps/server/src/seed/seed.js';

export interface Medium {
  app: INestApplicationContext;
  db: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

export const mediumConfig = () => loadConfig({ ...process.env, LOG_LEVEL: 'silent', DEMO_HISTORY: 'false', CONSOLE_DIST: '' });

@Module({})
class MediumRoot {}

/** Boots `modules` (e.g. the module under test) on the desk's infrastructure, with the demo seed present. */
export async function startMedium(...modules: Type[]): Promise<Medium> {
  const config = mediumConfig();
  const root = { module: MediumRoot, imports: [CoreModule.forRoot(config, 'api'), ...modules] };
  const app = await NestFactory.createApplicationContext(root, { logger: false });
  const db = app.get(DataSource);
  await seedIfEmpty(db, config);
  return { app, db, config, close: () => app.close() };
}

const one = async <T>(db: DataSource, sql: string, params: unknown[]): Promise<T> => ((await db.query(sql, params)) as T[])[0];

/** A store like the demo's (its policies), open around the clock, with a channel. */
export async function makeStore(db: DataSource): Promise<{ storeId: string; channelId: string }> {
  const { id: storeId } = await one<{ id: string }>(
    db,
    `INSERT INTO stores (name, platform, return_policy, sla_policy, timezone, business_hours)
     SELECT $1, platform, return_policy, sla_policy, timezone, NULL FROM stores ORDER BY created_at LIMIT 1 RETURNING id`,
    [`Medium ${randomUUID().slice(0, 8)}`],
  );
  const { id: channelId } = await one<{ id: string }>(db, `INSERT INTO channels (store_id, kind, name, secret) VALUES ($1, 'marketplace_chat', 'chat', $2) RETURNING id`, [storeId, randomUUID()]);
  return { storeId, channelId };
}

/** An active, available agent of `storeIds`. */
export async function makeAgent(db: DataSource, storeIds: string[], maxConcurrent = 8): Promise<string> {
  const email = `m-${randomUUID().slice(0, 8)}@example.test`;
  return (await one<{ id: string }>(db, `INSERT INTO users (email, name, password_hash, role, store_ids, languages, max_concurrent) VALUES ($1, $1, 'x', 'agent', $2, '{zh,en}', $3) RETURNING id`, [email, storeIds, maxConcurrent])).id;
}

/** An open, unassigned conversation of a new customer. */
export async function makeConversation(db: DataSource, s: { storeId: string; channelId: string }): Promise<{ conversationId: string; customerId: string }> {
  const { id: customerId } = await one<{ id: string }>(db, `INSERT INTO customers (store_id, external_id, name) VALUES ($1, $2, '测试买家') RETURNING id`, [s.storeId, `buyer-${randomUUID().slice(0, 8)}`]);
  const { id: conversationId } = await one<{ id: string }>(
    db,
    `INSERT INTO conversations (store_id, channel_id, customer_id, last_message_at, awaiting_reply_since, queued_at) VALUES ($1, $2, $3, now(), now(), now()) RETURNING id`,
    [s.storeId, s.channelId, customerId],
  );
  return { conversationId, customerId };
}
