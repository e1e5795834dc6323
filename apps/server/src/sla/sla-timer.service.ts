import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { rooms, type SlaEscalation as SlaEscalationSettings, type SlaTimerKind } from '@kefu/contracts';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { businessSecondsBetween, planDeadlines } from './business-time.js';
import { responseExemptionsOf, responseRuleOf, scheduleOf, slaPolicyOf } from '../store/store-settings.js';
import { waitPlan } from './response-rule.js';
import { SlaAlarms } from './sla-alarms.service.js';
import { SlaEscalationService } from './sla-escalation.service.js';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { toSlaTimerDto } from './sla-timer.dto.js';
import { SlaTimerEntity } from './sla-timer.entity.js';
import { SlaSubjects, subjectOf, type SlaSubjectKind } from './sla-subjects.js';

/** The fields of a conversation a response clock starts from. */
export interface ResponseSubject {
  id: string;
  storeId: string;
  firstResponseAt: Date | null;
}

/** A job may wake a little before its instant; anything this close counts as due. */
const EARLY_TOLERANCE_MS = 20;

/** Waits nudged per statement. */
const NUDGE_BATCH = 500;

/**
 * Alarms that ring within this window are fired as one batch (a promotion day breaches hundreds of
 * timers a second: one transaction each cost the worker and PostgreSQL more than the breaches did).
 */
const ALARM_BATCH_WINDOW_MS = 20;
export const ALARM_BATCH_MAX = 500;

/** Collects the timer ids of alarms that ring together; each caller's promise settles with its batch. */
const alarmBatches = (fire: (timerIds: string[]) => Promise<void>) =>
  new DataLoader<string, void>(async (ids) => (await fire([...ids]), ids.map(() => undefined)), {
    cache: false,
    maxBatchSize: ALARM_BATCH_MAX,
    batchScheduleFn: (run) => setTimeout(run, ALARM_BATCH_WINDOW_MS),
  });

/** Timers grouped by the kind of their subject (a transaction and a handler per kind). */
function bySubjectKind<T extends Pick<SlaTimerEntity, 'conversationId' | 'ticketId'>>(timers: T[]): Map<SlaSubjectKind, T[]> {
  const groups = new Map<SlaSubjectKind, T[]>();
  for (const t of timers) {
    const kind = subjectOf(t)?.kind;
    if (!kind) continue;
    const group = groups.get(kind) ?? [];
    group.push(t);
    groups.set(kind, group);
  }
  return groups;
}

/** A wait nudged, as its UPDATE returns it (`nudge_at`: the next instant, if any). */
interface NudgeRow {
  id: string;
  store_id: string;
  conversation_id: string | null;
  message_id: string | null;
  rule_seconds: number | null;
  started_at: Date;
  nudge_at: Date | null;
  waiting_seconds: number;
  assignee_id: string | null;
}

/**
 * Every state change of an SLA timer, each a conditional UPDATE on its row, so that a warning, a
 * breach or a met is recorded once whatever the timing of jobs, replies and workers.
 * Methods taking an EntityManager run inside the caller's transaction; the caller arms or
 * disarms the alarms after commit. What a warning, breach or met means for its subject is said by
 * the subject's handler (SlaSubjects), called in the same transaction; every path locks the subject's
 * row before the timer's, so a reply and a breach never deadlock.
 */
