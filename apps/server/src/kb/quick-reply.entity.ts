import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language } from '@kefu/contracts';
import { StoreEntity } from '../store/store.entity.js';

@Entity('kb_quick_replies')
/** A shortcut is unique within its store, and among the global quick replies. */
@Index('uq_kb_quick_replies_store', ['storeId', 'shortcut'], { unique: true, where: `store_id IS NOT NULL` })
@Index('uq_kb_quick_replies_global', ['shortcut'], { unique: true, where: `store_id IS NULL` })
export class QuickReplyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) storeId!: string | null;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text') shortcut!: string;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('text', { nullable: true }) lang!: Language | null;
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
