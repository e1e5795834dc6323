import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('rule_change_acks')
export class RuleChangeAckEntity {
  @PrimaryColumn('uuid') ruleChangeId!: string;
  @PrimaryColumn('uuid') userId!: string;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) at!: Date;
}
