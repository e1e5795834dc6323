import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795768969410 implements MigrationInterface {
    name = 'Initial1795768969410'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" text NOT NULL, "target_type" text NOT NULL, "target_id" text NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_audit_events_target" ON "audit_events"  ("target_type", "target_id") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_events_at" ON "audit_events"  ("at", "id") `);
        await queryRunner.query(`CREATE TABLE "stores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "platform" text NOT NULL, "timezone" text NOT NULL, "business_hours" jsonb, "sla_policy" jsonb NOT NULL, "return_policy" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7aa6e7d71fa7acdd7ca43d7c9cb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "secret" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2b0fc50d229f2211083b02196d" ON "channels"  ("store_id") `);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "store_ids" uuid array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{zh}', "max_concurrent" integer NOT NULL DEFAULT '8', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "customers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid NOT NULL, "external_id" text NOT NULL, "name" text NOT NULL, "phone" text, "address" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_customers_store_external" UNIQUE ("store_id", "external_id"), CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'open', "assignee_id" uuid, "awaiting_reply_since" TIMESTAMP(3) WITH TIME ZONE, "first_response_at" TIMESTAMP(3) WITH TIME ZONE, "last_message_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_message_preview" text NOT NULL DEFAULT '', "order_ref" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_conversations_active" ON "conversations"  ("channel_id", "customer_id") WHERE status <> 'resolved'`);
        await queryRunner.query(`CREATE INDEX "ix_conversations_assignee_status" ON "conversations"  ("assignee_id", "status") `);
        await queryRunner.query(`CREATE INDEX "ix_conversations_activity" ON "conversations"  ("last_message_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_conversations_store_activity" ON "conversations"  ("store_id", "last_message_at", "id") `);
        await queryRunner.query(`CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "store_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "direction" text NOT NULL, "body" text NOT NULL, "author_id" uuid, "external_id" text, "delivery_status" text, "delivery_error" text, "delivery_attempts" integer NOT NULL DEFAULT '0', "delivered_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_messages_delivery_queued" ON "messages"  ("created_at") WHERE delivery_status = 'queued'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_messages_inbound_external" ON "messages"  ("channel_id", "external_id") WHERE direction = 'inbound'`);
        await queryRunner.query(`CREATE INDEX "ix_messages_conversation_created" ON "messages"  ("conversation_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "channels" ADD CONSTRAINT "FK_2b0fc50d229f2211083b02196d6" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "customers" ADD CONSTRAINT "FK_2501b8750977dd4f4d06dfeff07" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "FK_6cdc32f719992a332240bffef05" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "FK_1a99838ee2e2e940ad98ed2e9d8" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "FK_c9f0434c15cacf894e996f69088" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "FK_eb33c4841a61e998a8c906fbcf1" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_eb33c4841a61e998a8c906fbcf1"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_c9f0434c15cacf894e996f69088"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_1a99838ee2e2e940ad98ed2e9d8"`);
        await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_6cdc32f719992a332240bffef05"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP CONSTRAINT "FK_2501b8750977dd4f4d06dfeff07"`);
        await queryRunner.query(`ALTER TABLE "channels" DROP CONSTRAINT "FK_2b0fc50d229f2211083b02196d6"`);
        await queryRunner.query(`DROP INDEX "public"."ix_messages_conversation_created"`);
        await queryRunner.query(`DROP INDEX "public"."uq_messages_inbound_external"`);
        await queryRunner.query(`DROP INDEX "public"."ix_messages_delivery_queued"`);
        await queryRunner.query(`DROP TABLE "messages"`);
        await queryRunner.query(`DROP INDEX "public"."ix_conversations_store_activity"`);
        await queryRunner.query(`DROP INDEX "public"."ix_conversations_activity"`);
        await queryRunner.query(`DROP INDEX "public"."ix_conversations_assignee_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_conversations_active"`);
        await queryRunner.query(`DROP TABLE "conversations"`);
        await queryRunner.query(`DROP TABLE "customers"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2b0fc50d229f2211083b02196d"`);
        await queryRunner.query(`DROP TABLE "channels"`);
        await queryRunner.query(`DROP TABLE "stores"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_events_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_events_target"`);
        await queryRunner.query(`DROP TABLE "audit_events"`);
    }

}