@Injectable()
export class SlaTimerService {
  private readonly logger = new Logger(SlaTimerService.name);
  private readonly warnings = alarmBatches((ids) => this.fireWarnings(ids));
  private readonly breaches = alarmBatches((ids) => this.fireBreaches(ids));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly alarms: SlaAlarms,
    private readonly events: EventPublisher,
    private readonly escalation: SlaEscalationService,
    private readonly subjects: SlaSubjects,
  ) {}

  /**
   * Starts the response clock of a conversation that had no unanswered customer message (`messageId`,
   * arrived `at`): the SLA's due time in business time, and the platform rule's wait with its nudges in
   * wall time. The caller copies the returned deadlines onto the conversation in its own update.
   */
  async startResponse(m: EntityManager, conv: ResponseSubject, store: StoreEntity, at: Date, messageId: string): Promise<SlaTimerEntity | null> {
    const kind: SlaTimerKind = conv.firstResponseAt ? 'next_response' : 'first_response';
    const policy = slaPolicyOf(store);
    const target = kind === 'first_response' ? policy.firstResponseSeconds : policy.nextResponseSeconds;
    const schedule = scheduleOf(store);
    const { warnAt, dueAt } = planDeadlines(at, 0, target, policy.warnBeforeSeconds, schedule);
    const wait = waitPlan(responseRuleOf(store), responseExemptionsOf(store), schedule.timezone, at);
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
        messageId,
        ...wait,
      })
      .orIgnore() // one live timer per conversation (partial unique index)
      .returning('*')
      .execute();
    const row = inserted.raw[0];
    return row ? entityFromRow<SlaTimerEntity>(this.timerMeta, row) : null;
  }

  /**
   * An agent answered (the caller holds the conversation's row): the live timer is met, a breached
   * one records when it was answered, and the conversation's handler clears its countdown and flag.
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
      const changes: Partial<SlaTimerEntity> = { respondedAt: at, responseSeconds, respondedBy: responderId, nudgeAt: null, ...(live && { status: 'met', metAt: at }) };
      await m.getRepository(SlaTimerEntity).update({ id: t.id }, changes);
      if (live) met.push({ ...t, ...changes } as SlaTimerEntity);
    }
    await this.subjects.of('conversation').met(m, conversationId, timers, at);
    return met;
  }

  /** Nothing is waiting any more (the conversation was resolved; it clears its own countdown): live timers stop without a verdict. */
  async cancelForConversation(m: EntityManager, conversationId: string, at: Date): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `UPDATE sla_timers SET status = 'cancelled', cancelled_at = $2, nudge_at = NULL WHERE conversation_id = $1 AND status IN ('running', 'paused') RETURNING id`,
      [conversationId, at],
    );
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

  /** Worker: a warning alarm rang (alarms ringing within a few ms are fired together: `fireWarnings`). */
  fireWarning(timerId: string): Promise<void> {
    return this.warnings.load(timerId);
  }

  /**
   * Warnings recorded once each (one conditional UPDATE for the batch); nothing for a timer no longer running.
   * Those whose alarm rang early are armed again.
   */
  async fireWarnings(timerIds: string[]): Promise<void> {
    timerIds = [...new Set(timerIds)];
    const now = new Date();
    const [rows]: [Record<string, unknown>[]] = await this.db.query(
      `UPDATE sla_timers SET warned_at = $2 WHERE id = ANY($1) AND status = 'running' AND warned_at IS NULL AND warn_at <= $3 RETURNING *`,
      [timerIds, now, new Date(now.getTime() + EARLY_TOLERANCE_MS)],
    );
    const warned = rows.map((row) => entityFromRow<SlaTimerEntity>(this.timerMeta, row));
    for (const [kind, timers] of bySubjectKind(warned)) {
      const refs = await this.subjects.of(kind).find(this.db.manager, timers.map((t) => subjectOf(t)!.id), false);
      for (const timer of timers) {
        const ref = refs.get(subjectOf(timer)!.id);
        if (!ref) continue;
        const secondsLeft = Math.max(0, Math.round((timer.dueAt!.getTime() - now.getTime()) / 1000));
        this.events.toStore('sla.warning', { ...toSlaTimerDto(timer), conversationId: ref.conversationId, storeId: timer.storeId, secondsLeft });
      }
    }
    await this.rearmEarly(timerIds, new Set(warned.map((t) => t.id)));
  }

  /**
   * Worker: a nudge slot's alarm rang. Every wait whose next nudge is due is nudged, in batches: the conditional
   * UPDATE moves each to its next instant (the gate: a nudge is recorded once whichever worker or reconcile pass
   * runs it; SKIP LOCKED lets workers share a slot, and a wait being answered is left to its reply). The
   * announcements reach Redis before the commit, so a crash may repeat a nudge (consoles show each instant once)
   * but never loses one. Next instants already due are nudged in the same run; later ones get their slot's alarm.
   */
  async fireDueNudges(): Promise<number> {
    let fired = 0;
    const later: Date[] = [];
    for (;;) {
      const now = new Date();
      const rows: NudgeRow[] = await this.db.transaction(async (m) => {
        const [updated]: [NudgeRow[]] = await m.query(
          `UPDATE sla_timers t SET nudged = t.nudged + 1,
             nudge_at = CASE WHEN t.nudged + 1 < cardinality(t.nudge_seconds) THEN t.started_at + t.nudge_seconds[t.nudged + 2] * interval '1 second' END
           FROM (SELECT id FROM sla_timers WHERE nudge_at <= $1 AND responded_at IS NULL AND status IN ('running', 'breached')
                 ORDER BY nudge_at LIMIT ${NUDGE_BATCH} FOR UPDATE SKIP LOCKED) due
           WHERE t.id = due.id
           RETURNING t.id, t.store_id, t.conversation_id, t.message_id, t.rule_seconds, t.started_at, t.nudge_at,
                     t.nudge_seconds[t.nudged] AS waiting_seconds,
                     (SELECT assignee_id FROM conversations c WHERE c.id = t.conversation_id) AS assignee_id`,
          [new Date(now.getTime() + EARLY_TOLERANCE_MS)],
        );
        for (const r of updated) this.announceNudge(r);
        await this.events.flush();
        return updated;
      });
      fired += rows.length;
      for (const r of rows) if (r.nudge_at && r.nudge_at.getTime() > Date.now()) later.push(r.nudge_at);
      const dueAgain = rows.some((r) => r.nudge_at && r.nudge_at.getTime() <= Date.now());
      if (rows.length < NUDGE_BATCH && !dueAgain) break;
    }
    await this.alarms.armNudgeSlots(later);
    return fired;
  }

  private announceNudge(r: NudgeRow): void {
    if (!r.conversation_id || !r.message_id || r.rule_seconds === null) return;
    const payload = {
      conversationId: r.conversation_id,
      storeId: r.store_id,
      messageId: r.message_id,
      waitingSeconds: r.waiting_seconds,
      assigneeId: r.assignee_id,
      timerId: r.id,
      ruleSeconds: r.rule_seconds,
      startedAt: r.started_at.toISOString(),
    };
    // The assignee and the store's leads; a chat nobody has yet nudges the agents of its store, who may pick it.
    this.events.toRooms('sla.nudge', payload, [r.assignee_id ? rooms.user(r.assignee_id) : rooms.store(r.store_id), rooms.leadsOf(r.store_id), rooms.allLeads]);
  }

  /** The next nudge instants still to come, for reconciliation (one alarm per slot covers them all). */
  async pendingNudgeInstants(): Promise<Date[]> {
    const rows: { at: Date }[] = await this.db.query(
      `SELECT DISTINCT nudge_at AS at FROM sla_timers WHERE nudge_at IS NOT NULL AND responded_at IS NULL AND status IN ('running', 'breached')`,
    );
    return rows.map((r) => r.at);
  }

  /** Worker: a due alarm rang (alarms ringing within a few ms are fired together: `fireBreaches`). */
  fireBreach(timerId: string): Promise<void> {
    return this.breaches.load(timerId);
  }

  /**
   * Breaches recorded exactly once each: the conditional update of the timers (running and due) is the
   * gate; the subjects' handler then writes their own flags and timelines in the same transaction, one
   * per subject kind. The subjects' rows are locked first (in id order), as a reply or a ticket change
   * does. A timer whose alarm rang early is armed again.
   */
  async fireBreaches(timerIds: string[]): Promise<void> {
    timerIds = [...new Set(timerIds)];
    const running: { id: string; conversation_id: string | null; ticket_id: string | null }[] = await this.db.query(
      `SELECT id, conversation_id, ticket_id FROM sla_timers WHERE id = ANY($1) AND status = 'running'`,
      [timerIds],
    );
    const fired = new Set<string>();
    for (const [kind, timers] of bySubjectKind(running.map((r) => ({ id: r.id, conversationId: r.conversation_id, ticketId: r.ticket_id })))) {
      const batch = await this.breachBatch(kind, timers.map((t) => t.id), timers.map((t) => subjectOf(t)!.id));
      for (const b of batch.breached) fired.add(b.timer.id);
      await this.announceBreaches(batch);
    }
    await this.rearmEarly(timerIds, fired);
  }

  /** One transaction: lock the subjects, breach the timers still running and due, let the subjects record it. */
  private breachBatch(kind: SlaSubjectKind, timerIds: string[], subjectIds: string[]) {
    const now = new Date();
    const handler = this.subjects.of(kind);
    return this.db.transaction(async (m) => {
      const refs = await handler.find(m, subjectIds, true);
      const accountable = subjectIds.map((id) => refs.get(id)?.accountableId ?? null);
      const [rows]: [Record<string, unknown>[]] = await m.query(
        `UPDATE sla_timers t SET status = 'breached', breached_at = $2, breach_assignee_id = a.accountable
         FROM unnest($1::uuid[], $4::uuid[]) AS a(id, accountable)
         WHERE t.id = a.id AND t.status = 'running' AND t.due_at <= $3 RETURNING t.*`,
        [timerIds, now, new Date(now.getTime() + EARLY_TOLERANCE_MS), accountable],
      );
      const timers = rows.map((row) => entityFromRow<SlaTimerEntity>(this.timerMeta, row));
      const breached = timers.flatMap((timer) => {
        const ref = refs.get(subjectOf(timer)!.id);
        return ref ? [{ timer, ref }] : [];
      });
      const after = breached.length ? await handler.breached(m, breached.map((b) => b.timer), now) : undefined;
      const stores: { id: string; sla_escalation: SlaEscalationSettings }[] = breached.length
        ? await m.query(`SELECT id, sla_escalation FROM stores WHERE id = ANY($1)`, [[...new Set(breached.map((b) => b.timer.storeId))]])
        : [];
      return { breached, after: after || undefined, escalation: new Map(stores.map((s) => [s.id, s.sla_escalation])) };
    });
  }

  /** After commit: the board hears of each breach, the subjects publish their own changes, the stores' webhooks are called. */
  private async announceBreaches({ breached, after, escalation }: Awaited<ReturnType<SlaTimerService['breachBatch']>>): Promise<void> {
    for (const { timer, ref } of breached)
      this.events.toStore('sla.breached', { ...toSlaTimerDto(timer), conversationId: ref.conversationId, storeId: timer.storeId, assigneeId: ref.assigneeId });
    await after?.().catch((err: Error) => this.logger.error(`breach of timers ${breached.map((b) => b.timer.id).join(', ')}: ${err.message}`));
    // Response clocks only: a ticket's resolution breach is the board's business, not the store webhook's.
    for (const { timer } of breached)
      if (timer.conversationId)
        await this.escalation.onBreach(timer, escalation.get(timer.storeId)).catch((err: Error) => this.logger.error(`escalation of timer ${timer.id} failed: ${err.message}`));
  }

  /** Starts a ticket's resolution clock (business time, `resolutionHours` of the store); warns at 90 %. */
  async startResolution(m: EntityManager, ticket: { id: string; storeId: string }, store: StoreEntity, at: Date): Promise<SlaTimerEntity | null> {
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
    const met = { ...t, ...changes } as SlaTimerEntity;
    await this.subjects.of('ticket').met(m, ticketId, [met], at);
    return met;
  }

  private get timerMeta() {
    return this.db.getMetadata(SlaTimerEntity);
  }

  /** Timers whose job woke before their instant (clock drift, early re-arm) get their alarms again. */
  private async rearmEarly(timerIds: string[], fired: Set<string>): Promise<void> {
    const rest = timerIds.filter((id) => !fired.has(id));
    if (rest.length === 0) return;
    const running = await this.db.getRepository(SlaTimerEntity).findBy({ id: In(rest), status: 'running' });
    await this.alarms.arm(running.filter((t) => t.dueAt && t.dueAt.getTime() > Date.now()));
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
