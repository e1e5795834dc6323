import { MigrationInterface, QueryRunner } from "typeorm";

/** The default synonym groups (admins add and delete groups later; a deleted default stays deleted). */
const DEFAULT_SYNONYMS: string[][] = [
    ['退货', '退款', '退回', '退钱', '退', '退换', '退换货', '寄回', 'refund', 'return', 'money back', 'send back'],
    ['快递', '物流', '发货', '配送', '到货', 'shipping', 'delivery', 'shipment', 'courier', 'arrive', 'arrival'],
    ['发票', '开票', 'invoice', 'fapiao', 'receipt'],
    ['尺码', '码数', '码', '尺寸', '码子', 'size', 'sizing'],
    ['偏大', '偏小', '大了', '小了', '太大', '太小', '不合身', '不合适', 'too small', 'too big', 'too large', "doesn't fit"],
    ['价保', '价格保护', '保价', '退差价', '补差价', 'price protection', 'price drop', 'price match'],
    ['优惠券', '券', '优惠码', '红包', 'coupon', 'voucher', 'promo code', 'discount code'],
    ['保修', '保修期', '质保', '维修', '修', 'warranty', 'guarantee', 'repair'],
    ['取消', '撤销', 'cancel'],
    ['修改', '更改', '改', 'change', 'modify'],
    ['地址', '收货地址', 'address'],
    ['收件人', '收货人', 'recipient'],
    ['用不了', '不能用', '无法使用', '没法用', 'not working', "doesn't work", "can't use", 'cannot use'],
    ['破损', '摔坏', '压坏', '坏', '碎', 'damaged', 'broken'],
    ['漏发', '少发', '缺件', '少件', 'missing'],
    ['错发', '发错', 'wrong item'],
    ['没收到', '未收到', '收不到', 'not received', 'never arrived'],
    ['换货', '换', '调换', '更换', 'exchange', 'swap'],
    ['礼品包装', '礼盒', '包装成礼物', 'gift wrap', 'gift wrapping', 'gift box'],
    ['积分', '会员积分', 'points', 'loyalty points'],
    ['客服时间', '工作时间', '上班时间', '营业时间', 'business hours', 'opening hours', 'working hours'],
    ['预售', '定金', '尾款', 'presale', 'pre-order', 'preorder', 'deposit'],
    ['保质期', '赏味期', '过期', 'shelf life', 'expiry', 'best before'],
    ['付款', '支付', '花呗', '分期', 'payment', 'pay', 'installment'],
    ['运费', '邮费', '运费险', 'shipping fee', 'postage', 'shipping cost'],
    ['安装', '组装', '上门安装', 'assembly', 'install', 'assemble'],
    ['正品', '真假', '假货', '防伪', 'authentic', 'genuine', 'fake'],
    ['拆封', '拆开', '开封', '打开', 'opened', 'unsealed'],
    ['不想要', '不要了', '不喜欢', '买错', '拍错', '无理由', '七天无理由', '7天无理由', 'changed my mind'],
];

