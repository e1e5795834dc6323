import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketStatus } from '@kefu/contracts';
import { TicketEntity } from './ticket.entity.js';

/** One line of a ticket's timeline: a transition, a cause set, a reminder sent… with actor and time. */
@Entity('ticket_events')
@Index('ix_ticket_events_ticket_at', ['ticketId', 'at'])
export class TicketEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') ticketId!: string;
  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'ticket_id' }) ticket?: TicketEntity;
  @Column('timestamp with time zone', { precision: 3 }) at!: Date;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text') kind!: string;
  @Column('text', { nullable: true }) fromStatus!: TicketStatus | null;
  @Column('text', { nullable: true }) toStatus!: TicketStatus | null;
  @Column('jsonb', { default: () => `'{}'` }) details!: Record<string, unknown>;
}
