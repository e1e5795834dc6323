import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platforms' response metrics: a store's rule (null: its platform's default) and exempted days; on each
 * response clock, the customer message that started the wait, the rule's seconds it counts against (null: not
 * counted) and its nudge instants (`nudge_at` the next one, for the alarms and the reconciler).
 */
export class PlatformResponse1796260000000 implements MigrationInterface {
  name = 'PlatformResponse1796260000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stores" ADD "response_rule" jsonb, ADD "response_exemptions" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `ALTER TABLE "sla_timers" ADD "message_id" uuid, ADD "rule_seconds" integer, ADD "nudge_seconds" integer[] NOT NULL DEFAULT '{}',
       ADD "nudged" integer NOT NULL DEFAULT 0, ADD "nudge_at" TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sla_timers_nudge_at" ON "sla_timers" ("nudge_at") WHERE nudge_at IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_sla_timers_nudge_at"`);
    await queryRunner.query(`ALTER TABLE "sla_timers" DROP COLUMN "nudge_at", DROP COLUMN "nudged", DROP COLUMN "nudge_seconds", DROP COLUMN "rule_seconds", DROP COLUMN "message_id"`);
    await queryRunner.query(`ALTER TABLE "stores" DROP COLUMN "response_exemptions", DROP COLUMN "response_rule"`);
  }
}
