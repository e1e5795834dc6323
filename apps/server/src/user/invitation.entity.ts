import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';

/**
 * A one-time link for a user to set their own password, stored as the SHA-256 of its token (the token itself is
 * shown once, to the admin who hands it over). It works once, until `expiresAt`; a newer invitation revokes it.
 */
@Entity('user_invitations')
@Index('ix_user_invitations_user', ['userId'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
  @Index('uq_user_invitations_hash', { unique: true })
  @Column('text')
  tokenHash!: string;
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @Column('timestamp with time zone', { precision: 3 }) expiresAt!: Date;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) usedAt!: Date | null;
  @Column('timestamp with time zone', { precision: 3, nullable: true }) revokedAt!: Date | null;
}
