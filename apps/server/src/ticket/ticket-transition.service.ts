import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { allowedActions, TICKET_MOVES, WAITING_STATUSES, type Ticket, type TicketStatus, type TransitionInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { ValidationError } from '../errors/validation.error.js';
import { OutboundPolicy } from '../outbound/outbound-policy.js';
import { SlaTimerService } from '../sla/sla-timer.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { returnPolicyOf, scheduleOf } from '../store/store-settings.js';
import { decidePolicy } from './return-policy.js';
import { SupplierCaseEntity } from './supplier-case.entity.js';
import { contactWebhook } from './supplier-contact.js';
import { toTicketDto } from './ticket.dto.js';
import { TicketChange, TicketEffects } from './ticket-effects.js';
import { TicketEntity } from './ticket.entity.js';
import { TicketService } from './ticket.service.js';
import { DeskError } from '../errors/desk-error.js';

const isLead = (caller: Caller) => caller.user.role === 'supervisor' || caller.user.role === 'admin';
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Steps that settle the ticket for the customer: the resolution clock is met. */
const RESOLVING: readonly TicketStatus[] = ['refunded', 'replacement_shipped', 'rejected', 'closed'];

interface Step {
  ticket: TicketEntity;
  store: StoreEntity;
  caller: Caller;
  m: EntityManager;
  change: TicketChange;
  at: Date;
  /** Fields to write with the new status. */
  set: Partial<TicketEntity>;
  details: Record<string, unknown>;
}

/**
 * Moves a ticket through its state machine (`TICKET_MOVES` in the contracts). Each transition runs
 * in one transaction with the ticket row locked: the status check, the change, its timeline line,
 * the customer update and the resolution clock commit together or not at all.
 */
@Injectable()
export class TicketTransitionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketService,
    private readonly effects: TicketEffects,
    private readonly sla: SlaTimerService,
    private readonly audit: AuditService,
    private readonly outbound: OutboundPolicy,
  ) {}

  async transition(caller: Caller, id: string, input: TransitionInput): Promise<Ticket> {
    const change = new TicketChange();
    const ticket = await this.db.transaction(async (m) => {
      const ticket = await this.tickets.findVisible(caller, id, m, true);
      const move = TICKET_MOVES[ticket.status][input.action];
      if (!move || (move.types && !move.types.includes(ticket.type)))
        throw new DeskError('TICKET_ACTION_NOT_ALLOWED', `A ${ticket.type} ticket that is ${ticket.status} cannot ${input.action}; allowed: ${allowedActions(ticket.type, ticket.status).join(', ') || 'none'}`, {
          allowed: allowedActions(ticket.type, ticket.status),
        });
      const store = await m.getRepository(StoreEntity).findOneByOrFail({ id: ticket.storeId });
      const step: Step = { ticket, store, caller, m, change, at: new Date(), set: {}, details: {} };
      const to = move.to === 'previous' ? ticket.resumeStatus! : move.to;
      const proceed = await this.apply(step, input);
      if (!proceed) return m.getRepository(TicketEntity).findOneByOrFail({ id });
      await this.moveClock(step, to);
      // jsonb columns (resolution, policyDecision) are beyond TypeORM's deep-partial typing.
      await m.getRepository(TicketEntity).update({ id }, { ...step.set, status: to } as never);
      await this.effects.record(m, { ticketId: id, actorId: caller.user.id, kind: input.action, fromStatus: ticket.status, toStatus: to, details: { ...step.details, ...('note' in input && input.note && { note: input.note }) } }, step.at);
      return m.getRepository(TicketEntity).findOneByOrFail({ id });
    });
    await this.effects.publish(ticket, change, 'ticket.updated');
    return toTicketDto(ticket);
  }

  /** The action's own rules and changes; false when the ticket stays where it is (an override waiting for approval). */
  private async apply(s: Step, input: TransitionInput): Promise<boolean> {
    const { ticket, store, m, change, caller } = s;
    const actor = caller.user.id;
    switch (input.action) {
      case 'approve':
        return this.approve(s, input.override?.reason);
      case 'reject':
        s.set.resolution = { outcome: 'rejected', reason: input.reason };
        s.details.reason = input.reason;
        await this.effects.tellCustomer(m, change, ticket, store, 'rejected', actor, { reason: input.reason });
        return true;
      case 'request_return': {
        const returnAddress = input.returnAddress ?? ticket.returnAddress;
        s.set.returnAddress = returnAddress;
        await this.effects.tellCustomer(m, change, { ...ticket, returnAddress }, store, 'awaiting_return', actor);
        return true;
      }
      case 'receive':
        await this.effects.tellCustomer(m, change, ticket, store, 'received', actor);
        return true;
      case 'inspect':
        s.details.passed = input.passed;
        return true;
      case 'refund': {
        const refundable = round2(Number(ticket.totalPaid) - Number(ticket.refundedAmount));
        if (input.amount > refundable + 1e-9)
          throw new ValidationError({ amount: `must not exceed ${refundable.toFixed(2)}, what is left of the ${Number(ticket.totalPaid).toFixed(2)} paid` });
        s.set.refundedAmount = round2(Number(ticket.refundedAmount) + input.amount);
        s.set.resolution = { ...ticket.resolution, outcome: 'refunded', amount: input.amount };
        s.details.amount = input.amount;
        await this.audit.record({ actorId: actor, action: 'ticket.refunded', targetType: 'ticket', targetId: ticket.id, details: { amount: input.amount, totalPaid: Number(ticket.totalPaid), refundedBefore: Number(ticket.refundedAmount) } }, m);
        await this.effects.tellCustomer(m, change, ticket, store, 'refunded', actor, { amount: input.amount.toFixed(2) });
        return true;
      }
      case 'ship_replacement':
        s.set.resolution = { ...ticket.resolution, outcome: 'replacement_shipped', carrier: input.carrier ?? null, trackingNumber: input.trackingNumber };
        s.details.trackingNumber = input.trackingNumber;
        await this.effects.tellCustomer(m, change, ticket, store, 'replacement_shipped', actor, { carrier: input.carrier ?? '', trackingNumber: input.trackingNumber });
        return true;
      case 'close':
        if (input.cause) await this.tickets.confirmCause(m, ticket, input.cause, actor);
        if (!ticket.cause || ticket.causeSource !== 'agent')
          throw new DeskError('TICKET_CAUSE_REQUIRED', 'A ticket closes with a confirmed root cause: set cause (POST /api/tickets/:id/cause, or cause in this action)', { missing: ['cause'] });
        s.set.closedAt = s.at;
        await this.effects.tellCustomer(m, change, ticket, store, 'closed', actor);
        return true;
      case 'wait_customer':
        s.set.resumeStatus = ticket.status;
        await this.effects.tellCustomer(m, change, ticket, store, 'awaiting_customer', actor, { note: input.note ?? '' });
        return true;
      case 'open_supplier_case': {
        if (Date.parse(input.dueAt) <= s.at.getTime()) throw new ValidationError({ dueAt: 'must be in the future' });
        const hook = contactWebhook(input.contact);
        const problem = hook && this.outbound.urlProblem(hook);
        if (problem) throw new ValidationError({ contact: problem });
        const saved = await m.getRepository(SupplierCaseEntity).save({
          ticketId: ticket.id,
          storeId: ticket.storeId,
          supplier: input.supplier,
          contact: input.contact ?? null,
          remedy: input.remedy,
          dueAt: new Date(input.dueAt),
          reminderIntervalHours: input.reminderIntervalHours,
          // The first reminder goes when the answer is due; then every interval until it comes.
          nextReminderAt: new Date(input.dueAt),
          createdById: actor,
        } as SupplierCaseEntity);
        s.set.resumeStatus = ticket.status;
        Object.assign(s.details, { supplierCaseId: saved.id, supplier: input.supplier, remedy: input.remedy, dueAt: input.dueAt });
        return true;
      }
      case 'supplier_replied': {
        const current = await m.getRepository(SupplierCaseEntity).findOne({ where: { ticketId: ticket.id, answeredAt: IsNull() }, order: { createdAt: 'DESC' } });
        if (!current) throw new DeskError('TICKET_ACTION_NOT_ALLOWED', 'This ticket has no supplier case waiting for an answer', { allowed: ['resume'] });
        if (input.outcome === 'compensate' && input.compensationAmount === undefined) throw new ValidationError({ compensationAmount: 'is required when the supplier compensates' });
        await m.getRepository(SupplierCaseEntity).update({ id: current.id }, { outcome: input.outcome, compensationAmount: input.compensationAmount ?? null, answeredAt: s.at, nextReminderAt: null });
        s.set.resolution = { ...ticket.resolution, supplier: { outcome: input.outcome, compensationAmount: input.compensationAmount ?? null, supplier: current.supplier } };
        s.set.resumeStatus = null;
        Object.assign(s.details, { supplierCaseId: current.id, outcome: input.outcome, compensationAmount: input.compensationAmount ?? null });
        return true;
      }
      case 'resume':
        s.set.resumeStatus = null;
        return true;
    }
  }

  /**
   * Approval re-applies the store's policy. A "no" needs an override with a reason (audited); where
   * the store requires it, an agent's override waits for a supervisor, who approves it by approving.
   */
  private async approve(s: Step, overrideReason: string | undefined): Promise<boolean> {
    const { ticket, store, m, caller, change } = s;
    const decision = decidePolicy({ type: ticket.type, cause: ticket.cause, deliveredAt: ticket.deliveredAt, categories: ticket.items.map((i) => i.category), policy: returnPolicyOf(store), timezone: scheduleOf(store).timezone, now: s.at });
    s.set.policyDecision = decision;
    const pending = ticket.policyOverride?.status === 'pending' ? ticket.policyOverride : null;
    if (pending && !isLead(caller)) throw new DeskError('TICKET_OVERRIDE_PENDING', 'An override of this ticket waits for a supervisor’s approval', { policyOverride: pending });
    if (pending) {
      s.set.policyOverride = { ...pending, status: 'approved', approvedById: caller.user.id };
      await this.audit.record({ actorId: caller.user.id, action: 'ticket.override_approved', targetType: 'ticket', targetId: ticket.id, details: { reason: pending.reason, requestedBy: pending.byId, rule: decision.rule } }, m);
    } else if (!decision.eligible) {
      if (!overrideReason) throw new DeskError('TICKET_POLICY_REFUSED', `The store's policy refuses this ticket (${decision.rule}: ${decision.reason}); approve with override.reason to override it`, { policyDecision: decision });
      const needsApproval = !!returnPolicyOf(store).overridesNeedApproval && !isLead(caller);
      const override = { reason: overrideReason, byId: caller.user.id, at: s.at.toISOString(), status: needsApproval ? ('pending' as const) : ('approved' as const), approvedById: needsApproval ? null : caller.user.id };
      await this.audit.record({ actorId: caller.user.id, action: needsApproval ? 'ticket.override_requested' : 'ticket.overridden', targetType: 'ticket', targetId: ticket.id, details: { reason: overrideReason, rule: decision.rule, policyReason: decision.reason } }, m);
      if (needsApproval) {
        await m.getRepository(TicketEntity).update({ id: ticket.id }, { policyOverride: override, policyDecision: decision });
        await this.effects.record(m, { ticketId: ticket.id, actorId: caller.user.id, kind: 'override_requested', fromStatus: ticket.status, toStatus: ticket.status, details: { reason: overrideReason, rule: decision.rule } }, s.at);
        return false;
      }
      s.set.policyOverride = override;
    }
    s.details.policyDecision = decision;
    await this.effects.tellCustomer(m, change, ticket, store, 'approved', caller.user.id);
    return true;
  }

  /** Pauses the resolution clock while the ticket waits on someone else, resumes it after, and meets it when settled. */
  private async moveClock(s: Step, to: TicketStatus): Promise<void> {
    const { m, ticket, change, at } = s;
    const live = await this.sla.liveResolution(m, ticket.id);
    if (!live) return;
    if (RESOLVING.includes(to)) {
      const met = await this.sla.meetResolution(m, ticket.id, at);
      if (met) change.disarm.push(met.id);
      s.set.resolutionDueAt = null;
    } else if (WAITING_STATUSES.includes(to) && live.status === 'running') {
      await this.sla.pause(m, live.id, at);
      change.disarm.push(live.id);
      s.set.resolutionDueAt = null;
    } else if (!WAITING_STATUSES.includes(to) && live.status === 'paused') {
      const resumed = await this.sla.resume(m, live.id, at);
      if (resumed) change.arm.push(resumed);
      s.set.resolutionDueAt = resumed?.dueAt ?? null;
    }
  }
}
