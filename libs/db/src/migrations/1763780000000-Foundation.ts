import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763780000000 implements MigrationInterface {
  name = 'Foundation1763780000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "wallets_enabled" boolean NOT NULL DEFAULT false, "account_index" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e58da52147caef7e78a63c312fa" UNIQUE ("account_index"), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" text NOT NULL, "organization_id" uuid NOT NULL, "name" text NOT NULL, "scopes" text array NOT NULL, "secret_hash" text NOT NULL, "secret_ciphertext" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a283bdef18876e525aefaec042" ON "api_keys" ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "auth_request_ids" ("api_key_id" text NOT NULL, "request_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64261f25fd1e6593ad68508b84e" PRIMARY KEY ("api_key_id", "request_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f42e489d716b2d54320999375c" ON "auth_request_ids" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "system_settings" ("key" text NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1b5bc664526d375c94ce9ad43d" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_a283bdef18876e525aefaec042f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_a283bdef18876e525aefaec042f"`);
    await queryRunner.query(`DROP TABLE "system_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f42e489d716b2d54320999375c"`);
    await queryRunner.query(`DROP TABLE "auth_request_ids"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a283bdef18876e525aefaec042"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
  }
}
