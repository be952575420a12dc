import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limits: a token bucket per API key and per organization, shared by every replica. A replica leases a few
 * tokens at a time with `rate_limit_lease` (one statement: both buckets refilled for the time passed, locked in a
 * fixed order, the lease taken from both) and serves requests from its lease; an API key may carry its own limit.
 */
export class RateLimits1765040000000 implements MigrationInterface {
  name = 'RateLimits1765040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_buckets" ("subject" text NOT NULL, "tokens" double precision NOT NULL, "refilled_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_rate_limit_buckets" PRIMARY KEY ("subject"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD "rate_limit_per_second" integer, ADD "rate_limit_burst" integer, ADD CONSTRAINT "api_keys_rate_limit" CHECK ((rate_limit_per_second IS NULL OR rate_limit_per_second > 0) AND (rate_limit_burst IS NULL OR rate_limit_burst > 0))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION rate_limit_lease(p_key text, p_org uuid, p_rate float8, p_burst float8, p_org_rate float8,
                                       p_org_burst float8, p_want int)
      RETURNS TABLE (granted int, key_tokens float8, key_rate float8, key_burst float8, org_tokens float8)
      LANGUAGE plpgsql AS $$
      DECLARE
        k_rate float8 := p_rate;
        k_burst float8 := p_burst;
        kt float8;
        ot float8;
        g int;
      BEGIN
        SELECT coalesce(k.rate_limit_per_second, p_rate), coalesce(k.rate_limit_burst, k.rate_limit_per_second * 2, p_burst)
          INTO k_rate, k_burst FROM api_keys k WHERE k.id = p_key;
        k_rate := coalesce(k_rate, p_rate);
        k_burst := coalesce(k_burst, p_burst);
        -- The key's bucket, then the organization's: one order for every caller.
        INSERT INTO rate_limit_buckets AS b (subject, tokens, refilled_at) VALUES ('key:' || p_key, k_burst, now())
          ON CONFLICT (subject) DO UPDATE
          SET tokens = least(k_burst, b.tokens + extract(epoch FROM now() - b.refilled_at) * k_rate), refilled_at = now()
          RETURNING b.tokens INTO kt;
        INSERT INTO rate_limit_buckets AS b (subject, tokens, refilled_at) VALUES ('org:' || p_org, p_org_burst, now())
          ON CONFLICT (subject) DO UPDATE
          SET tokens = least(p_org_burst, b.tokens + extract(epoch FROM now() - b.refilled_at) * p_org_rate), refilled_at = now()
          RETURNING b.tokens INTO ot;
        g := greatest(0, least(p_want, floor(kt), floor(ot)))::int;
        IF g > 0 THEN
          UPDATE rate_limit_buckets SET tokens = tokens - g WHERE subject IN ('key:' || p_key, 'org:' || p_org);
        END IF;
        RETURN QUERY SELECT g, kt - g, k_rate, k_burst, ot - g;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION rate_limit_lease(text, uuid, float8, float8, float8, float8, int)`);
    await queryRunner.query(
      `ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_rate_limit", DROP COLUMN "rate_limit_per_second", DROP COLUMN "rate_limit_burst"`,
    );
    await queryRunner.query(`DROP TABLE "rate_limit_buckets"`);
  }
}
