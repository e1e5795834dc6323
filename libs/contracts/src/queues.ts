// Queue and job names. Never change a value: jobs in Redis carry them across deploys.
export const QueueName = {
  Delivery: 'delivery',
} as const;

export const JobName = {
  DeliverMessage: 'deliver-message',
} as const;

/** Payloads carry ids only; the state lives in PostgreSQL and is re-read when the job runs. */
export interface JobPayloads {
  [JobName.DeliverMessage]: { messageId: string };
}
