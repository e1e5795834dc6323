import { MigrationInterface, QueryRunner } from 'typeorm';

/** The agency's contract with each store, and frozen monthly statements (as they were frozen, never recomputed). */
export class Billing1796191661867 implements MigrationInterface {
  name = 'Billing1796191661867';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "store_contracts" (
      "store_id" uuid PRIMARY KEY REFERENCES "stores"("id") ON DELETE CASCADE,
      "base_fee_monthly" numeric(14,2) NOT NULL CHECK ("base_fee_monthly" >= 0),
      "commission_rate" numeric(6,5) NOT NULL CHECK ("commission_rate" BETWEEN 0 AND 0.5),
      "attribution_hours" integer NOT NULL CHECK ("attribution_hours" BETWEEN 1 AND 720),
      "promotion_fees" jsonb NOT NULL DEFAULT '[]',
      "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now())`);
    await queryRunner.query(`CREATE TABLE "statements" (
      "store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
      "month" text NOT NULL,
      "body" jsonb NOT NULL,
      "finalized_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
      PRIMARY KEY ("store_id", "month"))`);
    await queryRunner.query(`CREATE INDEX "ix_orders_store_paid" ON "orders" ("store_id", "paid_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_orders_store_paid"`);
    await queryRunner.query(`DROP TABLE "statements"`);
    await queryRunner.query(`DROP TABLE "store_contracts"`);
  }
}
