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
  return { id: event.id, type: event.type, created_at: event.createdAt.toISOString(), data: event.data };
}

/**
 * Writes events into the outbox. Callers pass the EntityManager of the transaction that makes the change, so the
 * event exists if and only if the change committed.
 */
@Injectable()
export class EventsService {
  async record(manager: EntityManager, organizationId: string, type: EventType, data: Record<string, unknown>): Promise<Event> {
    const event = manager.create(Event, { id: newEventId(), organizationId, type, data });
    await manager.insert(Event, event as QueryDeepPartialEntity<Event>);
    return event;
  }
}
