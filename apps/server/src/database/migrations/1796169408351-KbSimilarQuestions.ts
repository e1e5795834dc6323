import { MigrationInterface, QueryRunner } from "typeorm";

export class KbSimilarQuestions1796169408351 implements MigrationInterface {
    name = 'KbSimilarQuestions1796169408351'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "kb_article_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "store_id" uuid, "text" text NOT NULL, "key" text NOT NULL, "lang" text NOT NULL, "status" text NOT NULL DEFAULT 'proposed', "source" text NOT NULL, "proposals" integer NOT NULL DEFAULT '1', "conversation_id" uuid, "message_id" uuid, "proposed_by_id" uuid, "decided_by_id" uuid, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1268f94b9caeb452f1371937faa" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_kb_article_questions_status" ON "kb_article_questions"  ("status", "store_id", "updated_at", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_kb_article_questions_key" ON "kb_article_questions"  ("article_id", "key") `);
        await queryRunner.query(`ALTER TABLE "kb_article_questions" ADD CONSTRAINT "FK_dca842bc1f17c2867c3170e2d2d" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kb_article_questions" ADD CONSTRAINT "FK_fd0940b2dc1448db0de55010629" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "kb_article_questions" DROP CONSTRAINT "FK_fd0940b2dc1448db0de55010629"`);
        await queryRunner.query(`ALTER TABLE "kb_article_questions" DROP CONSTRAINT "FK_dca842bc1f17c2867c3170e2d2d"`);
        await queryRunner.query(`DROP INDEX "public"."uq_kb_article_questions_key"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_article_questions_status"`);
        await queryRunner.query(`DROP TABLE "kb_article_questions"`);
    }

}
