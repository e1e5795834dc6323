import { MigrationInterface, QueryRunner } from "typeorm";
import { reindexArticle } from "../../kb/kb-article.writer.js";

/**
 * Written by hand: articles indexed before issue 19 get the character bigrams of their headings in
 * their search vector (kb-article.writer `indexedText`), as every article written since has them.
 */
export class KbCharGrams1796169500000 implements MigrationInterface {
    name = 'KbCharGrams1796169500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const rows: { id: string }[] = await queryRunner.query(`SELECT id FROM kb_articles ORDER BY id`);
        for (const { id } of rows) await reindexArticle(queryRunner.manager, id);
    }

    public async down(): Promise<void> {
        // The bigrams are harmless to a search that does not look for them.
    }

}
