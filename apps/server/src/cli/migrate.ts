import { loadConfig } from '../config/config.js';
import { migrate } from '../database/migrate.js';
import { checkDatabase, runMain } from './preflight.js';

runMain(async () => {
  const config = loadConfig();
  await checkDatabase(config.databaseUrl);
  const applied = await migrate(config.databaseUrl);
  console.log(applied.length ? `kefu: applied migrations ${applied.join(', ')}` : 'kefu: database is up to date');
});
