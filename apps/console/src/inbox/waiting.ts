import { DEFAULT_SLA_POLICY, type Conversation, type Store } from '@kefu/contracts';

export type WaitingLevel = 'ok' | 'warn' | 'breach';

/**
 * How urgent a waiting customer is. With the default policy (15-minute response, warning 5 minutes
 * before) a row turns amber after 10 minutes and red after 15; a store with its own SLA uses its own.
 * Wall-clock time: business hours are the server's business (its sla.* events are authoritative).
 */
export function waitingLevel(waitedMs: number, conversation: Pick<Conversation, 'firstResponseAt'>, store: Store | undefined): WaitingLevel {
  const policy = store?.slaPolicy ?? DEFAULT_SLA_POLICY;
  const dueSeconds = conversation.firstResponseAt ? policy.nextResponseSeconds : policy.firstResponseSeconds;
  const warnSeconds = Math.max(0, dueSeconds - policy.warnBeforeSeconds);
  if (waitedMs >= dueSeconds * 1000) return 'breach';
  if (waitedMs >= warnSeconds * 1000) return 'warn';
  return 'ok';
}

export const waitedMs = (awaitingReplySince: string | null, now: number): number | null =>
  awaitingReplySince ? Math.max(0, now - Date.parse(awaitingReplySince)) : null;
