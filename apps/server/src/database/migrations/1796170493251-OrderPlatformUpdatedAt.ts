import { MigrationInterface, QueryRunner } from "typeorm";

export class OrderPlatformUpdatedAt1796170493251 implements MigrationInterface {
    name = 'OrderPlatformUpdatedAt1796170493251'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "orders" ADD "platform_updated_at" TIMESTAMP(3) WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "platform_updated_at"`);
    }

}
