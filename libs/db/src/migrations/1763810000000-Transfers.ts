import { MigrationInterface, QueryRunner } from 'typeorm';

export class Transfers1763810000000 implements MigrationInterface {
  name = 'Transfers1763810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "external_accounts" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "network" text NOT NULL, "chain" text NOT NULL, "address" text NOT NULL, "label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_48de4cf673dd62798b19df4f7bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "external_accounts_unique" ON "external_accounts" ("organization_id", "network", "address") WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "external_accounts_org_created" ON "external_accounts" ("organization_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("organization_id" uuid NOT NULL, "key" text NOT NULL, "fingerprint" text NOT NULL, "method" text NOT NULL, "path" text NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "response_status" integer, "response_body" jsonb, "response_headers" jsonb, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa1b697098c138245abc15cad73" PRIMARY KEY ("organization_id", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "idempotency_keys_created" ON "idempotency_keys" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "nonce_counters" ("network" text NOT NULL, "address" text NOT NULL, "next_nonce" integer NOT NULL, CONSTRAINT "PK_01eb38644681932a001d4026015" PRIMARY KEY ("network", "address"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sweeps" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "network" text NOT NULL, "asset" text NOT NULL, "address" text NOT NULL, "derivation_index" integer NOT NULL, "master_address" text NOT NULL, "amount" numeric(78,0) NOT NULL, "status" text NOT NULL, "topup_tx_hash" text, "topup_signed_tx" text, "sweep_tx_hash" text, "sweep_signed_tx" text, "fee" numeric(78,0), "failure_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sweeps_status" CHECK (status IN ('topping_up', 'sweeping', 'confirmed', 'failed')), CONSTRAINT "PK_07c638010e068c3d9759020a31a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "sweeps_topup_tx" ON "sweeps" ("topup_tx_hash") WHERE topup_tx_hash IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "sweeps_address_open" ON "sweeps" ("network", "address") WHERE status IN ('topping_up', 'sweeping')`,
    );
    await queryRunner.query(
      `CREATE INDEX "sweeps_open" ON "sweeps" ("network", "status") WHERE status IN ('topping_up', 'sweeping')`,
    );
    await queryRunner.query(
      `CREATE TABLE "transfer_batches" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "wallet_id" uuid NOT NULL, "network" text NOT NULL, "asset" text NOT NULL, "item_count" integer NOT NULL, "total" numeric(78,0) NOT NULL, "idempotency_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba4770bf33ecb7e2bbfc465438e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "transfer_batches_idempotency" ON "transfer_batches" ("organization_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "transfer_batches_org_created" ON "transfer_batches" ("organization_id", "created_at", "id") `,
    );
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "destination_type" text`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "destination_wallet_id" uuid`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "external_account_id" uuid`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "counterpart_id" uuid`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "note" text`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "external_id" text`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "idempotency_key" text`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "batch_id" uuid`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "batch_index" integer`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "sub_status" text`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "fee" numeric(78,0)`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "fee_asset" text`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "nonce" integer`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "signed_tx" text`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "broadcast_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" ADD "swept_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "wallet_transactions_unswept" ON "wallet_transactions" ("network", "to_address") WHERE direction = 'incoming' AND status = 'confirmed' AND swept_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "wallet_transactions_batch" ON "wallet_transactions" ("batch_id") WHERE batch_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "wallet_transactions_external_id" ON "wallet_transactions" ("organization_id", "external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "wallet_transactions_idempotency" ON "wallet_transactions" ("organization_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "external_accounts" ADD CONSTRAINT "FK_871671784177ee7d57fa17d9e14" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "external_accounts" DROP CONSTRAINT "FK_871671784177ee7d57fa17d9e14"`);
    await queryRunner.query(`DROP INDEX "public"."wallet_transactions_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."wallet_transactions_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."wallet_transactions_batch"`);
    await queryRunner.query(`DROP INDEX "public"."wallet_transactions_unswept"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "swept_at"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "broadcast_at"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "signed_tx"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "nonce"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "fee_asset"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "fee"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "sub_status"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "batch_index"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "batch_id"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "external_id"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "note"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "counterpart_id"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "external_account_id"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "destination_wallet_id"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP COLUMN "destination_type"`);
    await queryRunner.query(`DROP INDEX "public"."transfer_batches_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."transfer_batches_idempotency"`);
    await queryRunner.query(`DROP TABLE "transfer_batches"`);
    await queryRunner.query(`DROP INDEX "public"."sweeps_open"`);
    await queryRunner.query(`DROP INDEX "public"."sweeps_address_open"`);
    await queryRunner.query(`DROP INDEX "public"."sweeps_topup_tx"`);
    await queryRunner.query(`DROP TABLE "sweeps"`);
    await queryRunner.query(`DROP TABLE "nonce_counters"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."external_accounts_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."external_accounts_unique"`);
    await queryRunner.query(`DROP TABLE "external_accounts"`);
  }
}
