import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SlaEscalation as SlaEscalationSettings, SlaTimerKind } from '@kefu/contracts';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { toConversationDto } from '../conversation/conversation.dto.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { businessSecondsBetween, planDeadlines } from './business-time.js';
import { scheduleOf, slaPolicyOf } from '../store/store-settings.js';
import { SlaAlarms } from './sla-alarms.service.js';
import { SlaEscalationService } from './sla-escalation.service.js';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { toSlaTimerDto } from './sla-timer.dto.js';
import { TicketEventEntity } from '../ticket/ticket-event.entity.js';
import { TicketEntity } from '../ticket/ticket.entity.js';
import { toTicketDto } from '../ticket/ticket.dto.js';
import { SlaTimerEntity } from './sla-timer.entity.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

/** `row_to_json` gives timestamps as strings: turn them back into Dates. */
const revive = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && TIMESTAMP.test(v) ? new Date(v) : v]));

/** A job may wake a little before its instant; anything this close counts as due. */
const EARLY_TOLERANCE_MS = 20;

/**
 * Every state change of an SLA timer, each a conditional UPDATE on its row, so that a warning, a
 * breach or a met is recorded once whatever the timing of jobs, replies and workers.
 * Methods taking an EntityManager run inside the caller's transaction; the caller arms or
 * disarms the alarms after commit.
 */
@Injectable()
export class SlaTimerService {
  private readonly logger = new Logger(SlaTimerService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly alarms: SlaAlarms,
    private readonly events: EventPublisher,
    private readonly escalation: SlaEscalationService,
  ) {}

  /**
   * Starts the response clock of a conversation that had no unanswered customer message. The caller
   * copies the returned deadlines onto the conversation in its own update.
   */
  async startResponse(m: EntityManager, conv: ConversationEntity, store: StoreEntity, at: Date): Promise<SlaTimerEntity | null> {
    const kind: SlaTimerKind = conv.firstResponseAt ? 'next_response' : 'first_response';
    const policy = slaPolicyOf(store);
    const target = kind === 'first_response' ? policy.firstResponseSeconds : policy.nextResponseSeconds;
    const { warnAt, dueAt } = planDeadlines(at, 0, target, policy.warnBeforeSeconds, scheduleOf(store));
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(SlaTimerEntity)
      .values({
        storeId: conv.storeId,
        conversationId: conv.id,
        kind,
        status: 'running',
        startedAt: at,
        countingSince: at,
        targetSeconds: target,
        warnBeforeSeconds: policy.warnBeforeSeconds,
        warnAt,
        dueAt,
      })
      .orIgnore() // one live timer per conversation (partial unique index)
      .returning('*')
      .execute();
    const row = inserted.raw[0];
    return row ? entityFromRow<SlaTimerEntity>(this.timerMeta, row) : null;
  }

