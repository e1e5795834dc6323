import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoreEntity } from '../store/store.entity.js';
import type { ChannelKind } from '@kefu/contracts';

@Entity('channels')
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text') kind!: ChannelKind;
  @Column('text') name!: string;
  /** HMAC key of the inbound webhook; kept readable because every request is verified with it. */
  @Column('text', { select: false }) secret!: string;
  /** The key before the last rotation: still accepted until `previousSecretExpiresAt` (the platform's switch-over). */
  @Column('text', { select: false, nullable: true }) previousSecret!: string | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) previousSecretExpiresAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) secretRotatedAt!: Date | null;
  /** A disabled channel's webhooks answer 410 and store nothing. */
  @Column('timestamp with time zone', { precision: 3, nullable: true }) disabledAt!: Date | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
}
