import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { GuardEventKind, GuardViolation } from '@kefu/contracts';

/** A reply the guard refused (`blocked`) or one sent over warn rules with a reason (`override`): the quality review's material. */
@Entity('guard_events')
@Index('ix_guard_events_store_at', ['storeId', 'at'])
@Index('ix_guard_events_agent_at', ['agentId', 'at'])
export class GuardEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') kind!: GuardEventKind;
  @Column('uuid') storeId!: string;
  @Column('uuid') conversationId!: string;
  @Column('uuid') agentId!: string;
  @Column('uuid', { array: true }) ruleIds!: string[];
  /** The broken rules with the matched spans only, not the whole reply. */
  @Column('jsonb') violations!: GuardViolation[];
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('uuid', { nullable: true }) messageId!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) at!: Date;
}
