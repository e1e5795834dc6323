import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConversationEntity } from './conversation.entity.js';
import type { DeliveryStatus, MessageDirection } from '@kefu/contracts';

@Entity('messages')
@Index('ix_messages_conversation_created', ['conversationId', 'createdAt'])
@Index('uq_messages_inbound_external', ['channelId', 'externalId'], { unique: true, where: `direction = 'inbound'` })
@Index('ix_messages_delivery_queued', ['createdAt'], { where: `delivery_status = 'queued'` })
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') conversationId!: string;
  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'conversation_id' }) conversation?: ConversationEntity;
  @Column('uuid') storeId!: string;
  /** Copied from the conversation: inbound messages are unique per (channel, externalId). */
  @Column('uuid') channelId!: string;
  @Column('text') direction!: MessageDirection;
  @Index('ix_messages_body_trgm', { synchronize: false })
  @Column('text') body!: string;
  @Column('uuid', { nullable: true }) authorId!: string | null;
  @Column('text', { nullable: true }) externalId!: string | null;
  @Column('text', { nullable: true }) deliveryStatus!: DeliveryStatus | null;
  @Column('text', { nullable: true }) deliveryError!: string | null;
  @Column('int', { default: 0 }) deliveryAttempts!: number;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) deliveredAt!: Date | null;
  /** The after-sales ticket whose customer update this is. */
  @Column('uuid', { nullable: true }) ticketId!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
}
