import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConversationEntity } from '../conversation/conversation.entity.js';

/** A satisfaction question sent when a conversation was resolved, and the customer's rating (once). */
@Entity('csat_surveys')
@Index('ix_csat_surveys_store_sent', ['storeId', 'sentAt'])
@Index('ix_csat_surveys_pending', ['conversationId'], { where: 'rating IS NULL' })
export class CsatSurveyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') conversationId!: string;
  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'conversation_id' }) conversation?: ConversationEntity;
  @Column('uuid') storeId!: string;
  /** Who had the conversation when it was resolved: the rating counts for them. */
  @Column('uuid', { nullable: true }) agentId!: string | null;
  @Column('text') lang!: 'zh' | 'en';
  @Column('uuid') messageId!: string;
  @Column('timestamp with time zone', { precision: 3 }) sentAt!: Date;
  /** 1 (very dissatisfied) … 5 (very satisfied). */
  @Column('smallint', { nullable: true }) rating!: number | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) ratedAt!: Date | null;
  @Column('text', { nullable: true }) reply!: string | null;
}
