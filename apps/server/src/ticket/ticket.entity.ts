import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CauseCode, CauseSource, OrderItem, PolicyDecision, PolicyOverride, TicketStatus, TicketType } from '@kefu/contracts';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { StoreEntity } from '../store/store.entity.js';

const money = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** An after-sales ticket (return, exchange, refund only, quality complaint) and where it stands. */
@Entity('tickets')
@Index('ix_tickets_store_created', ['storeId', 'createdAt', 'id'])
@Index('ix_tickets_created', ['createdAt', 'id'])
@Index('ix_tickets_conversation', ['conversationId'])
@Index('ix_tickets_store_cause_created', ['storeId', 'cause', 'createdAt'])
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Human-readable number (T-000042). */
  @Column('bigint', { unique: true, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) @Generated('increment') seq!: number;
  @Column('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('uuid') conversationId!: string;
  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'conversation_id' }) conversation?: ConversationEntity;
  @Column('uuid') customerId!: string;
  @Column('text') type!: TicketType;
  @Column('text') status!: TicketStatus;
  @Column('text', { nullable: true }) resumeStatus!: TicketStatus | null;
  @Index('ix_tickets_order_ref_trgm', { synchronize: false })
  @Column('text', { nullable: true }) orderRef!: string | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) orderedAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) deliveredAt!: Date | null;
  @Column('jsonb', { default: () => `'[]'` }) items!: OrderItem[];
  @Column('numeric', { precision: 12, scale: 2, default: 0, transformer: money }) totalPaid!: number;
  @Column('numeric', { precision: 12, scale: 2, default: 0, transformer: money }) refundedAmount!: number;
  @Column('text') customerReason!: string;
  @Column('text', { nullable: true }) cause!: CauseCode | null;
  @Column('text', { nullable: true }) causeSource!: CauseSource | null;
  @Column('real', { nullable: true }) causeConfidence!: number | null;
  @Column('text', { nullable: true }) suggestedCause!: CauseCode | null;
  @Column('uuid', { nullable: true }) causeConfirmedById!: string | null;
  @Column('jsonb') policyDecision!: PolicyDecision;
  @Column('jsonb', { nullable: true }) policyOverride!: PolicyOverride | null;
  @Column('jsonb', { nullable: true }) resolution!: Record<string, unknown> | null;
  @Column('text', { nullable: true }) returnAddress!: string | null;
  @Column('uuid', { nullable: true }) assigneeId!: string | null;
  @Column('uuid', { nullable: true }) createdById!: string | null;
  /** Copied from the resolution timer for the list's "overdue" filter. */
  @Column('timestamp with time zone', { precision: 3, nullable: true }) resolutionDueAt!: Date | null;
  @Index('ix_tickets_resolution_breached', { where: 'resolution_breached_at IS NOT NULL' })
  @Column('timestamp with time zone', { precision: 3, nullable: true })
  resolutionBreachedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) closedAt!: Date | null;
}
