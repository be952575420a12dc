import { MigrationInterface, QueryRunner } from 'typeorm';

export class Wallets1763790000000 implements MigrationInterface {
  name = 'Wallets1763790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_a283bdef18876e525aefaec042f"`);
    await queryRunner.query(
      `CREATE TABLE "wallets" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "name" text, "external_id" text, "end_user_id" uuid, "umbrella_link_id" uuid, "metadata" jsonb NOT NULL DEFAULT '{}'::jsonb, "wallet_number" character(10) NOT NULL, "status" text NOT NULL DEFAULT 'pending', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "wallets_number" CHECK (wallet_number ~ '^[1-9][0-9]{9}$'), CONSTRAINT "wallets_status" CHECK (status IN ('pending', 'active', 'disabled')), CONSTRAINT "PK_8402e5df5a30a229380e83e4f7e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "wallets_number_unique" ON "wallets" ("wallet_number") `);
    await queryRunner.query(`CREATE INDEX "wallets_pending" ON "wallets" ("created_at") WHERE status = 'pending'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "wallets_org_external_id" ON "wallets" ("organization_id", "external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "wallets_org_created" ON "wallets" ("organization_id", "created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "addresses" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "wallet_id" uuid NOT NULL, "network" text NOT NULL, "chain" text NOT NULL, "asset" text NOT NULL, "address" text NOT NULL, "family" text NOT NULL, "derivation_index" integer NOT NULL, "label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_745d8f43d3af10ab8247465e450" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "addresses_org_family_index" ON "addresses" ("organization_id", "family", "derivation_index") `,
    );
    await queryRunner.query(
      `CREATE INDEX "addresses_wallet_created" ON "addresses" ("wallet_id", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "addresses_network_address" ON "addresses" ("network", "address") `);
    await queryRunner.query(
      `CREATE TABLE "derivation_counters" ("organization_id" uuid NOT NULL, "family" text NOT NULL, "next_index" integer NOT NULL, CONSTRAINT "derivation_counters_range" CHECK (next_index >= 1 AND next_index < 2147483648), CONSTRAINT "PK_b41ecc99e5919c72bcc9b172c84" PRIMARY KEY ("organization_id", "family"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("id" text NOT NULL, "seq" BIGSERIAL NOT NULL, "organization_id" uuid NOT NULL, "type" text NOT NULL, "data" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "events_seq_unique" ON "events" ("seq") `);
    await queryRunner.query(`CREATE INDEX "events_org_seq" ON "events" ("organization_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "master_wallets" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "chain" text NOT NULL, "network" text NOT NULL, "label" text, "address" text NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a236d66b91e6ea6322d29d552a5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "master_wallets_org_created" ON "master_wallets" ("organization_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "master_wallets_org_network" ON "master_wallets" ("organization_id", "network") `,
    );
    await queryRunner.query(`ALTER TABLE "organizations" ALTER COLUMN "id" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "wallets" ADD CONSTRAINT "FK_f499c61c6d6a0ac3f794d966edc" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "addresses" ADD CONSTRAINT "FK_d763e6c05412119cf00d356e664" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "addresses" ADD CONSTRAINT "FK_53a29f2a3b3acf49f409537fbb1" FOREIGN KEY ("wallet_id") REFERENCES "wallets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_a283bdef18876e525aefaec042f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "derivation_counters" ADD CONSTRAINT "FK_00e9ab0f591fdc3c373d2b76157" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_8557ec49101496ab87be666d633" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "master_wallets" ADD CONSTRAINT "FK_df87a57d8b6a255d81defea2b6d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "master_wallets" DROP CONSTRAINT "FK_df87a57d8b6a255d81defea2b6d"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_8557ec49101496ab87be666d633"`);
    await queryRunner.query(`ALTER TABLE "derivation_counters" DROP CONSTRAINT "FK_00e9ab0f591fdc3c373d2b76157"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_a283bdef18876e525aefaec042f"`);
    await queryRunner.query(`ALTER TABLE "addresses" DROP CONSTRAINT "FK_53a29f2a3b3acf49f409537fbb1"`);
    await queryRunner.query(`ALTER TABLE "addresses" DROP CONSTRAINT "FK_d763e6c05412119cf00d356e664"`);
    await queryRunner.query(`ALTER TABLE "wallets" DROP CONSTRAINT "FK_f499c61c6d6a0ac3f794d966edc"`);
    await queryRunner.query(`ALTER TABLE "organizations" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`DROP INDEX "public"."master_wallets_org_network"`);
    await queryRunner.query(`DROP INDEX "public"."master_wallets_org_created"`);
    await queryRunner.query(`DROP TABLE "master_wallets"`);
    await queryRunner.query(`DROP INDEX "public"."events_org_seq"`);
    await queryRunner.query(`DROP INDEX "public"."events_seq_unique"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TABLE "derivation_counters"`);
    await queryRunner.query(`DROP INDEX "public"."addresses_network_address"`);
    await queryRunner.query(`DROP INDEX "public"."addresses_wallet_created"`);
    await queryRunner.query(`DROP INDEX "public"."addresses_org_family_index"`);
    await queryRunner.query(`DROP TABLE "addresses"`);
    await queryRunner.query(`DROP INDEX "public"."wallets_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."wallets_org_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."wallets_pending"`);
    await queryRunner.query(`DROP INDEX "public"."wallets_number_unique"`);
    await queryRunner.query(`DROP TABLE "wallets"`);
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_a283bdef18876e525aefaec042f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
