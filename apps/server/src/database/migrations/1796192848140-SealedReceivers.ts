import { MigrationInterface, QueryRunner } from 'typeorm';

/** An order's receiver: sealed (AES-GCM, the key outside the database) and, for every view, masked. */
export class SealedReceivers1796192848140 implements MigrationInterface {
  name = 'SealedReceivers1796192848140';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "receiver_sealed" text, ADD "receiver_masked" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "receiver_masked", DROP COLUMN "receiver_sealed"`);
  }
}
