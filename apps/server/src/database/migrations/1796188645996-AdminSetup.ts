import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Setting the desk up from the console: store holidays and make-up days, channel secret rotation with an overlap
 * and disabling, one-time invitations (hashed tokens), and the desk's own settings (agency name and logo, first run).
 */
export class AdminSetup1796188645996 implements MigrationInterface {
  name = 'AdminSetup1796188645996';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stores" ADD "holidays" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "channels" ADD "previous_secret" text`);
    await queryRunner.query(`ALTER TABLE "channels" ADD "previous_secret_expires_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "channels" ADD "secret_rotated_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "channels" ADD "disabled_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "user_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_user_invitations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_invitations_hash" ON "user_invitations" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "ix_user_invitations_user" ON "user_invitations" ("user_id")`);
    await queryRunner.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "FK_user_invitations_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "desk_settings" ("id" integer NOT NULL, "agency_name" text NOT NULL DEFAULT '', "agency_logo" text, "setup_completed_at" TIMESTAMP(3) WITH TIME ZONE, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_desk_settings_single" CHECK (id = 1), CONSTRAINT "PK_desk_settings" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "desk_settings"`);
    await queryRunner.query(`DROP TABLE "user_invitations"`);
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "secret_rotated_at"`);
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "previous_secret_expires_at"`);
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "previous_secret"`);
    await queryRunner.query(`ALTER TABLE "stores" DROP COLUMN "holidays"`);
  }
}
