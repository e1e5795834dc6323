// Queue and job names. Never change a value: jobs in Redis carry them across deploys.
export const QueueName = {
  Delivery: 'delivery',
  Sla: 'sla',
  Alerts: 'alerts',
  Routing: 'routing',
  Classifier: 'classifier',
  Reports: 'reports',
  Guard: 'guard',
} as const;

export const JobName = {
  DeliverMessage: 'deliver-message',
  SlaWarn: 'sla-warn',
  SlaBreach: 'sla-breach',
  /** A nudge slot ended: the waits whose next nudge (`responseRule.nudgeSeconds`) is due are nudged. */
  SlaNudge: 'sla-nudge',
  SlaAlert: 'sla-alert',
  /** A disconnected agent's grace period ended. */
  PresenceOffline: 'presence-offline',
  /** An offline agent's hold on their chats ended: they go back to the queue. */
  PresenceRebalance: 'presence-rebalance',
  /** Assign waiting conversations of some stores (slots freed, an agent came online). */
  RouteDrain: 'route-drain',
  /** Retrain the root-cause classifier with agents' confirmed causes (scheduled, or asked by an admin). */
  RetrainCauses: 'retrain-causes',
  /** Make the client reports of periods that just ended (repeatable). */
  GenerateReports: 'generate-reports',
  /** Guard rules whose `effectiveAt` has come are put in force (one job per instant; repeated sweeps catch up). */
  GuardActivate: 'guard-activate',
  /** Re-arm running SLA timers whose alarms are missing, fire overdue ones, re-queue stranded replies (repeatable). */
  SlaReconcile: 'sla-reconcile',
  /** Start the grace period of agents whose consoles went silent; assign what still waits (repeatable). */
  RoutingSweep: 'routing-sweep',
  /** Claim the supplier cases whose reminder is due and queue one reminder each (repeatable). */
  SupplierReminders: 'supplier-reminders',
  /** Record one supplier reminder on its ticket, posting it first when the contact is a webhook (retried). */
  SupplierReminder: 'supplier-reminder',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Payloads carry ids only; the state lives in PostgreSQL and is re-read when the job runs. */
export interface JobPayloads {
  [JobName.DeliverMessage]: { messageId: string };
  [JobName.SlaWarn]: { timerId: string };
  [JobName.SlaBreach]: { timerId: string };
  /** `slot`: the end of the slot, epoch ms (the run nudges whatever is due, whichever slot rang). */
  [JobName.SlaNudge]: { slot: number };
  [JobName.SlaAlert]: { timerId: string; url: string };
  [JobName.PresenceOffline]: { userId: string };
  [JobName.PresenceRebalance]: { userId: string };
  [JobName.RouteDrain]: { storeIds: string[] | null };
  [JobName.RetrainCauses]: { requestedBy: string | null };
  [JobName.GenerateReports]: Record<string, never>;
  [JobName.GuardActivate]: Record<string, never>;
  [JobName.SlaReconcile]: Record<string, never>;
  [JobName.RoutingSweep]: Record<string, never>;
  [JobName.SupplierReminders]: Record<string, never>;
  /** `reminder` is the case's reminder count after the claim; `at` the claim instant (ISO). */
  [JobName.SupplierReminder]: { supplierCaseId: string; reminder: number; at: string };
}
