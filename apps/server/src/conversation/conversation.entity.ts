import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { StoreEntity } from '../store/store.entity.js';
import { ChannelEntity } from '../channel/channel.entity.js';
import type { ConversationStatus, Language } from '@kefu/contracts';
import { CustomerEntity } from '../customer/customer.entity.js';

@Entity('conversations')
@Index('ix_conversations_store_activity', ['storeId', 'lastMessageAt', 'id'])
@Index('ix_conversations_activity', ['lastMessageAt', 'id'])
@Index('ix_conversations_assignee_status', ['assigneeId', 'status'])
@Index('ix_conversations_queue', ['storeId', 'queuedAt'], { where: `assignee_id IS NULL AND status = 'open'` })
/** At most one unresolved conversation per customer and channel, even under concurrent webhooks. */
@Index('uq_conversations_active', ['channelId', 'customerId'], { unique: true, where: `status <> 'resolved'` })
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('uuid') channelId!: string;
  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'channel_id' }) channel?: ChannelEntity;
  @Column('uuid') customerId!: string;
  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: CustomerEntity;
  @Column('text', { default: 'open' }) status!: ConversationStatus;
  @Column('uuid', { nullable: true }) assigneeId!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'assignee_id' }) assignee?: UserEntity;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) awaitingReplySince!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) firstResponseAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3 }) lastMessageAt!: Date;
  @Column('text', { default: '' }) lastMessagePreview!: string;
  @Index('ix_conversations_order_ref_trgm', { synchronize: false })
  @Column('text', { nullable: true }) orderRef!: string | null;
  @Column('text', { nullable: true }) language!: Language | null;
  /** Waiting in the store's queue for an agent since; null while assigned. */
  @Column('timestamp with time zone', { precision: 3, nullable: true }) queuedAt!: Date | null;
  /** The agent it was taken from (bulk reassignment to the queue, agent offline): routing skips them for it. */
  @Column('uuid', { nullable: true }) routingExcludedId!: string | null;
  /** Copied from the running response timer, for the inbox countdown and the breached filter. */
  @Column('timestamp with time zone', { precision: 3, nullable: true }) slaDueAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) slaWarnAt!: Date | null;
  @Index('ix_conversations_sla_breached', { where: 'sla_breached_at IS NOT NULL' })
  @Column('timestamp with time zone', { precision: 3, nullable: true })
  slaBreachedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
