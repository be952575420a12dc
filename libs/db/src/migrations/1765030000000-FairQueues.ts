import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queues no tenant can stall: a withdrawal waiting for funds is parked until `next_attempt_at`; a deposit the sweeper
 * skipped (dust, or a token whose gas top-up cannot be paid) says why (`sweep_skip_reason`) and is looked at again
 * at `sweep_retry_at`.
 */
export class FairQueues1765030000000 implements MigrationInterface {
  name = 'FairQueues1765030000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE, ADD "sweep_skip_reason" text, ADD "sweep_retry_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "wallet_transactions" DROP COLUMN "next_attempt_at", DROP COLUMN "sweep_skip_reason", DROP COLUMN "sweep_retry_at"`,
    );
  }
}
