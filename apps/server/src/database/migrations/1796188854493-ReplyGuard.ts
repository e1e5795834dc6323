import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reply guard (issue 21): rules, store categories, refused and overridden replies, platform rule changes and their acknowledgements. */
export class ReplyGuard1796188854493 implements MigrationInterface {
  name = 'ReplyGuard1796188854493';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guard_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid, "platform" text, "category" text, "kind" text NOT NULL, "terms" text array, "exceptions" text array, "pattern" text, "action" text NOT NULL, "message" jsonb NOT NULL, "effective_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "status" text NOT NULL, "source" text NOT NULL DEFAULT 'manual', "default_key" text, "rule_change_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_guard_rules" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_guard_rules_default_key" ON "guard_rules" ("default_key") WHERE default_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_guard_rules_scheduled" ON "guard_rules" ("effective_at") WHERE status = 'scheduled'`);
    await queryRunner.query(`ALTER TABLE "guard_rules" ADD CONSTRAINT "FK_guard_rules_store" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE`);
    await queryRunner.query(`CREATE TABLE "store_guard_profiles" ("store_id" uuid NOT NULL, "categories" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_store_guard_profiles" PRIMARY KEY ("store_id"))`);
    await queryRunner.query(`ALTER TABLE "store_guard_profiles" ADD CONSTRAINT "FK_store_guard_profiles_store" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE`);
    await queryRunner.query(
      `CREATE TABLE "guard_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "store_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "agent_id" uuid NOT NULL, "rule_ids" uuid array NOT NULL, "violations" jsonb NOT NULL, "reason" text, "message_id" uuid, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_guard_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_guard_events_store_at" ON "guard_events" ("store_id", "at")`);
    await queryRunner.query(`CREATE INDEX "ix_guard_events_agent_at" ON "guard_events" ("agent_id", "at")`);
    await queryRunner.query(
      `CREATE TABLE "rule_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "platform" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL, "effective_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ack_due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "categories" text array NOT NULL DEFAULT '{}', "link" text, "store_ids" uuid array NOT NULL, "guard_rule_ids" uuid array NOT NULL DEFAULT '{}', "review" jsonb NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_rule_changes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_rule_changes_platform" ON "rule_changes" ("platform", "created_at")`);
    await queryRunner.query(`CREATE TABLE "rule_change_acks" ("rule_change_id" uuid NOT NULL, "user_id" uuid NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_rule_change_acks" PRIMARY KEY ("rule_change_id", "user_id"))`);
    await queryRunner.query(`ALTER TABLE "rule_change_acks" ADD CONSTRAINT "FK_rule_change_acks_change" FOREIGN KEY ("rule_change_id") REFERENCES "rule_changes"("id") ON DELETE CASCADE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rule_change_acks"`);
    await queryRunner.query(`DROP TABLE "rule_changes"`);
    await queryRunner.query(`DROP TABLE "guard_events"`);
    await queryRunner.query(`DROP TABLE "store_guard_profiles"`);
    await queryRunner.query(`DROP TABLE "guard_rules"`);
  }
}
