import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StoreEntity } from '../store/store.entity.js';

@Entity('customers')
@Unique('uq_customers_store_external', ['storeId', 'externalId'])
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text') externalId!: string;
  @Index('ix_customers_name_trgm', { synchronize: false })
  @Column('text') name!: string;
  /** Personal data: never exported unmasked. */
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
}
