import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoreEntity } from '../store/store.entity.js';
import type { SlaTimerKind, SlaTimerStatus } from '@kefu/contracts';

/**
 * A response or resolution clock: the source of truth. BullMQ jobs only wake the worker at
 * `warnAt` and `dueAt`; every transition is a conditional UPDATE on this row.
 */
@Entity('sla_timers')
/** At most one live (running or paused) timer per conversation, and per ticket and kind. */
@Index('uq_sla_timers_live_conversation', ['conversationId'], { unique: true, where: `status IN ('running', 'paused') AND conversation_id IS NOT NULL` })
@Index('uq_sla_timers_live_ticket', ['ticketId', 'kind'], { unique: true, where: `status IN ('running', 'paused') AND ticket_id IS NOT NULL` })
@Index('ix_sla_timers_running_due', ['dueAt'], { where: `status = 'running'` })
@Index('ix_sla_timers_store_started', ['storeId', 'startedAt'])
@Index('ix_sla_timers_conversation', ['conversationId'])
@Index('ix_sla_timers_nudge_at', ['nudgeAt'], { where: 'nudge_at IS NOT NULL' })
export class SlaTimerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  /** The subject: a conversation (response clocks) or a ticket (resolution clock); their foreign keys are in the migrations. */
  @Column('uuid', { nullable: true }) conversationId!: string | null;
  @Column('uuid', { nullable: true }) ticketId!: string | null;
  @Column('text') kind!: SlaTimerKind;
  @Column('text', { default: 'running' }) status!: SlaTimerStatus;
  @Column('timestamp with time zone', { precision: 3 }) startedAt!: Date;
  /** Business seconds allowed from start to response (or resolution). */
  @Column('int') targetSeconds!: number;
  /** Business seconds before due at which the warning fires. */
  @Column('int', { default: 0 }) warnBeforeSeconds!: number;
  /** Business seconds already used before the last resume (paused clocks). */
  @Column('int', { default: 0 }) elapsedBeforeResume!: number;
  /** When the clock last started counting: `startedAt`, or the last resume. */
  @Column('timestamp with time zone', { precision: 3 }) countingSince!: Date;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) warnAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) dueAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) warnedAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) breachedAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) metAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) pausedAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) cancelledAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) respondedAt!: Date | null;
  @Column('int', { nullable: true }) responseSeconds!: number | null;
  @Column('uuid', { nullable: true }) respondedBy!: string | null;
  @Column('uuid', { nullable: true }) breachAssigneeId!: string | null;
  /** Response clocks: the customer message that started the wait. */
  @Column('uuid', { nullable: true }) messageId!: string | null;
  /** The platform rule's wall seconds this wait counts against; null when the rule does not count it (outside its window). */
  @Column('int', { nullable: true }) ruleSeconds!: number | null;
  /** Wall seconds after the start at which the assignee is nudged, ascending. */
  @Column('int', { array: true, default: () => `'{}'` }) nudgeSeconds!: number[];
  /** How many nudges have fired; `nudgeAt` is the next one's instant (null: none left, or answered). */
  @Column('int', { default: 0 }) nudged!: number;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) nudgeAt!: Date | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
}
