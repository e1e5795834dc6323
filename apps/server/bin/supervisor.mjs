// Runs the desk's processes and keeps them running: one that exits is started again after a
// pause that doubles with each quick failure (1 s, 2 s, 4 s … 30 s; back to 1 s after it ran for
// a minute), and each exit and restart is logged. stop() ends them all within a few seconds.
// Plain JavaScript: `npm start` runs it before anything is built.
import { spawn } from 'node:child_process';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
const STEADY_AFTER_MS = 60_000;
/** The processes' own stop deadline is 5 s (process-guards.ts); after this they are killed. */
const KILL_AFTER_MS = 8000;

/** The pause before restart number `quickFailures` (1, 2, …) of a process that keeps failing. */
export const restartDelay = (quickFailures) => Math.min(FIRST_DELAY_MS * 2 ** (quickFailures - 1), MAX_DELAY_MS);

export function supervisor({ cwd, env, log = (line) => console.log(line) }) {
  const processes = new Map();
  let stopping = false;

  function start(name, args) {
    const entry = { name, args, child: null, quickFailures: 0, startedAt: 0, restartTimer: null };
    processes.set(name, entry);
    launch(entry);
  }

  function launch(entry) {
    entry.startedAt = Date.now();
    const child = spawn(process.execPath, entry.args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    entry.child = child;
    log(`kefu: ${entry.name} started (pid ${child.pid})`);
    child.on('exit', (code, signal) => {
      entry.child = null;
      if (stopping) return;
      const ranMs = Date.now() - entry.startedAt;
      entry.quickFailures = ranMs >= STEADY_AFTER_MS ? 1 : entry.quickFailures + 1;
      const delay = restartDelay(entry.quickFailures);
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
      log(`kefu: ${entry.name} ${how} after ${(ranMs / 1000).toFixed(1)} s; restarting in ${(delay / 1000).toFixed(1)} s`);
      entry.restartTimer = setTimeout(() => launch(entry), delay);
    });
  }

  /** SIGTERM to every process, SIGKILL to those still running after KILL_AFTER_MS. */
  async function stop() {
    stopping = true;
    const running = [];
    for (const entry of processes.values()) {
      clearTimeout(entry.restartTimer);
      if (!entry.child) continue;
      const child = entry.child;
      running.push(new Promise((resolve) => child.once('exit', resolve)));
      child.kill('SIGTERM');
    }
    const killer = setTimeout(() => {
      for (const entry of processes.values()) {
        if (!entry.child) continue;
        log(`kefu: ${entry.name} did not stop within ${KILL_AFTER_MS / 1000} s; killing it`);
        entry.child.kill('SIGKILL');
      }
    }, KILL_AFTER_MS);
    await Promise.all(running);
    clearTimeout(killer);
  }

  return { start, stop };
}
