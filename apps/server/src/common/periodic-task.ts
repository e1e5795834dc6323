import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isRedisUnavailable } from '../redis/redis-errors.js';

/**
 * A worker chore run at start (optionally) and then every `intervalMs`, never twice at once;
 * a failed run is logged and the next one tries again.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  protected abstract intervalMs(): number;
  protected abstract runOnce(): Promise<void>;
  protected runAtStart(): boolean {
    return false;
  }

  onApplicationBootstrap(): void {
    if (this.runAtStart()) void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs());
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One run now (unless one is under way), e.g. when a dependency it needs is back. */
  protected async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((err: Error) => {
        const line = `${this.constructor.name} failed: ${err.message}`;
        if (isRedisUnavailable(err)) this.logger.warn(line); // not a fault: the next run tries again
        else this.logger.error(line);
      })
      .finally(() => (this.running = null));
    await this.running;
  }
}
