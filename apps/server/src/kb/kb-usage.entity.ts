import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { KbArticleEntity } from './kb-article.entity.js';

/** An article inserted into a reply, in a conversation of `storeId`. */
@Entity('kb_usage')
@Index('ix_kb_usage_store_at', ['storeId', 'at'])
@Index('ix_kb_usage_article', ['articleId'])
export class KbUsageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') articleId!: string;
  @ManyToOne(() => KbArticleEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'article_id' }) article?: KbArticleEntity;
  @Column('uuid') storeId!: string;
  @Column('uuid') conversationId!: string;
  @Column('uuid', { nullable: true }) messageId!: string | null;
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('timestamp with time zone', { precision: 3, default: () => 'now()' }) at!: Date;
}
