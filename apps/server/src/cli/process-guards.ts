// How the api and worker processes meet what nothing else handled, and how they stop.

/**
 * The last resort. A rejected promise nobody awaited is logged and the process keeps running: it
 * was a side effect (Redis and PostgreSQL errors are handled where they happen; this is for the one
 * that slipped through), and the state of the process is intact. An uncaught exception leaves it in
 * an unknown state: logged, and the process exits 1 for its supervisor (npm start, docker) to
 * restart it.
 */
export function guardProcess(name: string): void {
  process.on('unhandledRejection', (reason) => console.error(`kefu ${name}: unhandled promise rejection (still running):`, reason));
  process.on('uncaughtException', (err) => {
    console.error(`kefu ${name}: uncaught exception; exiting for a restart:`, err);
    process.exit(1);
  });
}

/**
 * SIGTERM or Ctrl+C: close the application (requests and jobs under way finish) and exit, within
 * `graceMs` whatever hangs — BullMQ's close waits for Redis, which may be down. Later signals change
 * nothing (Ctrl+C in a terminal reaches this process and then its supervisor's SIGTERM follows).
 */
export function stopOnSignals(name: string, close: () => Promise<void>, graceMs = 5000): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`kefu ${name}: ${signal}, stopping`);
    setTimeout(() => {
      console.error(`kefu ${name}: not stopped after ${graceMs} ms; exiting anyway`);
      process.exit(1);
    }, graceMs).unref();
    close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`kefu ${name}: error while stopping:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
