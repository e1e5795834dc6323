import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SlaTimerEntity } from './sla-timer.entity.js';

/** What a timer runs for: a conversation (response clocks) or a ticket (its resolution clock). */
export type SlaSubjectKind = 'conversation' | 'ticket';

export const subjectOf = (t: Pick<SlaTimerEntity, 'conversationId' | 'ticketId'>): { kind: SlaSubjectKind; id: string } | null =>
  t.conversationId ? { kind: 'conversation', id: t.conversationId } : t.ticketId ? { kind: 'ticket', id: t.ticketId } : null;

/** What the SLA engine announces about a subject: the conversation it shows in and who answers for it. */
export interface SlaSubjectRef {
  conversationId: string;
  assigneeId: string | null;
  /** Recorded on a breached timer as `breach_assignee_id` (the agent the breach counts against). */
  accountableId: string | null;
}

/** Work a handler leaves for after the commit (its own live events, escalation). */
export type AfterCommit = () => Promise<void>;

/**
 * What a subject kind does when its timers change state, registered by the subject's module (the SLA
 * engine imports none of them). Every method runs in the timers' transaction; the engine hands over
 * timers of one kind at a time (a batch of alarms that rang together).
 */
export interface SlaSubjectHandler {
  /**
   * The subjects' rows by id, locked FOR UPDATE (in id order) with `lock`: every path locks the subject
   * before its timer. A subject that is gone is missing from the map.
   */
  find(m: EntityManager, subjectIds: string[], lock: boolean): Promise<Map<string, SlaSubjectRef>>;
  /** The timers breached (after their conditional update won): the subjects write their own columns and timelines. */
  breached(m: EntityManager, timers: SlaTimerEntity[], at: Date): Promise<AfterCommit | void>;
  /** Timers of the subject were met or answered (the reply or resolution that did it runs in this transaction). */
  met(m: EntityManager, subjectId: string, timers: SlaTimerEntity[], at: Date): Promise<void>;
}

/** The handlers, one per subject kind. */
@Injectable()
export class SlaSubjects {
  private readonly handlers = new Map<SlaSubjectKind, SlaSubjectHandler>();

  register(kind: SlaSubjectKind, handler: SlaSubjectHandler): void {
    if (this.handlers.has(kind)) throw new Error(`two SLA subject handlers for ${kind}`);
    this.handlers.set(kind, handler);
  }

  of(kind: SlaSubjectKind): SlaSubjectHandler {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no SLA subject handler registered for ${kind}`);
    return handler;
  }
}
