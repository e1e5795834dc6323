import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportContent, ReportPeriod } from '@kefu/contracts';
import { StoreEntity } from '../store/store.entity.js';

/** A generated client report (定期汇报), kept as it was sent: one per store, period kind and period. */
@Entity('client_reports')
@Index('uq_client_reports_period', ['storeId', 'period', 'periodStart'], { unique: true })
@Index('ix_client_reports_generated', ['generatedAt', 'id'])
export class ClientReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text') period!: ReportPeriod;
  /** Store-local dates, [periodStart, periodEnd). */
  @Column('date') periodStart!: string;
  @Column('date') periodEnd!: string;
  @Column('timestamp with time zone', { precision: 3 }) generatedAt!: Date;
  @Column('uuid', { nullable: true }) generatedById!: string | null;
  @Column('jsonb') content!: ReportContent;
}
