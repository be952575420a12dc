import { MigrationInterface, QueryRunner } from 'typeorm';

/** `outbox_record` as `Posting1764700000000` defines it, but for `subscribed`: which endpoints get an event. */
function outboxRecord(subscribed: string): string {
  return `
CREATE OR REPLACE FUNCTION outbox_record(p_org uuid, p_events jsonb, p_only_endpoint uuid DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Events [{id, type, data, body, created_at}] in order, and one delivery per enabled endpoint of the organization
  -- that subscribes to the event's type (or to everything); with p_only_endpoint, to that endpoint alone.
  WITH ev AS (
    INSERT INTO events (id, organization_id, type, data, body, created_at)
    SELECT e->>'id', p_org, e->>'type', e->'data', e->>'body', (e->>'created_at')::timestamptz
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, n) ORDER BY n
    RETURNING id, type)
  INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_id, status, next_attempt_at)
  SELECT gen_random_uuid(), p_org, w.id, ev.id, 'pending', now()
    FROM webhook_endpoints w JOIN ev ON ${subscribed}
   WHERE w.organization_id = p_org AND w.enabled AND w.deleted_at IS NULL AND (p_only_endpoint IS NULL OR w.id = p_only_endpoint);
END $$`;
}

/**
 * An event for one endpoint (`p_only_endpoint`: the test event of `POST /v1/webhook-endpoints/{id}/test`) is
 * delivered to it whatever its `events` filter says: the caller asked for that endpoint by name. Before, an endpoint
 * whose filter left out `webhook.test` got no delivery and the request failed.
 */
export class TestEvents1765000000000 implements MigrationInterface {
  name = 'TestEvents1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      outboxRecord('p_only_endpoint IS NOT NULL OR cardinality(w.events) = 0 OR ev.type = ANY(w.events)'),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(outboxRecord('cardinality(w.events) = 0 OR ev.type = ANY(w.events)'));
  }
}
