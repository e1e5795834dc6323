import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GuardReviewCriterion } from '@kefu/contracts';

/** A supervisor's quality score of a conversation: one per reviewer and conversation (scoring again replaces it). */
@Entity('guard_review_scores')
@Index('uq_guard_review_scores_conversation_reviewer', ['conversationId', 'reviewerId'], { unique: true })
@Index('ix_guard_review_scores_store_updated', ['storeId', 'updatedAt'])
export class GuardReviewScoreEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') conversationId!: string;
  @Column('uuid') storeId!: string;
  /** Whose work is scored: the conversation's assignee when scored, else its last replying agent. */
  @Column('uuid', { nullable: true }) agentId!: string | null;
  @Column('uuid') reviewerId!: string;
  @Column('smallint') score!: number;
  @Column('jsonb', { default: {} }) criteria!: Partial<Record<GuardReviewCriterion, number>>;
  @Column('text', { nullable: true }) comment!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
