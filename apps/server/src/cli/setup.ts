// Run by `npm start` before the api and worker: migrate, then seed an empty database.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { ENTITIES } from '../entities.js';
import { migrate } from '../database/migrate.js';
import { seedIfEmpty } from '../seed/seed.js';
import { preflight, runMain } from './preflight.js';

runMain(async () => {
  const config = loadConfig();
  await preflight(config.databaseUrl, config.redisUrl);
  const applied = await migrate(config.databaseUrl);
  if (applied.length) console.log(`kefu: applied migrations ${applied.join(', ')}`);
  const db = await new DataSource({ ...dataSourceOptions(config.databaseUrl, ENTITIES), extra: { max: 2 } }).initialize();
  try {
    console.log(`kefu: ${await seedIfEmpty(db, config)}`);
  } finally {
    await db.destroy();
  }
});
