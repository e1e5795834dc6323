import { MigrationInterface, QueryRunner } from "typeorm";

export class Csat1795778338552 implements MigrationInterface {
    name = 'Csat1795778338552'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "csat_surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "store_id" uuid NOT NULL, "agent_id" uuid, "lang" text NOT NULL, "message_id" uuid NOT NULL, "sent_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "rating" smallint, "rated_at" TIMESTAMP(3) WITH TIME ZONE, "reply" text, CONSTRAINT "PK_10fb3e0eee98e2e12786e11107d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_csat_surveys_pending" ON "csat_surveys"  ("conversation_id") WHERE rating IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_csat_surveys_store_sent" ON "csat_surveys"  ("store_id", "sent_at") `);
        await queryRunner.query(`ALTER TABLE "csat_surveys" ADD CONSTRAINT "FK_5d5319c3e515bd6bfee22d867c7" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "csat_surveys" DROP CONSTRAINT "FK_5d5319c3e515bd6bfee22d867c7"`);
        await queryRunner.query(`DROP INDEX "public"."ix_csat_surveys_store_sent"`);
        await queryRunner.query(`DROP INDEX "public"."ix_csat_surveys_pending"`);
        await queryRunner.query(`DROP TABLE "csat_surveys"`);
    }

}
