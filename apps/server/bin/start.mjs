#!/usr/bin/env node
// `npm start`: installs if needed, builds, migrates, seeds an empty database, then serves the api
// (with the console), the worker and the customer simulator (unless SIMULATOR=off) until Ctrl+C.
// Plain JavaScript on purpose: it runs before anything is installed or built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const port = env.PORT ?? '3000';

function step(label, cmd, args) {
  console.log(`kefu: ${label}…`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`kefu: ${label} failed (${cmd} ${args.join(' ')})`);
    process.exit(r.status ?? 1);
  }
}

const installed = join(root, 'node_modules/.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs) {
  step('installing dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
}
step('building', 'npx', ['nx', 'run-many', '-t', 'build', '--parallel=1', '--outputStyle=static']);
step('migrating and seeding', 'node', ['apps/server/dist/cli/setup.js']);

const children = [];
let stopping = false;
function run(name, args) {
  const child = spawn('node', args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code) => {
    if (stopping) return;
    console.error(`kefu: ${name} exited (${code}); stopping the desk`);
    stop(code || 1);
  });
  children.push(child);
  return child;
}
function stop(code = 0) {
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('api', ['apps/server/dist/main.js']);
run('worker', ['apps/server/dist/worker.js']);

async function healthy() {
  for (let i = 0; i < 120; i++) {
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
  console.error('kefu: the api did not become healthy within 60 s');
  stop(1);
} else {
  if ((env.SIMULATOR ?? 'on') !== 'off') {
    run('simulator', ['apps/simulator/dist/main.js', '--rate', env.SIMULATOR_RATE ?? '3', '--url', `http://127.0.0.1:${port}`, '--quiet']);
  }
  const demo = env.NODE_ENV === 'production' ? '' : '\n  Log in as agent1@demo.kefu (or supervisor@, analyst@, admin@demo.kefu), password demo1234';
  console.log(`\n  Kefu Desk is running: http://localhost:${port}${demo}\n  API docs: http://localhost:${port}/api/docs   (Ctrl+C stops)\n`);
}
