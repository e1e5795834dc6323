import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity.js';

/** A quality case put to the supplier: the remedy asked for, when it is due, the reminders sent, the answer. */
@Entity('supplier_cases')
@Index('ix_supplier_cases_ticket', ['ticketId'])
@Index('ix_supplier_cases_reminder_due', ['nextReminderAt'], { where: 'answered_at IS NULL' })
export class SupplierCaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') ticketId!: string;
  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'ticket_id' }) ticket?: TicketEntity;
  @Column('uuid') storeId!: string;
  @Column('text') supplier!: string;
  @Column('text', { nullable: true }) contact!: string | null;
  @Column('text') remedy!: 'replace' | 'compensate';
  @Column('timestamp with time zone', { precision: 3 }) dueAt!: Date;
  @Column('int') reminderIntervalHours!: number;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) nextReminderAt!: Date | null;
  @Column('int', { default: 0 }) remindersSent!: number;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) lastReminderAt!: Date | null;
  @Column('text', { nullable: true }) outcome!: 'replace' | 'compensate' | 'declined' | null;
  @Column('numeric', { precision: 12, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  compensationAmount!: number | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) answeredAt!: Date | null;
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
}
