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
} as const;

/** Deterministic ids: arming a timer twice adds its jobs once; meeting it removes them by id. */
export const slaJobId = (job: typeof JobName.SlaWarn | typeof JobName.SlaBreach, timerId: string) => `${job}-${timerId}`;

/** Payloads carry ids only; the state lives in PostgreSQL and is re-read when the job runs. */
export interface JobPayloads {
  [JobName.DeliverMessage]: { messageId: string };
  [JobName.SlaWarn]: { timerId: string };
  [JobName.SlaBreach]: { timerId: string };
  [JobName.SlaAlert]: { timerId: string; url: string };
  [JobName.PresenceOffline]: { userId: string };
  [JobName.PresenceRebalance]: { userId: string };
  [JobName.RouteDrain]: { storeIds: string[] | null };
  [JobName.RetrainCauses]: { requestedBy: string | null };
  [JobName.GenerateReports]: Record<string, never>;
  [JobName.GuardActivate]: Record<string, never>;
}
