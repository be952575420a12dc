import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * auth_request_ids holds the request ids of HMAC-signed requests seen inside the 5-minute timestamp window: a write
 * per signed request. UNLOGGED skips the WAL flush on that hot path. If PostgreSQL itself crashes, the table comes
 * back empty, so a captured signed request could be replayed within those 5 minutes; money-moving requests still
 * carry Idempotency-Keys and business ids, which are durable.
 */
export class Performance1763830000000 implements MigrationInterface {
  name = 'Performance1763830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_request_ids" SET UNLOGGED`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_request_ids" SET LOGGED`);
  }
}
