import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * USD prices: one row per asset symbol, refreshed by the price job; and on each wallet transaction the rate it was
 * valued at when it was confirmed (`usd_rate`, `usd_rate_at`) and that value (`amount_usd`), kept for accounting.
 */
export class Prices1765100000000 implements MigrationInterface {
  name = 'Prices1765100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "asset_prices" ("symbol" text NOT NULL, "answer" numeric(78,0) NOT NULL, "decimals" smallint NOT NULL, "rate_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" text NOT NULL, "max_age_seconds" integer NOT NULL, "round_id" text, CONSTRAINT "asset_prices_answer" CHECK (answer > 0), CONSTRAINT "PK_asset_prices" PRIMARY KEY ("symbol"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" ADD "usd_rate" numeric, ADD "usd_rate_at" TIMESTAMP WITH TIME ZONE, ADD "amount_usd" numeric`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" DROP COLUMN "amount_usd", DROP COLUMN "usd_rate_at", DROP COLUMN "usd_rate"`,
    );
    await queryRunner.query(`DROP TABLE "asset_prices"`);
  }
}
