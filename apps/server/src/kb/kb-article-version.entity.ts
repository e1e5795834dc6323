import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { KbArticleStatus, Language } from '@kefu/contracts';
import { KbArticleEntity } from './kb-article.entity.js';

/** Every version of an article, whole, with who made it and which fields changed. */
@Entity('kb_article_versions')
@Index('uq_kb_article_versions', ['articleId', 'version'], { unique: true })
export class KbArticleVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') articleId!: string;
  @ManyToOne(() => KbArticleEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'article_id' }) article?: KbArticleEntity;
  @Column('int') version!: number;
  @Column('uuid', { nullable: true }) storeId!: string | null;
  @Column('text') lang!: Language;
  @Column('text', { nullable: true }) topic!: string | null;
  @Column('text') title!: string;
  @Column('text') shortAnswer!: string;
  @Column('text') body!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('text') status!: KbArticleStatus;
  @Column('text', { array: true }) changedFields!: string[];
  @Column('uuid', { nullable: true }) changedById!: string | null;
  @Column('timestamp with time zone', { precision: 3, default: () => 'now()' }) changedAt!: Date;
}
