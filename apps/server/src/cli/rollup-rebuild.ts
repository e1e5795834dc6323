// `node apps/server/dist/cli/rollup-rebuild.js [storeId]`: recomputes the cause rollups
// from tickets (PostgreSQL stays the source of truth; the rollups are derived data).
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { runMain } from './preflight.js';
import { loadConfig } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { ENTITIES } from '../entities.js';
import { rebuildRollups } from '../analytics/rollup-rebuild.js';

const storeId = process.argv[2];
if (storeId !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(storeId)) {
  console.error('kefu: usage: rollup-rebuild.js [storeId (a UUID)]');
  process.exit(2);
}

runMain(async () => {
  const config = loadConfig();
  const db = await new DataSource({ ...dataSourceOptions(config.databaseUrl, ENTITIES), extra: { max: 1 } }).initialize();
  try {
    const started = performance.now();
    await rebuildRollups(db, storeId);
    console.log(`kefu: cause rollups rebuilt${storeId ? ` for store ${storeId}` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
});
