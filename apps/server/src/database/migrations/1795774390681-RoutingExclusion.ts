import { MigrationInterface, QueryRunner } from "typeorm";

export class RoutingExclusion1795774390681 implements MigrationInterface {
    name = 'RoutingExclusion1795774390681'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "conversations" ADD "routing_excluded_id" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "routing_excluded_id"`);
    }

}
