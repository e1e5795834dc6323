import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_events')
@Index('ix_audit_events_at', ['at', 'id'])
@Index('ix_audit_events_target', ['targetType', 'targetId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text') action!: string;
  @Column('text') targetType!: string;
  @Column('text') targetId!: string;
  @Column('timestamp with time zone', { precision: 3, default: () => 'now()' }) at!: Date;
  @Column('jsonb', { default: () => "'{}'" }) details!: Record<string, unknown>;
}
