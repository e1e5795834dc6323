import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { SlaAlarms } from './sla-alarms.service.js';
import { SlaTimerService } from './sla-timer.service.js';

/**
 * Redis holds only alarm clocks. On worker start and every SLA_RECONCILE_MS, running timers whose
 * alarms are missing (Redis flushed or restarted) are re-armed and overdue ones fire at once, so no
 * breach is lost; the timer rows keep any from being recorded twice. Stranded replies are re-queued too.
 */
@Injectable()
export class SlaReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlaReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly timers: SlaTimerService,
    private readonly alarms: SlaAlarms,
    private readonly delivery: DeliveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.slaReconcileMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.reconcile()
      .then((r) => {
        if (r.fired || r.rearmed || r.requeued) this.logger.log(`reconciled: ${r.fired} overdue fired, ${r.rearmed} re-armed, ${r.requeued} replies re-queued`);
      })
      .catch((err: Error) => this.logger.error(`reconcile failed: ${err.message}`))
      .finally(() => (this.running = null));
    await this.running;
  }

  async reconcile(): Promise<{ fired: number; rearmed: number; requeued: number }> {
    const { overdue, pending } = await this.timers.running(new Date());
    for (let i = 0; i < overdue.length; i += 50) await Promise.all(overdue.slice(i, i + 50).map((id) => this.timers.fireBreach(id)));
    const missing = await this.alarms.unarmed(pending);
    await this.alarms.arm(missing);
    const requeued = await this.delivery.requeueStranded();
    return { fired: overdue.length, rearmed: missing.length, requeued };
  }
}
