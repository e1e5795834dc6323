import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox search (`GET /api/conversations?q=`) looks at the customer's name, every message and every order number of
 * a conversation with ILIKE '%…%': trigram GIN indexes make that an index scan. Written by hand (TypeORM cannot express
 * operator classes; the entities declare these indexes with synchronize: false). pg_trgm comes with the knowledge base.
 */
export class InboxSearch1796171000000 implements MigrationInterface {
  name = 'InboxSearch1796171000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "ix_messages_body_trgm" ON "messages" USING gin ("body" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_customers_name_trgm" ON "customers" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_conversations_order_ref_trgm" ON "conversations" USING gin ("order_ref" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_tickets_order_ref_trgm" ON "tickets" USING gin ("order_ref" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_orders_order_ref_trgm" ON "orders" USING gin ("order_ref" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_orders_order_ref_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tickets_order_ref_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_conversations_order_ref_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customers_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_messages_body_trgm"`);
  }
}
