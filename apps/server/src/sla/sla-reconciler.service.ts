import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '@kefu/contracts';
import { DeliveryService } from '../delivery/delivery.service.js';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { RedisStatus } from '../redis/redis-status.service.js';
import { SlaAlarms } from './sla-alarms.service.js';
import { ALARM_BATCH_MAX, SlaTimerService } from './sla-timer.service.js';

/**
 * Redis holds only alarm clocks. A scheduled job (every SLA_RECONCILE_MS, across all workers; a new
 * schedule runs at once) and each worker as soon as Redis is back after an outage re-arm running
 * timers whose alarms are missing (Redis flushed or restarted) and fire overdue ones at once, so no
 * breach is lost; the timer rows keep any from being recorded twice. Stranded replies are re-queued
 * too. While Redis is down nothing is fired: a breach fired then could neither be announced nor
 * escalated, so it waits for Redis (and is still recorded once).
 */
@Injectable()
export class SlaReconciler {
  private readonly logger = new Logger(SlaReconciler.name);
  private recovering: Promise<void> | null = null;

  constructor(
    private readonly timers: SlaTimerService,
    private readonly alarms: SlaAlarms,
    private readonly delivery: DeliveryService,
    private readonly redis: RedisStatus,
  ) {
    redis.onRecovered(() => {
      this.recovering ??= this.runOnce()
        .catch((err: Error) => this.logger.error(`reconcile after the outage failed: ${err.message}`))
        .finally(() => (this.recovering = null));
    });
  }

  /** One pass, now (the scheduled job; tests call it directly). */
  @JobHandler(JobName.SlaReconcile)
  async runOnce(): Promise<void> {
    if (!(await this.redis.whenUp().then(() => true, () => false))) {
      this.logger.warn('Redis unavailable: timers are reconciled when it is back');
      return;
    }
    const { overdue, pending } = await this.timers.running(new Date());
    for (let i = 0; i < overdue.length; i += ALARM_BATCH_MAX) await this.timers.fireBreaches(overdue.slice(i, i + ALARM_BATCH_MAX));
    const missing = await this.alarms.unarmed(pending);
    await this.alarms.arm(missing);
    // Nudges whose instant passed while no alarm rang fire now; the slots of those to come get their alarms back.
    const lateNudges = await this.timers.fireDueNudges();
    const unarmedNudges = await this.alarms.unarmedNudgeSlots(await this.timers.pendingNudgeInstants());
    await this.alarms.armNudgeSlots(unarmedNudges);
    const requeued = await this.delivery.requeueStranded();
    if (overdue.length || missing.length || lateNudges || unarmedNudges.length || requeued)
      this.logger.log(
        `reconciled: ${overdue.length} overdue fired, ${missing.length} re-armed, ${lateNudges} late nudges fired, ${unarmedNudges.length} nudges re-armed, ${requeued} replies re-queued`,
      );
  }
}
