import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Terms a search treats as one (退货, 退款, 退回, refund…); the defaults come with the KnowledgeBase migration. */
@Entity('kb_synonym_groups')
export class KbSynonymGroupEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { array: true }) terms!: string[];
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
}
