import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BusinessHours, Holidays, Platform, ResponseExemptions, ResponseRule, ReturnPolicy, SlaEscalation, SlaPolicy, TicketTemplates } from '@kefu/contracts';

@Entity('stores')
export class StoreEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') platform!: Platform;
  @Column('text') timezone!: string;
  @Column('jsonb', { nullable: true }) businessHours!: BusinessHours;
  /** Dated exceptions to the weekly hours (holidays, make-up working days), in the store's timezone. */
  @Column('jsonb', { default: () => `'[]'` }) holidays!: Holidays;
  @Column('jsonb') slaPolicy!: SlaPolicy;
  @Column('jsonb') returnPolicy!: ReturnPolicy;
  @Column('jsonb', { default: () => `'{"reassign": false, "webhookUrl": null}'` }) slaEscalation!: SlaEscalation;
  /** The platform response rule the store set; null: its platform's default (`responseRuleOf`). */
  @Column('jsonb', { nullable: true }) responseRule!: ResponseRule | null;
  @Column('jsonb', { default: () => `'[]'` }) responseExemptions!: ResponseExemptions;
  /** Customer-update texts replacing the defaults, per language and step. */
  @Column('jsonb', { default: () => `'{}'` }) ticketTemplates!: TicketTemplates;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
