import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Secrets the desk generated for itself (the JWT signing key when JWT_SECRET is not set), shared by every process. */
@Entity('auth_secrets')
export class AuthSecretEntity {
  @PrimaryColumn('text') name!: string;
  @Column('text') value!: string;
  @CreateDateColumn({ type: 'timestamp with time zone', precision: 3 }) createdAt!: Date;
}
