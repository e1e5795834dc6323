import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Platform, RuleChangeReview } from '@kefu/contracts';

/** A platform's rule change as the agency recorded it: agents of the affected stores acknowledge it. */
@Entity('rule_changes')
@Index('ix_rule_changes_platform', ['platform', 'createdAt'])
export class RuleChangeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') platform!: Platform;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('timestamp with time zone', { precision: 3 }) effectiveAt!: Date;
  @Column('timestamp with time zone', { precision: 3 }) ackDueAt!: Date;
  @Column('text', { array: true, default: () => `'{}'` }) categories!: string[];
  @Column('text', { nullable: true }) link!: string | null;
  /** The stores affected when it was published (platform and categories). */
  @Column('uuid', { array: true }) storeIds!: string[];
  @Column('uuid', { array: true, default: () => `'{}'` }) guardRuleIds!: string[];
  /** The texts to review that it listed when published. */
  @Column('jsonb') review!: RuleChangeReview;
  @Column('uuid') createdById!: string;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
}
