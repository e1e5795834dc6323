import type { SlaTimer } from '@kefu/contracts';
import type { SlaTimerEntity } from './sla-timer.entity.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toSlaTimerDto = (t: SlaTimerEntity): SlaTimer => ({
  id: t.id,
  storeId: t.storeId,
  conversationId: t.conversationId,
  ticketId: t.ticketId,
  kind: t.kind,
  status: t.status,
  startedAt: t.startedAt.toISOString(),
  targetSeconds: t.targetSeconds,
  warnAt: iso(t.warnAt),
  dueAt: iso(t.dueAt),
  warnedAt: iso(t.warnedAt),
  breachedAt: iso(t.breachedAt),
  metAt: iso(t.metAt),
  pausedAt: iso(t.pausedAt),
  respondedAt: iso(t.respondedAt),
  responseSeconds: t.responseSeconds,
  respondedBy: t.respondedBy,
  breachAssigneeId: t.breachAssigneeId,
  messageId: t.messageId ?? null,
  ruleSeconds: t.ruleSeconds ?? null,
  nudged: t.nudged ?? 0,
});
