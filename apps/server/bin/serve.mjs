#!/usr/bin/env node
// Serves the built desk: the api (with the console), the worker and the customer simulator (unless
// SIMULATOR=off), supervised (supervisor.mjs) until Ctrl+C or SIGTERM. `npm start` runs it after
// installing, building, migrating and seeding; on its own it expects all that done.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiProcesses } from './api-cluster.mjs';
import { supervisor } from './supervisor.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const env = { ...process.env };
const port = env.PORT ?? '3000';
const desk = supervisor({ cwd: root, env });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('kefu: stopping the desk…');
  await desk.stop();
  console.log('kefu: stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

// One api process, or (API_PROCESSES > 1, the default on a machine of several cores) a cluster of them on one port.
desk.start('api', apiProcesses(env) > 1 ? ['apps/server/bin/api-cluster.mjs'] : ['apps/server/dist/main.js']);
desk.start('worker', ['apps/server/dist/worker.js']);

async function healthy() {
  for (let i = 0; i < 120 && !stopping; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return true;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

if (!(await healthy())) {
  if (!stopping) console.error('kefu: the api did not become healthy within 60 s');
  await stop(1);
} else {
  if ((env.SIMULATOR ?? 'on') !== 'off') {
    desk.start('simulator', ['apps/simulator/dist/main.js', '--rate', env.SIMULATOR_RATE ?? '3', '--url', `http://127.0.0.1:${port}`, '--quiet']);
  }
  const demo = env.NODE_ENV === 'production' ? '' : '\n  Log in as agent1@demo.kefu (or supervisor@, analyst@, admin@demo.kefu), password demo1234';
  console.log(`\n  Kefu Desk is running: http://localhost:${port}${demo}\n  API docs: http://localhost:${port}/api/docs   (Ctrl+C stops)\n`);
}
