import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '@kefu/contracts';
import { StoreEntity } from '../store/store.entity.js';

/** A question the knowledge base had no answer for: normalised query text, counted per store and language. */
@Entity('kb_gaps')
@Index('uq_kb_gaps_store', ['storeId', 'lang', 'query'], { unique: true, where: `store_id IS NOT NULL` })
@Index('uq_kb_gaps_global', ['lang', 'query'], { unique: true, where: `store_id IS NULL` })
@Index('ix_kb_gaps_last_seen', ['lastSeenAt'])
export class KbGapEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** null: asked without a store by a caller of several stores; seen only by callers of every store. */
  @Column('uuid', { nullable: true }) storeId!: string | null;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text') lang!: Language;
  @Column('text') query!: string;
  @Column('int', { default: 1 }) count!: number;
  @Column('timestamp with time zone', { precision: 3, default: () => 'now()' }) firstSeenAt!: Date;
  @Column('timestamp with time zone', { precision: 3, default: () => 'now()' }) lastSeenAt!: Date;
}
