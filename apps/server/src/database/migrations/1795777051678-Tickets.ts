import { MigrationInterface, QueryRunner } from "typeorm";

export class Tickets1795777051678 implements MigrationInterface {
    name = 'Tickets1795777051678'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid NOT NULL, "order_ref" text NOT NULL, "customer_external_id" text, "items" jsonb NOT NULL, "total_paid" numeric(12,2) NOT NULL, "paid_at" TIMESTAMP(3) WITH TIME ZONE, "shipped_at" TIMESTAMP(3) WITH TIME ZONE, "delivered_at" TIMESTAMP(3) WITH TIME ZONE, "carrier" text, "tracking_number" text, "fetched_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_orders_customer" ON "orders"  ("store_id", "customer_external_id", "paid_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_orders_store_ref" ON "orders"  ("store_id", "order_ref") `);
        await queryRunner.query(`CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "store_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "type" text NOT NULL, "status" text NOT NULL, "resume_status" text, "order_ref" text, "ordered_at" TIMESTAMP(3) WITH TIME ZONE, "delivered_at" TIMESTAMP(3) WITH TIME ZONE, "items" jsonb NOT NULL DEFAULT '[]', "total_paid" numeric(12,2) NOT NULL DEFAULT '0', "refunded_amount" numeric(12,2) NOT NULL DEFAULT '0', "customer_reason" text NOT NULL, "cause" text, "cause_source" text, "cause_confidence" real, "suggested_cause" text, "cause_confirmed_by_id" uuid, "policy_decision" jsonb NOT NULL, "policy_override" jsonb, "resolution" jsonb, "return_address" text, "assignee_id" uuid, "created_by_id" uuid, "resolution_due_at" TIMESTAMP(3) WITH TIME ZONE, "resolution_breached_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "UQ_1e2f492eac219a05d36234782b4" UNIQUE ("seq"), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_tickets_resolution_breached" ON "tickets"  ("resolution_breached_at") WHERE resolution_breached_at IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_tickets_store_cause_created" ON "tickets"  ("store_id", "cause", "created_at") `);
        await queryRunner.query(`CREATE INDEX "ix_tickets_conversation" ON "tickets"  ("conversation_id") `);
        await queryRunner.query(`CREATE INDEX "ix_tickets_created" ON "tickets"  ("created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_tickets_store_created" ON "tickets"  ("store_id", "created_at", "id") `);
        await queryRunner.query(`CREATE TABLE "supplier_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "store_id" uuid NOT NULL, "supplier" text NOT NULL, "contact" text, "remedy" text NOT NULL, "due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "reminder_interval_hours" integer NOT NULL, "next_reminder_at" TIMESTAMP(3) WITH TIME ZONE, "reminders_sent" integer NOT NULL DEFAULT '0', "last_reminder_at" TIMESTAMP(3) WITH TIME ZONE, "outcome" text, "compensation_amount" numeric(12,2), "answered_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2600b94866b1cb5fad05df9b950" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_supplier_cases_reminder_due" ON "supplier_cases"  ("next_reminder_at") WHERE answered_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_supplier_cases_ticket" ON "supplier_cases"  ("ticket_id") `);
        await queryRunner.query(`CREATE TABLE "ticket_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "actor_id" uuid, "kind" text NOT NULL, "from_status" text, "to_status" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_d61d07653b492eca67f9bad8ec2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_ticket_events_ticket_at" ON "ticket_events"  ("ticket_id", "at") `);
        await queryRunner.query(`ALTER TABLE "stores" ADD "ticket_templates" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "messages" ADD "ticket_id" uuid`);
        await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_b7a7bb813431fc7cd73cced0001" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tickets" ADD CONSTRAINT "FK_c75975956872a8ecf2619e8eb9f" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tickets" ADD CONSTRAINT "FK_9d19b18bc1a9734b2bfde504bf2" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supplier_cases" ADD CONSTRAINT "FK_c324d2d2ccc3e49a30ac837c019" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_9cf43c4478294faa98129c47c21" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "ticket_events" DROP CONSTRAINT "FK_9cf43c4478294faa98129c47c21"`);
        await queryRunner.query(`ALTER TABLE "supplier_cases" DROP CONSTRAINT "FK_c324d2d2ccc3e49a30ac837c019"`);
        await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_9d19b18bc1a9734b2bfde504bf2"`);
        await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_c75975956872a8ecf2619e8eb9f"`);
        await queryRunner.query(`ALTER TABLE "orders" DROP CONSTRAINT "FK_b7a7bb813431fc7cd73cced0001"`);
        await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "ticket_id"`);
        await queryRunner.query(`ALTER TABLE "stores" DROP COLUMN "ticket_templates"`);
        await queryRunner.query(`DROP INDEX "public"."ix_ticket_events_ticket_at"`);
        await queryRunner.query(`DROP TABLE "ticket_events"`);
        await queryRunner.query(`DROP INDEX "public"."ix_supplier_cases_ticket"`);
        await queryRunner.query(`DROP INDEX "public"."ix_supplier_cases_reminder_due"`);
        await queryRunner.query(`DROP TABLE "supplier_cases"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tickets_store_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tickets_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tickets_conversation"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tickets_store_cause_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tickets_resolution_breached"`);
        await queryRunner.query(`DROP TABLE "tickets"`);
        await queryRunner.query(`DROP INDEX "public"."uq_orders_store_ref"`);
        await queryRunner.query(`DROP INDEX "public"."ix_orders_customer"`);
        await queryRunner.query(`DROP TABLE "orders"`);
    }

}
