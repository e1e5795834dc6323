import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task.js';
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
export class SlaReconciler extends PeriodicTask {
  protected readonly logger = new Logger(SlaReconciler.name);

  constructor(
    private readonly timers: SlaTimerService,
    private readonly alarms: SlaAlarms,
    private readonly delivery: DeliveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.slaReconcileMs;
  }

  protected override runAtStart(): boolean {
    return true;
  }

  protected async runOnce(): Promise<void> {
    const { overdue, pending } = await this.timers.running(new Date());
    for (let i = 0; i < overdue.length; i += 50) await Promise.all(overdue.slice(i, i + 50).map((id) => this.timers.fireBreach(id)));
    const missing = await this.alarms.unarmed(pending);
    await this.alarms.arm(missing);
    const requeued = await this.delivery.requeueStranded();
    if (overdue.length || missing.length || requeued)
      this.logger.log(`reconciled: ${overdue.length} overdue fired, ${missing.length} re-armed, ${requeued} replies re-queued`);
  }
}
