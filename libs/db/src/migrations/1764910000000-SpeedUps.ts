import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A send sped up (`POST /v1/transactions/{id}/speed-up`): how (`cpfp` on Bitcoin: a child spending its change;
 * `replacement` on EVM: the same nonce with higher fees), the other transaction (the child, or the transaction
 * replaced) with its signed bytes stored before broadcast, and the child's fee (Bitcoin).
 */
export class SpeedUps1764910000000 implements MigrationInterface {
  name = 'SpeedUps1764910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" ADD "speed_up_method" text, ADD "speed_up_tx_hash" text, ADD "speed_up_signed_tx" text, ADD "speed_up_fee" numeric(78,0), ADD "sped_up_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" ADD CONSTRAINT "wallet_transactions_speed_up" CHECK (speed_up_method IN ('cpfp', 'replacement'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP CONSTRAINT "wallet_transactions_speed_up"`);
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" DROP COLUMN "speed_up_method", DROP COLUMN "speed_up_tx_hash", DROP COLUMN "speed_up_signed_tx", DROP COLUMN "speed_up_fee", DROP COLUMN "sped_up_at"`,
    );
  }
}
