import type { Receiver } from '@kefu/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderItem } from '@kefu/contracts';
import { StoreEntity } from '../store/store.entity.js';

/** An order fetched from the sales platform, cached: the platform stays the source of truth for orders. */
@Entity('orders')
@Index('uq_orders_store_ref', ['storeId', 'orderRef'], { unique: true })
@Index('ix_orders_customer', ['storeId', 'customerExternalId', 'paidAt'])
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Index('ix_orders_order_ref_trgm', { synchronize: false })
  @Column('text') orderRef!: string;
  @Column('text', { nullable: true }) customerExternalId!: string | null;
  @Column('jsonb') items!: OrderItem[];
  @Column('numeric', { precision: 12, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) totalPaid!: number;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) paidAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) shippedAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) deliveredAt!: Date | null;
  @Column('text', { nullable: true }) carrier!: string | null;
  @Column('text', { nullable: true }) trackingNumber!: string | null;
  /** When the platform last changed the order (as of the snapshot stored): an older snapshot never replaces it. */
  @Column('timestamp with time zone', { precision: 3, nullable: true }) platformUpdatedAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3 }) fetchedAt!: Date;
  /** The receiver sealed (privacy/pii-seal.ts) and as every view shows it. */
  @Column('text', { nullable: true, select: false }) receiverSealed!: string | null;
  @Column('jsonb', { nullable: true }) receiverMasked!: Receiver | null;
}
