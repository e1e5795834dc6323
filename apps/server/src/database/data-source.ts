import type { ClientBase } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** `entities`: the list assembled at the composition root (src/entities.ts); none is needed to run migrations. */
export function dataSourceOptions(databaseUrl: string, entities: NonNullable<DataSourceOptions['entities']> = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: 20,
      application_name: 'kefu',
      // A connection PostgreSQL cannot give within 3 s fails the request (503) instead of queueing
      // it for the whole outage; refused connections fail at once anyway.
      connectionTimeoutMillis: 3000,
      // pg-pool hands a new connection over before TypeORM listens for its errors: a server shutting
      // down can send its FATAL in the same packet as "ready" and, with no listener, crash the process.
      // Errors still reach the queries and the pool; this listener only keeps them from being thrown.
      onConnect: (client: ClientBase) => void client.on('error', () => undefined),
    },
  };
}
