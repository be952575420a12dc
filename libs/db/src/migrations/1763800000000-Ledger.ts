import { MigrationInterface, QueryRunner } from 'typeorm';

export class Ledger1763800000000 implements MigrationInterface {
  name = 'Ledger1763800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "chain_cursors" ("network" text NOT NULL, "indexed_height" bigint, "indexed_hash" text, "head_height" bigint, "genesis_hash" text, "last_synced_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "reset_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a39b881b90ef4632f04034cfcae" PRIMARY KEY ("network"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_accounts" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "kind" text NOT NULL, "wallet_id" uuid, "network" text NOT NULL, "asset" text NOT NULL, "credits_posted" numeric(78,0) NOT NULL DEFAULT '0', "debits_posted" numeric(78,0) NOT NULL DEFAULT '0', "credits_pending" numeric(78,0) NOT NULL DEFAULT '0', "debits_pending" numeric(78,0) NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ledger_accounts_wallet_available" CHECK (kind <> 'wallet' OR credits_posted - debits_posted - debits_pending >= 0), CONSTRAINT "ledger_accounts_non_negative" CHECK (credits_posted >= 0 AND debits_posted >= 0 AND credits_pending >= 0 AND debits_pending >= 0), CONSTRAINT "ledger_accounts_kind" CHECK (kind IN ('wallet', 'external', 'fees', 'master') AND (kind = 'wallet') = (wallet_id IS NOT NULL)), CONSTRAINT "PK_62b34396dda564757cf123fff0e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ledger_accounts_system" ON "ledger_accounts" ("organization_id", "kind", "network", "asset") WHERE wallet_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ledger_accounts_wallet" ON "ledger_accounts" ("wallet_id", "network", "asset") WHERE wallet_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_transfers" ("id" uuid NOT NULL, "transaction_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "debit_account_id" uuid NOT NULL, "credit_account_id" uuid NOT NULL, "network" text NOT NULL, "asset" text NOT NULL, "amount" numeric(78,0) NOT NULL, "phase" text NOT NULL, "pending_id" uuid, "reference" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ledger_transfers_phase" CHECK (phase IN ('posted', 'pending', 'post_pending', 'void_pending') AND (phase IN ('post_pending', 'void_pending')) = (pending_id IS NOT NULL)), CONSTRAINT "ledger_transfers_accounts" CHECK (debit_account_id <> credit_account_id), CONSTRAINT "ledger_transfers_amount" CHECK (amount > 0), CONSTRAINT "PK_0ff1f1a56cb76536e5ef5ad5809" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ledger_transfers_reference" ON "ledger_transfers" ("reference") `);
    await queryRunner.query(`CREATE INDEX "ledger_transfers_credit" ON "ledger_transfers" ("credit_account_id") `);
    await queryRunner.query(`CREATE INDEX "ledger_transfers_debit" ON "ledger_transfers" ("debit_account_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ledger_transfers_resolution" ON "ledger_transfers" ("pending_id") WHERE pending_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "master_wallet_balances" ("master_wallet_id" uuid NOT NULL, "asset" text NOT NULL, "balance" numeric(78,0) NOT NULL, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_38bc8bee3ae0717e83e695e5d63" PRIMARY KEY ("master_wallet_id", "asset"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "scanned_blocks" ("network" text NOT NULL, "height" bigint NOT NULL, "hash" text NOT NULL, "parent_hash" text NOT NULL, CONSTRAINT "PK_496a37cb5b06fb6b84e1807826c" PRIMARY KEY ("network", "height"))`,
    );
    await queryRunner.query(`CREATE TABLE "wallet_transactions" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "wallet_id" uuid NOT NULL, "direction" text NOT NULL, "status" text NOT NULL, "network" text NOT NULL, "chain" text NOT NULL, "asset" text NOT NULL, "amount" numeric(78,0) NOT NULL, "tx_hash" text, "log_index" integer, "block_number" bigint, "block_hash" text, "from_address" text, "to_address" text, "confirmations" integer NOT NULL DEFAULT '0', "required_confirmations" integer NOT NULL, "failure_reason" text, "aml_result" text, "ledger_transfer_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "wallet_transactions_amount" CHECK (amount > 0), CONSTRAINT "wallet_transactions_status" CHECK ((direction = 'incoming' AND status IN ('detected', 'confirming', 'confirmed', 'quarantined', 'failed'))
   OR (direction = 'outgoing' AND status IN ('pending', 'broadcast', 'confirming', 'confirmed', 'failed'))), CONSTRAINT "wallet_transactions_direction" CHECK (direction IN ('incoming', 'outgoing')), CONSTRAINT "PK_5120f131bde2cda940ec1a621db" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "wallet_transactions_open" ON "wallet_transactions" ("network", "status") WHERE status IN ('detected', 'confirming', 'pending', 'broadcast')`,
    );
    await queryRunner.query(
      `CREATE INDEX "wallet_transactions_wallet_created" ON "wallet_transactions" ("wallet_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "wallet_transactions_deposit_key" ON "wallet_transactions" ("network", "tx_hash", "log_index") WHERE direction = 'incoming'`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_accounts" ADD CONSTRAINT "FK_df965997f6ac70931ceedd76b36" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_accounts" ADD CONSTRAINT "FK_ecf3ac4f4d79f99aa40af4fab29" FOREIGN KEY ("wallet_id") REFERENCES "wallets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_transfers" ADD CONSTRAINT "FK_7d81b5f32f8cd4575c8cc887884" FOREIGN KEY ("debit_account_id") REFERENCES "ledger_accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_transfers" ADD CONSTRAINT "FK_ef407998d9edd327786521ae82c" FOREIGN KEY ("credit_account_id") REFERENCES "ledger_accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_transfers" ADD CONSTRAINT "FK_2eb34cb337a7c728919b99fcc14" FOREIGN KEY ("pending_id") REFERENCES "ledger_transfers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "master_wallet_balances" ADD CONSTRAINT "FK_8f9de9cbb6d918be83e0272b723" FOREIGN KEY ("master_wallet_id") REFERENCES "master_wallets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" ADD CONSTRAINT "FK_df254ec9651d5a86f3ddf280b23" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" ADD CONSTRAINT "FK_c57d19129968160f4db28fc8b28" FOREIGN KEY ("wallet_id") REFERENCES "wallets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // LED-3: ledger transfers are append-only; corrections are new transfers.
    await queryRunner.query(`CREATE FUNCTION ledger_transfers_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_transfers is append-only (% refused)', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "ledger_transfers" FOR EACH STATEMENT EXECUTE FUNCTION ledger_transfers_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_transfers_append_only ON "ledger_transfers"`);
    await queryRunner.query(`DROP FUNCTION ledger_transfers_append_only()`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP CONSTRAINT "FK_c57d19129968160f4db28fc8b28"`);
    await queryRunner.query(`ALTER TABLE "wallet_transactions" DROP CONSTRAINT "FK_df254ec9651d5a86f3ddf280b23"`);
    await queryRunner.query(`ALTER TABLE "master_wallet_balances" DROP CONSTRAINT "FK_8f9de9cbb6d918be83e0272b723"`);
    await queryRunner.query(`ALTER TABLE "ledger_transfers" DROP CONSTRAINT "FK_2eb34cb337a7c728919b99fcc14"`);
    await queryRunner.query(`ALTER TABLE "ledger_transfers" DROP CONSTRAINT "FK_ef407998d9edd327786521ae82c"`);
    await queryRunner.query(`ALTER TABLE "ledger_transfers" DROP CONSTRAINT "FK_7d81b5f32f8cd4575c8cc887884"`);
    await queryRunner.query(`ALTER TABLE "ledger_accounts" DROP CONSTRAINT "FK_ecf3ac4f4d79f99aa40af4fab29"`);
    await queryRunner.query(`ALTER TABLE "ledger_accounts" DROP CONSTRAINT "FK_df965997f6ac70931ceedd76b36"`);
    await queryRunner.query(`DROP INDEX "public"."wallet_transactions_deposit_key"`);
    await queryRunner.query(`DROP INDEX "public"."wallet_transactions_wallet_created"`);
    await queryRunner.query(`DROP INDEX "public"."wallet_transactions_open"`);
    await queryRunner.query(`DROP TABLE "wallet_transactions"`);
    await queryRunner.query(`DROP TABLE "scanned_blocks"`);
    await queryRunner.query(`DROP TABLE "master_wallet_balances"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_transfers_resolution"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_transfers_debit"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_transfers_credit"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_transfers_reference"`);
    await queryRunner.query(`DROP TABLE "ledger_transfers"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_accounts_wallet"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_accounts_system"`);
    await queryRunner.query(`DROP TABLE "ledger_accounts"`);
    await queryRunner.query(`DROP TABLE "chain_cursors"`);
  }
}
