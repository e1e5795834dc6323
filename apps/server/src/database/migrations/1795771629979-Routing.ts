import { MigrationInterface, QueryRunner } from "typeorm";

export class Routing1795771629979 implements MigrationInterface {
    name = 'Routing1795771629979'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD "status" text NOT NULL DEFAULT 'available'`);
        await queryRunner.query(`ALTER TABLE "users" ADD "last_assigned_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD "language" text`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD "queued_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`CREATE INDEX "ix_conversations_queue" ON "conversations"  ("store_id", "queued_at") WHERE assignee_id IS NULL AND status = 'open'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_conversations_queue"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "queued_at"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "language"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "last_assigned_at"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "status"`);
    }

}
