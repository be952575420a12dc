import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Event } from '@app/db';
import { EventEnvelope, EventType } from './event-types';

export function newEventId(): string {
  return `evt_${randomBytes(16).toString('hex')}`;
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
    const id = newEventId();
    const createdAt = new Date();
    // Serialized once: every attempt of every delivery sends exactly these bytes.
    const body = JSON.stringify({ id, type, created_at: createdAt.toISOString(), data });
    const event = manager.create(Event, { id, organizationId, type, data, body, createdAt });
    await manager.insert(Event, event as QueryDeepPartialEntity<Event>);
    await manager.query(
      `INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_id, status, next_attempt_at)
       SELECT gen_random_uuid(), e.organization_id, e.id, $2, 'pending', now() FROM webhook_endpoints e
       WHERE e.organization_id = $1 AND e.enabled AND e.deleted_at IS NULL
         AND (cardinality(e.events) = 0 OR $3 = ANY(e.events)) AND ($4::uuid IS NULL OR e.id = $4::uuid)`,
      [organizationId, id, type, onlyEndpoint ?? null],
    );
    return event;
  }
}
