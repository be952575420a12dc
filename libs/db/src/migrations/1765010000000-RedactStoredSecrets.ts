import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data only, no schema change. Replies stored under an Idempotency-Key used to keep a webhook endpoint's `whsec_`
 * secret in clear (creation and rotation); they now keep it sealed. Replies stored before are left with `secret: null`
 * (a replay answers null: the secret cannot be sealed here, the migration has no key-encryption key). A network's
 * `last_error` used to hold the node's error message, RPC URL included; it now holds a class of error.
 */
export class RedactStoredSecrets1765010000000 implements MigrationInterface {
  name = 'RedactStoredSecrets1765010000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "idempotency_keys" SET "response_body" = jsonb_set("response_body", '{secret}', 'null'::jsonb)
        WHERE jsonb_typeof("response_body") = 'object' AND starts_with("response_body"->>'secret', 'whsec_')`,
    );
    await queryRunner.query(
      `UPDATE "chain_cursors" SET "last_error" = 'rpc_error'
        WHERE "last_error" NOT IN ('rpc_unreachable', 'rpc_error', 'chain_mismatch', 'timeout', 'sync_failed')`,
    );
  }

  public async down(): Promise<void> {
    // Nothing to undo: the schema is unchanged, and the secrets and messages removed cannot be brought back.
  }
}
