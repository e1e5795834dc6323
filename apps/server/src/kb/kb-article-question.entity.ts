import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { KbQuestionSource, KbQuestionStatus, Language } from '@kefu/contracts';
import { StoreEntity } from '../store/store.entity.js';
import { KbArticleEntity } from './kb-article.entity.js';

/** A similar question (相似问法) of an article: proposed from agents' replies, accepted or rejected by a supervisor, or written by one. */
@Entity('kb_article_questions')
/** One row per question of an article: proposing it again counts it. */
@Index('uq_kb_article_questions_key', ['articleId', 'key'], { unique: true })
/** The supervisors' list of proposals, by store. */
@Index('ix_kb_article_questions_status', ['status', 'storeId', 'updatedAt', 'id'])
export class KbArticleQuestionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') articleId!: string;
  @ManyToOne(() => KbArticleEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'article_id' }) article?: KbArticleEntity;
  /** The store whose customer asked it, or the article's; null: written for a global article. */
  @Column('uuid', { nullable: true }) storeId!: string | null;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text') text!: string;
  /** The normalised text (what makes two proposals the same question). */
  @Column('text') key!: string;
  @Column('text') lang!: Language;
  @Column('text', { default: 'proposed' }) status!: KbQuestionStatus;
  @Column('text') source!: KbQuestionSource;
  @Column('int', { default: 1 }) proposals!: number;
  @Column('uuid', { nullable: true }) conversationId!: string | null;
  @Column('uuid', { nullable: true }) messageId!: string | null;
  @Column('uuid', { nullable: true }) proposedById!: string | null;
  @Column('uuid', { nullable: true }) decidedById!: string | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
