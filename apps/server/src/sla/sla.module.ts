import { Module } from '@nestjs/common';
import { SlaAlarms } from './sla-alarms.service.js';
import { SlaAlertProcessor } from './sla-alert.processor.js';
import { SlaAlertService } from './sla-alert.service.js';
import { SlaEscalationService } from './sla-escalation.service.js';
import { SlaReconciler } from './sla-reconciler.service.js';
import { SlaSubjects } from './sla-subjects.js';
import { SlaTimerService } from './sla-timer.service.js';
import { SlaProcessor } from './sla.processor.js';

/** Runs in: both. The SLA clocks (timers, business time, alarms); subjects register their handlers in SlaSubjects. */
@Module({
  providers: [SlaTimerService, SlaAlarms, SlaEscalationService, SlaSubjects],
  exports: [SlaTimerService, SlaAlarms, SlaSubjects],
})
export class SlaModule {}

/** Runs in: worker. Fires warnings and breaches, posts store webhooks, reconciles alarms with the timer rows. */
@Module({
  imports: [SlaModule],
  providers: [SlaProcessor, SlaAlertService, SlaAlertProcessor, SlaReconciler],
})
export class SlaWorkerModule {}
