import 'reflect-metadata';
import { createWorker } from './bootstrap.js';
import { guardProcess, stopOnSignals } from './cli/process-guards.js';
import { preflight, runMain } from './cli/preflight.js';
import { loadConfig } from './config/config.js';

guardProcess('worker');
runMain(async () => {
  const config = loadConfig();
  await preflight(config.databaseUrl, config.redisUrl);
  const worker = await createWorker(config);
  stopOnSignals('worker', () => worker.close());
  console.log('kefu worker: processing queues');
});
