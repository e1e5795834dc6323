import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Grain } from '../common/period.util.js';
import { StoreEntity } from '../store/store.entity.js';

/**
 * Tickets per store, store-local bucket, SKU (`kind = 'sku'`) or category (`kind = 'category'`) of
 * their items, and cause: a ticket counts once per distinct key. Kept by the same triggers as
 * `ticket_cause_rollup`; `''` stands for "no cause".
 */
@Entity('ticket_item_rollup')
export class TicketItemRollupEntity {
  @PrimaryColumn('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @PrimaryColumn('text') kind!: 'sku' | 'category';
  @PrimaryColumn('text') grain!: Grain;
  @PrimaryColumn('date') period!: string;
  @PrimaryColumn('text') key!: string;
  @PrimaryColumn('text') cause!: string;
  @Column('integer') tickets!: number;
  /** SKU rows: the product name last seen with this SKU. */
  @Column('text', { default: '' }) name!: string;
}