  /**
   * An agent answered: the live timer is met, a breached one records when it was answered, and
   * the conversation's countdown and breach flag are cleared.
   */
  async meetResponse(m: EntityManager, conversationId: string, responderId: string, at: Date): Promise<SlaTimerEntity[]> {
    const timers = await m
      .getRepository(SlaTimerEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.conversationId = :conversationId', { conversationId })
      .andWhere(`(t.status IN ('running', 'paused') OR (t.status = 'breached' AND t.respondedAt IS NULL))`)
      .getMany();
    if (timers.length === 0) return [];
    const store = await m.getRepository(StoreEntity).findOneByOrFail({ id: timers[0].storeId });
    const met: SlaTimerEntity[] = [];
    for (const t of timers) {
      const responseSeconds = Math.round(t.elapsedBeforeResume + (t.status === 'paused' ? 0 : businessSecondsBetween(t.countingSince, at, scheduleOf(store))));
      const live = t.status !== 'breached';
      const changes: Partial<SlaTimerEntity> = { respondedAt: at, responseSeconds, respondedBy: responderId, ...(live && { status: 'met', metAt: at }) };
      await m.getRepository(SlaTimerEntity).update({ id: t.id }, changes);
      if (live) met.push({ ...t, ...changes } as SlaTimerEntity);
    }
    await m.getRepository(ConversationEntity).update({ id: conversationId }, { slaDueAt: null, slaWarnAt: null, slaBreachedAt: null });
    return met;
  }

  /** Nothing is waiting any more (the conversation was resolved): live timers stop without a verdict. */
  async cancelForConversation(m: EntityManager, conversationId: string, at: Date): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `UPDATE sla_timers SET status = 'cancelled', cancelled_at = $2 WHERE conversation_id = $1 AND status IN ('running', 'paused') RETURNING id`,
      [conversationId, at],
    );
    await m.getRepository(ConversationEntity).update({ id: conversationId }, { slaDueAt: null, slaWarnAt: null, slaBreachedAt: null });
    return rows.map((r) => r.id);
  }

  /** Stops a running clock, keeping the business time it used (e.g. a ticket waiting on the customer). */
  async pause(m: EntityManager, timerId: string, at: Date): Promise<SlaTimerEntity | null> {
    const t = await m.getRepository(SlaTimerEntity).findOne({ where: { id: timerId, status: 'running' }, lock: { mode: 'pessimistic_write' } });
    if (!t) return null;
    const store = await m.getRepository(StoreEntity).findOneByOrFail({ id: t.storeId });
    const elapsed = Math.round(t.elapsedBeforeResume + businessSecondsBetween(t.countingSince, at, scheduleOf(store)));
    const changes: Partial<SlaTimerEntity> = { status: 'paused', pausedAt: at, elapsedBeforeResume: elapsed, warnAt: null, dueAt: null };
    await m.getRepository(SlaTimerEntity).update({ id: t.id }, changes);
    return { ...t, ...changes } as SlaTimerEntity;
  }

  /** Restarts a paused clock from where it stopped; the caller arms the returned timer. */
  async resume(m: EntityManager, timerId: string, at: Date): Promise<SlaTimerEntity | null> {
    const t = await m.getRepository(SlaTimerEntity).findOne({ where: { id: timerId, status: 'paused' }, lock: { mode: 'pessimistic_write' } });
    if (!t) return null;
    const store = await m.getRepository(StoreEntity).findOneByOrFail({ id: t.storeId });
    const { warnAt, dueAt } = planDeadlines(at, t.elapsedBeforeResume, t.targetSeconds, t.warnBeforeSeconds, scheduleOf(store));
    const changes: Partial<SlaTimerEntity> = { status: 'running', pausedAt: null, countingSince: at, warnAt: t.warnedAt ? t.warnAt : warnAt, dueAt };
    await m.getRepository(SlaTimerEntity).update({ id: t.id }, changes);
    return { ...t, ...changes } as SlaTimerEntity;
  }

  /** Worker: the warning alarm rang. Recorded once (one conditional UPDATE); nothing for a timer no longer running. */
  async fireWarning(timerId: string): Promise<void> {
    const now = new Date();
    const [rows] = await this.db.query(
      `UPDATE sla_timers SET warned_at = $2 WHERE id = $1 AND status = 'running' AND warned_at IS NULL AND warn_at <= $3 RETURNING *`,
      [timerId, now, new Date(now.getTime() + EARLY_TOLERANCE_MS)],
    );
    if (!rows?.[0]) return this.rearmIfEarly(timerId);
    const timer = entityFromRow<SlaTimerEntity>(this.timerMeta, rows[0]);
    const conversationId = timer.conversationId ?? (await this.ticketOf(timer))?.conversationId;
    if (!conversationId) return;
    const secondsLeft = Math.max(0, Math.round((timer.dueAt!.getTime() - now.getTime()) / 1000));
    this.events.toStore('sla.warning', { ...toSlaTimerDto(timer), conversationId, storeId: timer.storeId, secondsLeft });
  }

  /**
   * Worker: the due alarm rang. The breach is recorded exactly once: one statement flips the timer
   * from running to breached (guarded by its status) and flags its conversation, atomically.
   */
  async fireBreach(timerId: string): Promise<void> {
    const now = new Date();
    const rows: { timer: Record<string, unknown>; conversation: Record<string, unknown> | null; escalation: SlaEscalationSettings }[] = await this.db.query(
      `WITH t AS (
         UPDATE sla_timers SET status = 'breached', breached_at = $2,
                breach_assignee_id = (SELECT assignee_id FROM conversations WHERE id = sla_timers.conversation_id)
         WHERE id = $1 AND status = 'running' AND due_at <= $3
         RETURNING *),
       c AS (
         UPDATE conversations SET sla_breached_at = $2, sla_due_at = NULL, sla_warn_at = NULL
         FROM t WHERE conversations.id = t.conversation_id
         RETURNING conversations.*),
       k AS (
         UPDATE tickets SET resolution_breached_at = $2
         FROM t WHERE tickets.id = t.ticket_id
         RETURNING tickets.id)
       SELECT row_to_json(t) AS timer, (SELECT row_to_json(c) FROM c) AS conversation, s.sla_escalation AS escalation
       FROM t JOIN stores s ON s.id = t.store_id`,
      [timerId, now, new Date(now.getTime() + EARLY_TOLERANCE_MS)],
    );
    if (!rows[0]) return this.rearmIfEarly(timerId);
    const timer = entityFromRow<SlaTimerEntity>(this.timerMeta, revive(rows[0].timer));
    if (timer.ticketId) return this.ticketBreached(timer, now);
    if (!rows[0].conversation) return;
    const conv = entityFromRow<ConversationEntity>(this.db.getMetadata(ConversationEntity), revive(rows[0].conversation));
    this.events.toStore('sla.breached', { ...toSlaTimerDto(timer), conversationId: conv.id, storeId: timer.storeId, assigneeId: conv.assigneeId });
    this.events.toStore('conversation.updated', toConversationDto(conv));
    await this.escalation.onBreach(timer, conv, rows[0].escalation).catch((err: Error) => this.logger.error(`escalation of timer ${timer.id} failed: ${err.message}`));
  }

  /** A ticket's resolution clock breached: the board and the ticket's viewers are told, and its timeline says so. */
  private async ticketBreached(timer: SlaTimerEntity, at: Date): Promise<void> {
    await this.db.getRepository(TicketEventEntity).insert({ ticketId: timer.ticketId!, at, actorId: null, kind: 'resolution_breached', fromStatus: null, toStatus: null, details: { dueAt: timer.dueAt?.toISOString() ?? null } as never });
    const ticket = await this.ticketOf(timer);
    if (!ticket) return;
    this.events.toStore('sla.breached', { ...toSlaTimerDto(timer), conversationId: ticket.conversationId, storeId: timer.storeId, assigneeId: ticket.assigneeId });
    this.events.toStore('ticket.updated', toTicketDto(ticket));
  }

  private ticketOf(timer: SlaTimerEntity): Promise<TicketEntity | null> {
    return timer.ticketId ? this.db.getRepository(TicketEntity).findOneBy({ id: timer.ticketId }) : Promise.resolve(null);
  }

  /** Starts a ticket's resolution clock (business time, `resolutionHours` of the store); warns at 90 %. */
  async startResolution(m: EntityManager, ticket: Pick<TicketEntity, 'id' | 'storeId'>, store: StoreEntity, at: Date): Promise<SlaTimerEntity | null> {
    const target = slaPolicyOf(store).resolutionHours * 3600;
    const warnBefore = Math.max(1, Math.round(target / 10));
    const { warnAt, dueAt } = planDeadlines(at, 0, target, warnBefore, scheduleOf(store));
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(SlaTimerEntity)
      .values({ storeId: ticket.storeId, ticketId: ticket.id, conversationId: null, kind: 'resolution', status: 'running', startedAt: at, countingSince: at, targetSeconds: target, warnBeforeSeconds: warnBefore, warnAt, dueAt })
      .orIgnore()
      .returning('*')
      .execute();
    const row = inserted.raw[0];
    return row ? entityFromRow<SlaTimerEntity>(this.timerMeta, row) : null;
  }

  /** The live (running or paused) resolution timer of a ticket. */
  liveResolution(m: EntityManager, ticketId: string): Promise<SlaTimerEntity | null> {
    return m.getRepository(SlaTimerEntity).findOne({ where: [{ ticketId, kind: 'resolution', status: 'running' }, { ticketId, kind: 'resolution', status: 'paused' }] });
  }

  /** The ticket is resolved: its live resolution clock is met, with the business seconds it took. */
  async meetResolution(m: EntityManager, ticketId: string, at: Date): Promise<SlaTimerEntity | null> {
    const t = await this.liveResolution(m, ticketId);
    if (!t) return null;
    const store = await m.getRepository(StoreEntity).findOneByOrFail({ id: t.storeId });
    const seconds = Math.round(t.elapsedBeforeResume + (t.status === 'paused' ? 0 : businessSecondsBetween(t.countingSince, at, scheduleOf(store))));
    const changes: Partial<SlaTimerEntity> = { status: 'met', metAt: at, respondedAt: at, responseSeconds: seconds, pausedAt: null };
    await m.getRepository(SlaTimerEntity).update({ id: t.id }, changes);
    return { ...t, ...changes } as SlaTimerEntity;
  }

  private get timerMeta() {
    return this.db.getMetadata(SlaTimerEntity);
  }

  /** A job that woke before its instant (clock drift, early re-arm) sets its alarm again. */
  private async rearmIfEarly(timerId: string): Promise<void> {
    const t = await this.db.getRepository(SlaTimerEntity).findOneBy({ id: timerId, status: 'running' });
    if (t && t.dueAt && t.dueAt.getTime() > Date.now()) await this.alarms.arm([t]);
  }

  /** Running timers, for reconciliation: overdue ones and the rest. */
  async running(now: Date): Promise<{ overdue: string[]; pending: SlaTimerEntity[] }> {
    const rows = await this.db
      .getRepository(SlaTimerEntity)
      .createQueryBuilder('t')
      .select(['t.id', 't.warnAt', 't.warnedAt', 't.dueAt'])
      .where(`t.status = 'running'`)
      .orderBy('t.dueAt', 'ASC')
      .getMany();
    const overdue = rows.filter((t) => t.dueAt && t.dueAt.getTime() <= now.getTime()).map((t) => t.id);
    return { overdue, pending: rows.filter((t) => t.dueAt && t.dueAt.getTime() > now.getTime()) };
  }

  timersOfConversation(conversationId: string): Promise<SlaTimerEntity[]> {
    return this.db.getRepository(SlaTimerEntity).find({ where: { conversationId }, order: { startedAt: 'ASC' } });
  }

}
