// Answers of routes the console does not call (webhooks, audit, health, jobs): their schemas exist
// for the OpenAPI contract, so that every route documents what it returns.
import { z } from 'zod';
import { text } from './input.js';

/** `POST /api/channels/:channelId/inbound` (202): the stored message; `duplicate` for a retry of a stored one. */
export const InboundResult = z.object({ messageId: text(), conversationId: text(), duplicate: z.boolean() });
export type InboundResult = z.infer<typeof InboundResult>;

/** `POST /api/channels/:channelId/orders` (202). */
export const OrderWebhookResult = z.object({ orderId: text(), orderRef: text() });

/** `POST /api/classify/retrain` (202): the worker's job. */
export const RetrainQueued = z.object({ queued: z.literal(true), jobId: text() });

const HealthIndicators = z.record(text(), z.looseObject({ status: z.enum(['up', 'down']) }));
/** `GET /health`: terminus's report; 200 when both are up, 503 (with Retry-After) naming what is down in `error`. */
export const HealthReport = z.object({
  status: z.enum(['ok', 'error', 'shutting_down']),
  info: HealthIndicators.optional(),
  error: HealthIndicators.optional(),
  details: HealthIndicators,
});
