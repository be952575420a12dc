import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { SqlParams } from '@app/common';
import { Event } from '@app/db';
import { EventEnvelope, EventType } from './event-types';

export function newEventId(): string {
  // 122 random bits from node's buffered UUID pool: one getrandom call per 128 ids, not one per id.
  return `evt_${randomUUID().replace(/-/g, '')}`;
}

export function toEnvelope(event: Event): EventEnvelope {
  return JSON.parse(event.body) as EventEnvelope;
}

/**
 * Writes events into the outbox with their webhook deliveries. Callers pass the EntityManager of the transaction that
 * makes the change, so the event and its deliveries exist if and only if the change committed.
 */
@Injectable()
export class EventsService {
  /**
   * Inserts the event and one delivery per enabled endpoint of the organization that subscribes to its type
   * (`onlyEndpoint`: to that endpoint alone, e.g. a test event).
   */
  async record(manager: EntityManager, organizationId: string, type: EventType, data: Record<string, unknown>, onlyEndpoint?: string): Promise<Event> {
    const [event] = await this.recordMany(manager, organizationId, [{ type, data }], onlyEndpoint);
    return event;
  }

  /** Several events of one organization, and all their deliveries, in one round trip. */
  async recordMany(
    manager: EntityManager,
    organizationId: string,
    items: Array<{ type: EventType; data: Record<string, unknown> }>,
    onlyEndpoint?: string,
  ): Promise<Event[]> {
    if (items.length === 0) return [];
    const sql = new SqlParams();
    const { ctes, events } = this.ctes(sql, organizationId, items, 'ev', onlyEndpoint);
    await manager.query(`WITH ${ctes.join(',\n')} SELECT 1`, sql.values);
    return events;
  }

  /**
   * The same writes as CTEs (`<prefix>_events`, `<prefix>_deliveries`) of a larger statement, which is then the
   * transaction they commit with; with `after`, only if that CTE returned a row.
   */
  ctes(
    sql: SqlParams,
    organizationId: string,
    items: Array<{ type: EventType; data: Record<string, unknown> }>,
    prefix: string,
    onlyEndpoint?: string,
    after?: string,
  ): { ctes: string[]; events: Event[] } {
    const createdAt = new Date();
    const events = items.map(({ type, data }) => {
      const id = newEventId();
      // Serialized once: every attempt of every delivery sends exactly these bytes. The rows go to the database as
      // one JSON document (no array literal to escape per string).
      const body = JSON.stringify({ id, type, created_at: createdAt.toISOString(), data });
      return Object.assign(new Event(), { id, organizationId, type, data, body, createdAt });
    });
    const org = sql.add(organizationId, 'uuid');
    const only = sql.add(onlyEndpoint ?? null, 'uuid');
    return {
      events,
      ctes: [
        `${prefix}_events AS (
           INSERT INTO events (id, organization_id, type, data, body, created_at)
           SELECT i, ${org}, t, d, b, ${sql.add(createdAt, 'timestamptz')}
           FROM json_to_recordset(${sql.add(JSON.stringify(events.map((e) => ({ i: e.id, t: e.type, d: e.data, b: e.body }))), 'json')}) AS x(i text, t text, d jsonb, b text)${after ? `
           WHERE EXISTS (SELECT 1 FROM ${after})` : ''}
           RETURNING id, type
         )`,
        `${prefix}_deliveries AS (
           INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_id, status, next_attempt_at)
           SELECT gen_random_uuid(), e.organization_id, e.id, ev.id, 'pending', now()
           FROM webhook_endpoints e JOIN ${prefix}_events ev ON cardinality(e.events) = 0 OR ev.type = ANY(e.events)
           WHERE e.organization_id = ${org} AND e.enabled AND e.deleted_at IS NULL AND (${only} IS NULL OR e.id = ${only})
         )`,
      ],
    };
  }
}
