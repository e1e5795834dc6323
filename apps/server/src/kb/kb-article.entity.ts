import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { KbArticleStatus, Language } from '@kefu/contracts';
import { StoreEntity } from '../store/store.entity.js';

@Entity('kb_articles')
@Index('ix_kb_articles_store_updated', ['storeId', 'updatedAt', 'id'])
@Index('ix_kb_articles_updated', ['updatedAt', 'id'])
/** A store's published article on a topic hides the global one: looked up by (store, topic). */
@Index('ix_kb_articles_store_topic', ['storeId', 'topic'], { where: `topic IS NOT NULL` })
export class KbArticleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** null: global, for every store. */
  @Column('uuid', { nullable: true }) storeId!: string | null;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'store_id' }) store?: StoreEntity;
  @Column('text') lang!: Language;
  @Column('text', { nullable: true }) topic!: string | null;
  /** Trigram-indexed (migration) for the list's title filter. */
  @Index('ix_kb_articles_title_trgm', { synchronize: false })
  @Column('text')
  title!: string;
  @Column('text', { default: '' }) shortAnswer!: string;
  @Column('text') body!: string;
  @Column('text', { array: true, default: () => "'{}'" }) tags!: string[];
  @Column('text', { default: 'draft' }) status!: KbArticleStatus;
  @Column('int', { default: 1 }) version!: number;
  /**
   * Segmented words, weighted: title A, tags B, short answer and body C (`english` configuration,
   * so English words are stemmed). Written by the service, never read back; GIN-indexed, also per
   * language (migration).
   */
  @Index('ix_kb_articles_search', { synchronize: false })
  @Index('ix_kb_articles_search_zh', { synchronize: false })
  @Index('ix_kb_articles_search_en', { synchronize: false })
  @Column('tsvector', { select: false, nullable: true })
  searchVector?: string | null;
  /** Words of the title, for the title-coverage part of the search score. */
  @Column('int', { default: 1, select: false }) titleWords?: number;
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @Column('uuid', { nullable: true }) updatedById!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
