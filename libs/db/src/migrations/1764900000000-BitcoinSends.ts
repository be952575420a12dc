import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bitcoin sends. An unspent output carries the BIP32 path of its key (`key_chain` 0 receive, 1 change; `key_index`),
 * so the signer derives exactly the keys it spends. Change outputs are recorded when their send is signed: no wallet,
 * no block (trusted, ours). `reserved` = a send we signed spends it and no block does yet (`reserved_by_txid`; kept
 * after it is mined so that a reorg makes it reserved again, not spendable twice). A send has a `fee_level`.
 */
export class BitcoinSends1764900000000 implements MigrationInterface {
  name = 'BitcoinSends1764900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "utxos" ALTER COLUMN "wallet_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "utxos" ALTER COLUMN "block_number" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "utxos" ALTER COLUMN "block_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "utxos" ADD "key_chain" smallint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "utxos" ADD "key_index" integer`);
    await queryRunner.query(
      `UPDATE "utxos" u SET key_index = a.derivation_index FROM "addresses" a WHERE a.network = u.network AND a.address = u.address`,
    );
    await queryRunner.query(`ALTER TABLE "utxos" ALTER COLUMN "key_index" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "utxos" ADD "reserved_by_txid" text`);
    await queryRunner.query(`ALTER TABLE "utxos" DROP CONSTRAINT "utxos_status"`);
    await queryRunner.query(
      `ALTER TABLE "utxos" ADD CONSTRAINT "utxos_status" CHECK (status IN ('unspent', 'reserved', 'spent', 'orphaned'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "utxos" ADD CONSTRAINT "utxos_change" CHECK ((key_chain = 1) = (wallet_id IS NULL) AND (wallet_id IS NULL OR block_number IS NOT NULL))`,
    );
    await queryRunner.query(
      `CREATE INDEX "utxos_reserved_by" ON "utxos" ("reserved_by_txid") WHERE reserved_by_txid IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "fee_level" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "fee_level"`);
    await queryRunner.query(`DROP INDEX "utxos_reserved_by"`);
    await queryRunner.query(`ALTER TABLE "utxos" DROP CONSTRAINT "utxos_change"`);
    await queryRunner.query(`DELETE FROM "utxos" WHERE wallet_id IS NULL`);
    await queryRunner.query(`UPDATE "utxos" SET status = 'unspent' WHERE status = 'reserved'`);
    await queryRunner.query(`ALTER TABLE "utxos" DROP CONSTRAINT "utxos_status"`);
    await queryRunner.query(
      `ALTER TABLE "utxos" ADD CONSTRAINT "utxos_status" CHECK (status IN ('unspent', 'spent', 'orphaned'))`,
    );
    await queryRunner.query(`ALTER TABLE "utxos" DROP COLUMN "reserved_by_txid"`);
    await queryRunner.query(`ALTER TABLE "utxos" DROP COLUMN "key_index"`);
    await queryRunner.query(`ALTER TABLE "utxos" DROP COLUMN "key_chain"`);
    await queryRunner.query(`ALTER TABLE "utxos" ALTER COLUMN "block_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "utxos" ALTER COLUMN "block_number" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "utxos" ALTER COLUMN "wallet_id" SET NOT NULL`);
  }
}
