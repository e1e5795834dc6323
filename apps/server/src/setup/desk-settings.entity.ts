import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The desk's own settings: one row (id 1). The agency's name and logo head every client report. */
@Entity('desk_settings')
@Check('ck_desk_settings_single', 'id = 1')
export class DeskSettingsEntity {
  @PrimaryColumn('int') id!: number;
  @Column('text', { default: '' }) agencyName!: string;
  /** A small PNG/JPEG/WebP as a data: URL (the console's CSP allows data: images). */
  @Column('text', { nullable: true }) agencyLogo!: string | null;
  /** When the first admin finished the first-run setup (production desks start without it). */
  @Column('timestamp with time zone', { precision: 3, nullable: true }) setupCompletedAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamp with time zone', precision: 3 }) updatedAt!: Date;
}
