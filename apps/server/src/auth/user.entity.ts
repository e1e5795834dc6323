import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgentStatus, Language, Role } from '@kefu/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-cased; unique. */
  @Column('text', { unique: true }) email!: string;
  @Column('text') name!: string;
  @Column('text', { select: false }) passwordHash!: string;
  @Column('text') role!: Role;
  /** Stores this user serves; for supervisors, analysts and admins an empty list means all stores. */
  @Column('uuid', { array: true, default: () => "'{}'" }) storeIds!: string[];
  @Column('text', { array: true, default: () => "'{zh}'" }) languages!: Language[];
  @Column('int', { default: 8 }) maxConcurrent!: number;
  @Column('boolean', { default: true }) active!: boolean;
  /** Carried in access tokens; raised by a password, role, store or active change to end the old ones. */
  @Column('int', { default: 0 }) tokenVersion!: number;
  /** What the agent chose; whether they are connected lives in Redis (PresenceService). */
  @Column('text', { default: 'available' }) status!: AgentStatus;
  /** For round-robin among equally loaded agents. */
  @Column('timestamp with time zone', { precision: 3, nullable: true }) lastAssignedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
