import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { KbArticleEntity } from './kb-article.entity.js';

/** An agent's verdict on an article: the conversation's store, or the article's when given without one. */
@Entity('kb_feedback')
@Index('ix_kb_feedback_article', ['articleId'])
@Index('ix_kb_feedback_store_at', ['storeId', 'at'])
export class KbFeedbackEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') articleId!: string;
  @ManyToOne(() => KbArticleEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'article_id' }) article?: KbArticleEntity;
  @Column('uuid', { nullable: true }) storeId!: string | null;
  @Column('uuid', { nullable: true }) conversationId!: string | null;
  @Column('boolean') helpful!: boolean;
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('timestamp with time zone', { precision: 3, default: () => 'now()' }) at!: Date;
}