export class KnowledgeBase1795777091160 implements MigrationInterface {
    name = 'KnowledgeBase1795777091160'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE TABLE "kb_articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid, "lang" text NOT NULL, "topic" text, "title" text NOT NULL, "short_answer" text NOT NULL DEFAULT '', "body" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "search_vector" tsvector, "title_words" integer NOT NULL DEFAULT '1', "created_by_id" uuid, "updated_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ffb01b096d72350aa97d1d0cb14" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_kb_articles_store_topic" ON "kb_articles"  ("store_id", "topic") WHERE topic IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_kb_articles_updated" ON "kb_articles"  ("updated_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_kb_articles_store_updated" ON "kb_articles"  ("store_id", "updated_at", "id") `);
        await queryRunner.query(`CREATE TABLE "kb_article_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "version" integer NOT NULL, "store_id" uuid, "lang" text NOT NULL, "topic" text, "title" text NOT NULL, "short_answer" text NOT NULL, "body" text NOT NULL, "tags" text array NOT NULL, "status" text NOT NULL, "changed_fields" text array NOT NULL, "changed_by_id" uuid, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1adadce034403a3ba3e6443a217" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_kb_article_versions" ON "kb_article_versions"  ("article_id", "version") `);
        await queryRunner.query(`CREATE TABLE "kb_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "store_id" uuid, "conversation_id" uuid, "helpful" boolean NOT NULL, "user_id" uuid, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c69a8a164d5c2ea155486301b3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_kb_feedback_store_at" ON "kb_feedback"  ("store_id", "at") `);
        await queryRunner.query(`CREATE INDEX "ix_kb_feedback_article" ON "kb_feedback"  ("article_id") `);
        await queryRunner.query(`CREATE TABLE "kb_gaps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid, "lang" text NOT NULL, "query" text NOT NULL, "count" integer NOT NULL DEFAULT '1', "first_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba342858c8e13e9d5592f0f5e01" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_kb_gaps_last_seen" ON "kb_gaps"  ("last_seen_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_kb_gaps_global" ON "kb_gaps"  ("lang", "query") WHERE store_id IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_kb_gaps_store" ON "kb_gaps"  ("store_id", "lang", "query") WHERE store_id IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "kb_synonym_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "terms" text array NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c97f3b802752d201d004f276eb4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "kb_usage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "store_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "message_id" uuid, "user_id" uuid, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_924d36734f661f6fa538e7bb856" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_kb_usage_article" ON "kb_usage"  ("article_id") `);
        await queryRunner.query(`CREATE INDEX "ix_kb_usage_store_at" ON "kb_usage"  ("store_id", "at") `);
        await queryRunner.query(`CREATE TABLE "kb_quick_replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid, "shortcut" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "lang" text, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f26ef30a35e2c6d102ea3837296" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_kb_quick_replies_global" ON "kb_quick_replies"  ("shortcut") WHERE store_id IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_kb_quick_replies_store" ON "kb_quick_replies"  ("store_id", "shortcut") WHERE store_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "kb_articles" ADD CONSTRAINT "FK_9bb3080de4c6a720d807e7f61a8" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kb_article_versions" ADD CONSTRAINT "FK_0f99c336ba154a89d5f46a506d9" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kb_feedback" ADD CONSTRAINT "FK_11eefc155c0ba5519f0425e978b" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kb_gaps" ADD CONSTRAINT "FK_6f37a6f1b7cc3dfd69eb13bad79" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kb_usage" ADD CONSTRAINT "FK_9e68b1eb5e6980f36d501506824" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kb_quick_replies" ADD CONSTRAINT "FK_15c18f1b12238b7110b95abe0f4" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // Written by hand: what TypeORM cannot express (the entities declare these indexes with synchronize: false).
        // Without the pending list (fastupdate off), searches never scan unmerged entries; articles are
        // written rarely. One index per language of published articles (what a search looks at), one for
        // searches in every language.
        await queryRunner.query(`CREATE INDEX "ix_kb_articles_search" ON "kb_articles" USING gin ("search_vector") WITH (fastupdate = off)`);
        await queryRunner.query(`CREATE INDEX "ix_kb_articles_search_zh" ON "kb_articles" USING gin ("search_vector") WITH (fastupdate = off) WHERE lang = 'zh' AND status = 'published'`);
        await queryRunner.query(`CREATE INDEX "ix_kb_articles_search_en" ON "kb_articles" USING gin ("search_vector") WITH (fastupdate = off) WHERE lang = 'en' AND status = 'published'`);
        await queryRunner.query(`CREATE INDEX "ix_kb_articles_title_trgm" ON "kb_articles" USING gin ("title" gin_trgm_ops)`);
        // Document frequency of every lexeme over published articles (the term '' counts the articles):
        // the weights of query words, and the vocabulary that typos are corrected against (trigrams).
        await queryRunner.query(`CREATE TABLE "kb_terms" ("term" text PRIMARY KEY, "df" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_kb_terms_trgm" ON "kb_terms" USING gist ("term" gist_trgm_ops)`);
        // Adds per-term deltas; rows in term order, so concurrent writers lock them in the same order.
        await queryRunner.query(`
            CREATE FUNCTION kb_terms_apply(terms text[], deltas integer[]) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE gone text[];
            BEGIN
                WITH up AS (
                    INSERT INTO kb_terms (term, df)
                    SELECT term, sum(n) FROM unnest(terms, deltas) AS d(term, n) GROUP BY term HAVING sum(n) <> 0 ORDER BY term
                    ON CONFLICT (term) DO UPDATE SET df = kb_terms.df + EXCLUDED.df
                    RETURNING term, df
                )
                SELECT array_agg(term) INTO gone FROM up WHERE df <= 0;
                IF gone IS NOT NULL THEN DELETE FROM kb_terms WHERE term = ANY(gone); END IF;
            END $$`);
        const lexemes = (rows: string, sign: number) =>
            `SELECT t, ${sign} AS n FROM ${rows} r, unnest(array_append(tsvector_to_array(r.search_vector), '')) t WHERE r.status = 'published' AND r.search_vector IS NOT NULL`;
        const trigger = (name: string, delta: string) => `
            CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM kb_terms_apply(array_agg(t), array_agg(n)) FROM (${delta}) d HAVING count(*) > 0;
                RETURN NULL;
            END $$`;
        await queryRunner.query(trigger('kb_terms_on_insert', lexemes('new_rows', 1)));
        await queryRunner.query(trigger('kb_terms_on_update', `${lexemes('new_rows', 1)} UNION ALL ${lexemes('old_rows', -1)}`));
        await queryRunner.query(trigger('kb_terms_on_delete', lexemes('old_rows', -1)));
        await queryRunner.query(`CREATE TRIGGER kb_terms_insert AFTER INSERT ON kb_articles REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kb_terms_on_insert()`);
        await queryRunner.query(`CREATE TRIGGER kb_terms_update AFTER UPDATE ON kb_articles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kb_terms_on_update()`);
        await queryRunner.query(`CREATE TRIGGER kb_terms_delete AFTER DELETE ON kb_articles REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kb_terms_on_delete()`);
        for (const terms of DEFAULT_SYNONYMS) await queryRunner.query(`INSERT INTO "kb_synonym_groups" ("terms") VALUES ($1)`, [terms]);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "kb_terms"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_articles_title_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_articles_search_en"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_articles_search_zh"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_articles_search"`);
        await queryRunner.query(`ALTER TABLE "kb_quick_replies" DROP CONSTRAINT "FK_15c18f1b12238b7110b95abe0f4"`);
        await queryRunner.query(`ALTER TABLE "kb_usage" DROP CONSTRAINT "FK_9e68b1eb5e6980f36d501506824"`);
        await queryRunner.query(`ALTER TABLE "kb_gaps" DROP CONSTRAINT "FK_6f37a6f1b7cc3dfd69eb13bad79"`);
        await queryRunner.query(`ALTER TABLE "kb_feedback" DROP CONSTRAINT "FK_11eefc155c0ba5519f0425e978b"`);
        await queryRunner.query(`ALTER TABLE "kb_article_versions" DROP CONSTRAINT "FK_0f99c336ba154a89d5f46a506d9"`);
        await queryRunner.query(`ALTER TABLE "kb_articles" DROP CONSTRAINT "FK_9bb3080de4c6a720d807e7f61a8"`);
        await queryRunner.query(`DROP INDEX "public"."uq_kb_quick_replies_store"`);
        await queryRunner.query(`DROP INDEX "public"."uq_kb_quick_replies_global"`);
        await queryRunner.query(`DROP TABLE "kb_quick_replies"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_usage_store_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_usage_article"`);
        await queryRunner.query(`DROP TABLE "kb_usage"`);
        await queryRunner.query(`DROP TABLE "kb_synonym_groups"`);
        await queryRunner.query(`DROP INDEX "public"."uq_kb_gaps_store"`);
        await queryRunner.query(`DROP INDEX "public"."uq_kb_gaps_global"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_gaps_last_seen"`);
        await queryRunner.query(`DROP TABLE "kb_gaps"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_feedback_article"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_feedback_store_at"`);
        await queryRunner.query(`DROP TABLE "kb_feedback"`);
        await queryRunner.query(`DROP INDEX "public"."uq_kb_article_versions"`);
        await queryRunner.query(`DROP TABLE "kb_article_versions"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_articles_store_updated"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_articles_updated"`);
        await queryRunner.query(`DROP INDEX "public"."ix_kb_articles_store_topic"`);
        await queryRunner.query(`DROP TABLE "kb_articles"`);
        await queryRunner.query(`DROP FUNCTION kb_terms_on_insert(), kb_terms_on_update(), kb_terms_on_delete(), kb_terms_apply(text[], integer[])`);
        await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    }

}
