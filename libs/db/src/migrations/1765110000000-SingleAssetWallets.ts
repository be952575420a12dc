import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-asset and fiat wallets: `wallets.currency` (null for a multi-asset wallet), and the
 * organization's fiat `settlement` ledger account, the other side of operator-booked credits and debits of fiat
 * wallets (`POST /v1/wallets/{id}/adjustments`).
 */
export class SingleAssetWallets1765110000000 implements MigrationInterface {
  name = 'SingleAssetWallets1765110000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "wallets" ADD "currency" text`);
    await queryRunner.query(
      `ALTER TABLE "wallets" ADD CONSTRAINT "wallets_currency" CHECK (currency IS NULL OR currency IN ('btc', 'eth', 'usdt', 'usdc', 'usd'))`,
    );
    await queryRunner.query(`ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_kind"`);
    await queryRunner.query(
      `ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_kind" CHECK (kind IN ('wallet', 'external', 'fees', 'master', 'settlement') AND (kind = 'wallet') = (wallet_id IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A database that booked adjustments keeps its settlement accounts: restoring the old CHECK then fails, as it
    // should (dropping them would break the ledger's balance per asset).
    await queryRunner.query(`ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_kind"`);
    await queryRunner.query(
      `ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_kind" CHECK (kind IN ('wallet', 'external', 'fees', 'master') AND (kind = 'wallet') = (wallet_id IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "wallets" DROP CONSTRAINT "wallets_currency"`);
    await queryRunner.query(`ALTER TABLE "wallets" DROP COLUMN "currency"`);
  }
}
