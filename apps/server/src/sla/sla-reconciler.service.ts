import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { RedisStatus } from '../redis/redis-status.service.js';
import { SlaAlarms } from './sla-alarms.service.js';
import { SlaTimerService } from './sla-timer.service.js';

/**
 * Redis holds only alarm clocks. On worker start, every SLA_RECONCILE_MS and as soon as Redis is
 * back after an outage, running timers whose alarms are missing (Redis flushed or restarted) are
 * re-armed and overdue ones fire at once, so no breach is lost; the timer rows keep any from being
 * recorded twice. Stranded replies are re-queued too. While Redis is down nothing is fired: a breach
 * fired then could neither be announced nor escalated, so it waits for Redis (and is still recorded once).
 */
@Injectable()
export class SlaReconciler extends PeriodicTask {
  protected readonly logger = new Logger(SlaReconciler.name);

  constructor(
    private readonly timers: SlaTimerService,
    private readonly alarms: SlaAlarms,
    private readonly delivery: DeliveryService,
    private readonly redis: RedisStatus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    redis.onRecovered(() => void this.tick());
  }

  protected intervalMs(): number {
    return this.config.slaReconcileMs;
  }

  protected override runAtStart(): boolean {
    return true;
  }

  protected async runOnce(): Promise<void> {
    if (!(await this.redis.whenUp().then(() => true, () => false))) {
      this.logger.warn('Redis unavailable: timers are reconciled when it is back');
      return;
    }
    const { overdue, pending } = await this.timers.running(new Date());
    for (let i = 0; i < overdue.length; i += 50) await Promise.all(overdue.slice(i, i + 50).map((id) => this.timers.fireBreach(id)));
    const missing = await this.alarms.unarmed(pending);
    await this.alarms.arm(missing);
    const requeued = await this.delivery.requeueStranded();
    if (overdue.length || missing.length || requeued)
      this.logger.log(`reconciled: ${overdue.length} overdue fired, ${missing.length} re-armed, ${requeued} replies re-queued`);
  }
}
