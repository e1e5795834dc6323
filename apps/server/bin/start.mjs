#!/usr/bin/env node
// `npm start`: installs if needed, builds, migrates, seeds an empty database, then serves the api
// (with the console), the worker and the customer simulator (unless SIMULATOR=off) until Ctrl+C,
// restarting any of them that crashes (serve.mjs, supervisor.mjs).
// Plain JavaScript on purpose: it runs before anything is installed or built.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

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

// Serve it, supervised: a crashed api or worker is restarted; Ctrl+C stops everything.
await import('./serve.mjs');
