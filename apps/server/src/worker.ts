import 'reflect-metadata';
import { createWorker } from './bootstrap.js';
import { preflight, runMain } from './cli/preflight.js';
import { loadConfig } from './config/config.js';

runMain(async () => {
  const config = loadConfig();
  await preflight(config.databaseUrl, config.redisUrl);
  await createWorker(config);
  console.log('kefu worker: processing queues');
});
