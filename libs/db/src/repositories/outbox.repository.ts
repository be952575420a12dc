import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared';

/** An event as the outbox stores it: `body` is the exact bytes every webhook attempt sends. */
export interface OutboxEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  body: string;
  created_at: string;
}

/** The outbox's writes outside a ledger posting (a posting records its events itself, through the same function). */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records an organization's events, in order, with one webhook delivery per enabled endpoint subscribed to each
   * (`onlyEndpoint`: that endpoint alone, whatever its events filter): in the caller's transaction when `manager`
   * has one.
   */
  async record(
    organizationId: string,
    events: OutboxEvent[],
    onlyEndpoint: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    if (events.length === 0) return;
    await queryPrepared(manager ?? this.dataSource, 'SELECT outbox_record($1::uuid, $2::jsonb, $3::uuid)', [
      organizationId,
      JSON.stringify(events),
      onlyEndpoint,
    ]);
  }
}
