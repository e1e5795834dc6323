// Queue and job names. Never change a value: jobs in Redis carry them across deploys.
export const QueueName = {
  Delivery: 'delivery',
  Sla: 'sla',
  Alerts: 'alerts',
} as const;

export const JobName = {
  DeliverMessage: 'deliver-message',
  SlaWarn: 'sla-warn',
  SlaBreach: 'sla-breach',
  SlaAlert: 'sla-alert',
} as const;

/** Deterministic ids: arming a timer twice adds its jobs once; meeting it removes them by id. */
export const slaJobId = (job: typeof JobName.SlaWarn | typeof JobName.SlaBreach, timerId: string) => `${job}-${timerId}`;

/** Payloads carry ids only; the state lives in PostgreSQL and is re-read when the job runs. */
export interface JobPayloads {
  [JobName.DeliverMessage]: { messageId: string };
  [JobName.SlaWarn]: { timerId: string };
  [JobName.SlaBreach]: { timerId: string };
  [JobName.SlaAlert]: { timerId: string; url: string };
}
