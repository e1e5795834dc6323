import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';

/**
 * One refresh token, stored as the SHA-256 of its value. Each login starts a family; every refresh
 * rotates the token into a new one of the same family, and presenting a rotated one again (a copy
 * was stolen) revokes the whole family.
 */
@Entity('refresh_tokens')
@Index('ix_refresh_tokens_user', ['userId'])
@Index('ix_refresh_tokens_family', ['familyId'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
  @Column('uuid') familyId!: string;
  @Index('uq_refresh_tokens_hash', { unique: true })
  @Column('text')
  tokenHash!: string;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @Column('timestamp with time zone', { precision: 3 }) expiresAt!: Date;
  /** Set when this token was exchanged for its successor. */
  @Column('timestamp with time zone', { precision: 3, nullable: true }) rotatedAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) revokedAt!: Date | null;
}
