import { allowedActions, type SupplierCase, type Ticket, type TicketEvent } from '@kefu/contracts';
import type { SupplierCaseEntity } from './supplier-case.entity.js';
import type { TicketEventEntity } from './ticket-event.entity.js';
import type { TicketEntity } from './ticket.entity.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const ticketNumber = (seq: number) => `T-${String(seq).padStart(6, '0')}`;

export const toTicketDto = (t: TicketEntity): Ticket => ({
  id: t.id,
  number: ticketNumber(t.seq),
  storeId: t.storeId,
  conversationId: t.conversationId,
  customerId: t.customerId,
  type: t.type,
  status: t.status,
  resumeStatus: t.resumeStatus,
  orderRef: t.orderRef,
  orderedAt: iso(t.orderedAt),
  deliveredAt: iso(t.deliveredAt),
  items: t.items,
  totalPaid: Number(t.totalPaid),
  refundedAmount: Number(t.refundedAmount),
  customerReason: t.customerReason,
  cause: t.cause,
  causeSource: t.causeSource,
  causeConfidence: t.causeConfidence,
  suggestedCause: t.suggestedCause,
  policyDecision: t.policyDecision,
  policyOverride: t.policyOverride,
  resolution: t.resolution,
  returnAddress: t.returnAddress,
  assigneeId: t.assigneeId,
  createdById: t.createdById,
  resolutionDueAt: iso(t.resolutionDueAt),
  resolutionBreachedAt: iso(t.resolutionBreachedAt),
  allowedActions: allowedActions(t.type, t.status),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  closedAt: iso(t.closedAt),
});

export const toTicketEventDto = (e: TicketEventEntity): TicketEvent => ({
  id: e.id,
  ticketId: e.ticketId,
  at: e.at.toISOString(),
  actorId: e.actorId,
  kind: e.kind,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  details: e.details,
});

export const toSupplierCaseDto = (c: SupplierCaseEntity): SupplierCase => ({
  id: c.id,
  ticketId: c.ticketId,
  supplier: c.supplier,
  contact: c.contact,
  remedy: c.remedy,
  dueAt: c.dueAt.toISOString(),
  reminderIntervalHours: c.reminderIntervalHours,
  nextReminderAt: iso(c.nextReminderAt),
  remindersSent: c.remindersSent,
  lastReminderAt: iso(c.lastReminderAt),
  outcome: c.outcome,
  compensationAmount: c.compensationAmount === null ? null : Number(c.compensationAmount),
  answeredAt: iso(c.answeredAt),
  createdAt: c.createdAt.toISOString(),
});
