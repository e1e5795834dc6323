import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reply guard (issue 21): supervisors' quality scores of conversations, one per reviewer and conversation. */
export class GuardReviewScores1796270000000 implements MigrationInterface {
  name = 'GuardReviewScores1796270000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guard_review_scores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "store_id" uuid NOT NULL, "agent_id" uuid, "reviewer_id" uuid NOT NULL, "score" smallint NOT NULL, "criteria" jsonb NOT NULL DEFAULT '{}', "comment" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_guard_review_scores" PRIMARY KEY ("id"), CONSTRAINT "CHK_guard_review_scores_score" CHECK (score BETWEEN 1 AND 5))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_guard_review_scores_conversation_reviewer" ON "guard_review_scores" ("conversation_id", "reviewer_id")`);
    await queryRunner.query(`CREATE INDEX "ix_guard_review_scores_store_updated" ON "guard_review_scores" ("store_id", "updated_at")`);
    await queryRunner.query(`ALTER TABLE "guard_review_scores" ADD CONSTRAINT "FK_guard_review_scores_conversation" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "guard_review_scores"`);
  }
}
