import { MigrationInterface, QueryRunner } from 'typeorm';

/** The thread of each client report between the brand and the agency. */
export class ReportComments1796192317003 implements MigrationInterface {
  name = 'ReportComments1796192317003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report_comments" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "report_id" uuid NOT NULL REFERENCES "client_reports"("id") ON DELETE CASCADE,
      "store_id" uuid NOT NULL REFERENCES "stores"("id") ON DELETE CASCADE,
      "author_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "body" text NOT NULL,
      "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now())`);
    await queryRunner.query(`CREATE INDEX "ix_report_comments_report" ON "report_comments" ("report_id", "created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_comments"`);
  }
}
