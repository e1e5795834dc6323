#!/usr/bin/env node
// Several api processes behind one port (node:cluster; the primary hands each new connection to the
// next process in turn). Each is apps/server/dist/main.js; socket.io runs over the Redis adapter, so an
// event published by any process reaches consoles connected to any other. In the cluster the live
// socket is websocket-only (the HTTP long-polling transport would need sticky sessions): one socket,
// one TCP connection, one process.
// API_PROCESSES processes (default: one per core); one that exits is started again as the supervisor
// does. SIGTERM / SIGINT stop them all. Plain JavaScript: started by serve.mjs.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restartDelay } from './supervisor.mjs';

const STEADY_AFTER_MS = 60_000;
const KILL_AFTER_MS = 8000;

export const apiProcesses = (env) => {
  const n = env.API_PROCESSES ? Number(env.API_PROCESSES) : availableParallelism();
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`API_PROCESSES must be an integer from 1 to 64, not ${env.API_PROCESSES}`);
  return n;
};

if (cluster.isPrimary && import.meta.url === `file://${process.argv[1]}`) {
  cluster.setupPrimary({ exec: join(dirname(fileURLToPath(import.meta.url)), '../dist/main.js') });
  const count = apiProcesses(process.env);
  let stopping = false;
  const failures = new Map(); // slot → quick failures in a row

  const fork = (slot) => {
    const startedAt = Date.now();
    const worker = cluster.fork({ KEFU_API_SLOT: String(slot) });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      const quick = Date.now() - startedAt < STEADY_AFTER_MS ? (failures.get(slot) ?? 0) + 1 : 1;
      failures.set(slot, quick);
      const delay = restartDelay(quick);
      console.log(`kefu: api ${slot} ${signal ? `killed by ${signal}` : `exited with code ${code}`}; restarting in ${(delay / 1000).toFixed(1)} s`);
      setTimeout(() => fork(slot), delay);
    });
  };
  for (let slot = 1; slot <= count; slot++) fork(slot);
  console.log(`kefu: ${count} api processes`);

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {});
    for (const w of running) w.process.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w.process.kill('SIGKILL');
    }, KILL_AFTER_MS);
    Promise.all(running.map((w) => new Promise((r) => (w.isDead() ? r() : w.once('exit', r))))).then(() => {
      clearTimeout(killer);
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
