import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ModelScores } from '@kefu/contracts';
import type { SerializedModel } from './softmax-model.js';

/** A trained version of the root-cause classifier, kept or rejected, with its held-out scores. */
@Entity('cause_models')
@Index('uq_cause_models_active', ['status'], { unique: true, where: `status = 'active'` })
export class CauseModelEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('int', { unique: true }) @Generated('increment') version!: number;
  @Column('text') status!: 'active' | 'retired' | 'rejected';
  @Column('int') corpusSamples!: number;
  @Column('int') agentSamples!: number;
  @Column('jsonb') scores!: ModelScores;
  @Column('jsonb', { nullable: true }) previousScores!: ModelScores | null;
  @Column('text', { default: '' }) note!: string;
  /** The weights; null for a rejected version (only its scores are kept). */
  @Column('jsonb', { nullable: true, select: false }) model!: SerializedModel | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) trainedAt!: Date;
}
