import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Event, OutboxEvent, OutboxRepository } from '@app/db';
import { EventEnvelope, EventType } from './event-types';

export function newEventId(): string {
  // 122 random bits from node's buffered UUID pool: one getrandom call per 128 ids, not one per id.
  return `evt_${randomUUID().replace(/-/g, '')}`;
}

export function toEnvelope(event: Event): EventEnvelope {
  return JSON.parse(event.body) as EventEnvelope;
}

/**
 * A new event as the outbox stores it. Its body is serialized once, here: every attempt of every delivery sends
 * exactly these bytes.
 */
export function outboxEvent(type: EventType, data: Record<string, unknown>, createdAt = new Date()): OutboxEvent {
  const id = newEventId();
  const created_at = createdAt.toISOString();
  return { id, type, data, body: JSON.stringify({ id, type, created_at, data }), created_at };
}

/**
 * Writes events into the outbox with their webhook deliveries. Callers pass the EntityManager of the transaction that
 * makes the change, so the event and its deliveries exist if and only if the change committed. (A ledger posting
 * carries its events itself: see `Posting.events`.)
 */
@Injectable()
export class EventsService {
  constructor(private readonly outbox: OutboxRepository) {}

  /**
   * Inserts the event and one delivery per enabled endpoint of the organization that subscribes to its type
   * (`onlyEndpoint`: to that endpoint alone, whatever its events filter, e.g. a test event).
   */
  async record(
    manager: EntityManager,
    organizationId: string,
    type: EventType,
    data: Record<string, unknown>,
    onlyEndpoint?: string,
  ): Promise<Event> {
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
    const createdAt = new Date();
    const events = items.map(({ type, data }) => outboxEvent(type, data, createdAt));
    await this.outbox.record(organizationId, events, onlyEndpoint ?? null, manager);
    return events.map((e) =>
      Object.assign(new Event(), { id: e.id, organizationId, type: e.type, data: e.data, body: e.body, createdAt }),
    );
  }
}
