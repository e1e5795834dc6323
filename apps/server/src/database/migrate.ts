import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';
import { ensureDatabase } from './ensure-database.js';

/** Creates the database if missing and applies pending migrations; returns their names. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const ds = new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 1 } });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
