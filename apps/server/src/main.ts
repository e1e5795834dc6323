import 'reflect-metadata';
import { createApi } from './bootstrap.js';
import { guardProcess, stopOnSignals } from './cli/process-guards.js';
import { preflight, runMain } from './cli/preflight.js';
import { loadConfig } from './config/config.js';

guardProcess('api');
runMain(async () => {
  const config = loadConfig();
  await preflight(config.databaseUrl, config.redisUrl);
  const app = await createApi(config);
  stopOnSignals('api', () => app.close());
  await app.listen(config.port);
  console.log(`kefu api: listening on http://localhost:${config.port} (API /api, docs /api/docs)`);
});
