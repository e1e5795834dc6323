import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { StoreEntity } from '../store/store.entity.js';

/** What a store sells, for category-limited guard rules (cosmetics, food…) and rule changes. */
@Entity('store_guard_profiles')
export class StoreGuardProfileEntity {
  @PrimaryColumn('uuid') storeId!: string;
  @OneToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text', { array: true, default: () => `'{}'` }) categories!: string[];
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
