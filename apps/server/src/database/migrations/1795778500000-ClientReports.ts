import { MigrationInterface, QueryRunner } from "typeorm";

export class ClientReports1795778500000 implements MigrationInterface {
    name = 'ClientReports1795778500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "client_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid NOT NULL, "period" text NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "generated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "generated_by_id" uuid, "content" jsonb NOT NULL, CONSTRAINT "PK_client_reports" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_client_reports_generated" ON "client_reports" ("generated_at", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_client_reports_period" ON "client_reports" ("store_id", "period", "period_start") `);
        await queryRunner.query(`ALTER TABLE "client_reports" ADD CONSTRAINT "FK_a3ae9afd148a238f4cdfcc22750" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "client_reports" DROP CONSTRAINT "FK_a3ae9afd148a238f4cdfcc22750"`);
        await queryRunner.query(`DROP INDEX "public"."uq_client_reports_period"`);
        await queryRunner.query(`DROP INDEX "public"."ix_client_reports_generated"`);
        await queryRunner.query(`DROP TABLE "client_reports"`);
    }

}
