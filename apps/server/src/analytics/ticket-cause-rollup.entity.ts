import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TicketType } from '@kefu/contracts';
import type { Grain } from '../common/period.util.js';
import { StoreEntity } from '../store/store.entity.js';

/**
 * Tickets per store, store-local bucket (a day, an ISO week, a month: each ticket counts once in
 * each grain), cause, type and cause source; each ticket is also counted under type `'*'` and/or
 * source `'*'` (any), which is what a query without those filters reads. Kept exact by triggers on
 * `tickets` (see the Analytics migration); rebuilt from tickets by `SELECT analytics_rebuild_rollups()`.
 * Key columns cannot be null: `''` stands for "no cause" / "no source".
 */
@Entity('ticket_cause_rollup')
export class TicketCauseRollupEntity {
  @PrimaryColumn('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @PrimaryColumn('text') grain!: Grain;
  // Key order: a query fixes store, grain, type and source, and reads a range of periods.
  @PrimaryColumn('text') type!: TicketType | '*';
  @PrimaryColumn('text') causeSource!: string;
  /** First local day of the bucket (the day, the week's Monday, the month's 1st). */
  @PrimaryColumn('date') period!: string;
  @PrimaryColumn('text') cause!: string;
  @Column('integer') tickets!: number;
  /** Of those, tickets the classifier proposed a cause for. */
  @Column('integer') suggested!: number;
  /** Of those, tickets whose proposed cause an agent changed. */
  @Column('integer') corrected!: number;
}
