import { MigrationInterface, QueryRunner } from "typeorm";

export class CauseModels1795778000000 implements MigrationInterface {
    name = 'CauseModels1795778000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "cause_models" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" SERIAL NOT NULL, "status" text NOT NULL, "corpus_samples" integer NOT NULL, "agent_samples" integer NOT NULL, "scores" jsonb NOT NULL, "previous_scores" jsonb, "note" text NOT NULL DEFAULT '', "model" jsonb, "trained_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_cause_models_version" UNIQUE ("version"), CONSTRAINT "PK_cause_models" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_cause_models_active" ON "cause_models" ("status") WHERE status = 'active'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_cause_models_active"`);
        await queryRunner.query(`DROP TABLE "cause_models"`);
    }

}
