import { MigrationInterface, QueryRunner } from "typeorm";

export class SlaTimers1795770538493 implements MigrationInterface {
    name = 'SlaTimers1795770538493'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sla_timers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid NOT NULL, "conversation_id" uuid, "ticket_id" uuid, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'running', "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "target_seconds" integer NOT NULL, "warn_before_seconds" integer NOT NULL DEFAULT '0', "elapsed_before_resume" integer NOT NULL DEFAULT '0', "counting_since" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "warn_at" TIMESTAMP(3) WITH TIME ZONE, "due_at" TIMESTAMP(3) WITH TIME ZONE, "warned_at" TIMESTAMP(3) WITH TIME ZONE, "breached_at" TIMESTAMP(3) WITH TIME ZONE, "met_at" TIMESTAMP(3) WITH TIME ZONE, "paused_at" TIMESTAMP(3) WITH TIME ZONE, "cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "responded_at" TIMESTAMP(3) WITH TIME ZONE, "response_seconds" integer, "responded_by" uuid, "breach_assignee_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_680448db4d68654ca34f6b02a84" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sla_timers_conversation" ON "sla_timers"  ("conversation_id") `);
        await queryRunner.query(`CREATE INDEX "ix_sla_timers_store_started" ON "sla_timers"  ("store_id", "started_at") `);
        await queryRunner.query(`CREATE INDEX "ix_sla_timers_running_due" ON "sla_timers"  ("due_at") WHERE status = 'running'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sla_timers_live_ticket" ON "sla_timers"  ("ticket_id", "kind") WHERE status IN ('running', 'paused') AND ticket_id IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sla_timers_live_conversation" ON "sla_timers"  ("conversation_id") WHERE status IN ('running', 'paused') AND conversation_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "stores" ADD "sla_escalation" jsonb NOT NULL DEFAULT '{"reassign": false, "webhookUrl": null}'`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD "sla_due_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD "sla_warn_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD "sla_breached_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`CREATE INDEX "ix_conversations_sla_breached" ON "conversations"  ("sla_breached_at") WHERE sla_breached_at IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "sla_timers" ADD CONSTRAINT "FK_7c47b5d15bf3de2cbc827242eaf" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sla_timers" ADD CONSTRAINT "FK_dcb3bdcfff41dc9da07b3b2082d" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sla_timers" DROP CONSTRAINT "FK_dcb3bdcfff41dc9da07b3b2082d"`);
        await queryRunner.query(`ALTER TABLE "sla_timers" DROP CONSTRAINT "FK_7c47b5d15bf3de2cbc827242eaf"`);
        await queryRunner.query(`DROP INDEX "public"."ix_conversations_sla_breached"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "sla_breached_at"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "sla_warn_at"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "sla_due_at"`);
        await queryRunner.query(`ALTER TABLE "stores" DROP COLUMN "sla_escalation"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sla_timers_live_conversation"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sla_timers_live_ticket"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sla_timers_running_due"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sla_timers_store_started"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sla_timers_conversation"`);
        await queryRunner.query(`DROP TABLE "sla_timers"`);
    }

}
