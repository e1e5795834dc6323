// Job ids: deterministic, so adding a job twice adds it once and a job can be found or removed by
// what it is about. Never change a format: jobs in Redis carry their ids across deploys.
import { JobName, QueueName } from './queues.js';

type SlaAlarm = typeof JobName.SlaWarn | typeof JobName.SlaBreach;

export const JobId = {
  /** A timer's warning or due alarm: arming a timer twice adds its jobs once; meeting it removes them. */
  slaAlarm: (job: SlaAlarm, timerId: string) => `${job}-${timerId}`,
  /** The alarm of a nudge slot (its end, epoch ms): one for all the waits whose next nudge falls in it. */
  slaNudgeSlot: (slot: number) => `${JobName.SlaNudge}-${slot}`,
  /** The breach alert of a timer to its store's webhook: one per breach. */
  slaAlert: (timerId: string) => `alert-${timerId}`,
  /** One reminder of a supplier case: a repeated claim never posts the same reminder twice. */
  supplierReminder: (supplierCaseId: string, reminder: number) => `supplier-reminder-${supplierCaseId}-${reminder}`,
  /** A disconnected agent's grace period (one per agent; a reconnect removes it). */
  presenceOffline: (userId: string) => `offline-${userId}`,
  /** An offline agent's hold on their chats (one per agent). */
  presenceRebalance: (userId: string) => `rebalance-${userId}`,
  /** The alarm of guard rules that come in force at one instant (shared by the rules of one change). */
  guardActivation: (at: Date) => `${JobName.GuardActivate}-${at.getTime()}`,
  /** A reply's delivery: the message id itself. */
  delivery: (messageId: string) => messageId,
} as const;

/** The repeatable jobs: one BullMQ job scheduler each (its id is the job name), on this queue. */
export const ScheduledJob = {
  [JobName.SlaReconcile]: QueueName.Sla,
  [JobName.RoutingSweep]: QueueName.Routing,
  [JobName.SupplierReminders]: QueueName.Alerts,
  [JobName.RetrainCauses]: QueueName.Classifier,
  [JobName.GenerateReports]: QueueName.Reports,
  [JobName.GuardActivate]: QueueName.Guard,
} as const;
export type ScheduledJobName = keyof typeof ScheduledJob;
