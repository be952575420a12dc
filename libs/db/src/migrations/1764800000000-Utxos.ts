import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unspent outputs paying our addresses on UTXO chains (Bitcoin): recorded once per output by the deposit
 * scanner, with the script and value a send will need to spend it; `spent` when a scanned block spends it
 * (`spent_by_txid`, `spent_block_number`), `orphaned` when its own block left the chain.
 */
export class Utxos1764800000000 implements MigrationInterface {
  name = 'Utxos1764800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "utxos" ("network" text NOT NULL, "txid" text NOT NULL, "vout" integer NOT NULL, "organization_id" uuid NOT NULL, "wallet_id" uuid NOT NULL, "address" text NOT NULL, "script" text NOT NULL, "value" numeric(78,0) NOT NULL, "block_number" bigint NOT NULL, "block_hash" text NOT NULL, "status" text NOT NULL DEFAULT 'unspent', "spent_by_txid" text, "spent_block_number" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "utxos_status" CHECK (status IN ('unspent', 'spent', 'orphaned')), CONSTRAINT "utxos_value" CHECK (value > 0), CONSTRAINT "PK_utxos" PRIMARY KEY ("network", "txid", "vout"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "utxos_org_unspent" ON "utxos" ("organization_id", "network") WHERE status = 'unspent'`,
    );
    await queryRunner.query(`CREATE INDEX "utxos_network_block" ON "utxos" ("network", "block_number")`);
    await queryRunner.query(
      `ALTER TABLE "utxos" ADD CONSTRAINT "FK_utxos_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "utxos" ADD CONSTRAINT "FK_utxos_wallet" FOREIGN KEY ("wallet_id") REFERENCES "wallets"("id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "utxos"`);
  }
}
