import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GuardAction, GuardMessage, GuardRuleKind, GuardRuleStatus, Platform } from '@kefu/contracts';
import { StoreEntity } from '../store/store.entity.js';

@Entity('guard_rules')
/** The shipped defaults are inserted once per key (and version): seeding twice adds nothing. */
@Index('uq_guard_rules_default_key', ['defaultKey'], { unique: true, where: `default_key IS NOT NULL` })
export class GuardRuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) storeId!: string | null;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text', { nullable: true }) platform!: Platform | null;
  @Column('text', { nullable: true }) category!: string | null;
  @Column('text') kind!: GuardRuleKind;
  @Column('text', { array: true, nullable: true }) terms!: string[] | null;
  @Column('text', { array: true, nullable: true }) exceptions!: string[] | null;
  @Column('text', { nullable: true }) pattern!: string | null;
  @Column('text') action!: GuardAction;
  @Column('jsonb') message!: GuardMessage;
  @Column('timestamp with time zone', { precision: 3 }) effectiveAt!: Date;
  @Column('text') status!: GuardRuleStatus;
  /** `manual`, `rule_change`, or `default:<file>@<version>`. */
  @Column('text', { default: 'manual' }) source!: string;
  /** The key of a shipped default rule (corpus/guard/*.json). */
  @Column('text', { nullable: true }) defaultKey!: string | null;
  @Column('uuid', { nullable: true }) ruleChangeId!: string | null;
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
