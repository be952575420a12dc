import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Event } from '../entities/event.entity';

/** Reads of the events outbox (it is written by `EventsService`, in the transaction of the change it describes). */
@Injectable()
export class EventsRepository {
  constructor(@InjectRepository(Event) private readonly repo: Repository<Event>) {}

  findByOrgAndId(organizationId: string, id: string): Promise<Event | null> {
    return this.repo.manager.findOneBy(Event, { organizationId, id });
  }

  /**
   * The organization's events after `afterSeq` (from the start without it), oldest first, at most `limit`; of the type
   * `type`, and of the types `types` only (those the caller's key may read).
   */
  listFeed(
    organizationId: string,
    filters: { afterSeq?: string; type?: string; types?: readonly string[] },
    limit: number,
  ): Promise<Event[]> {
    const qb = this.repo.manager
      .createQueryBuilder(Event, 'e')
      .where('e.organization_id = :org', { org: organizationId });
    if (filters.afterSeq !== undefined) qb.andWhere('e.seq > :seq', { seq: filters.afterSeq });
    if (filters.type) qb.andWhere('e.type = :type', { type: filters.type });
    if (filters.types) qb.andWhere('e.type IN (:...types)', { types: filters.types });
    return qb.orderBy('e.seq', 'ASC').limit(limit).getMany();
  }

  /** The type of each of the organization's events among `ids` (one query), keyed by event id. */
  async typesByIds(organizationId: string, ids: string[]): Promise<Map<string, string>> {
    const types = new Map<string, string>();
    if (!ids.length) return types;
    const events = await this.repo.manager
      .createQueryBuilder(Event, 'e')
      .select(['e.id', 'e.type'])
      .where('e.organization_id = :org AND e.id IN (:...ids)', { org: organizationId, ids: [...new Set(ids)] })
      .getMany();
    for (const e of events) types.set(e.id, e.type);
    return types;
  }

  /** Across organizations (the webhook delivery job): the events of a claimed batch of deliveries. */
  findByIds(ids: string[]): Promise<Event[]> {
    return this.repo.manager.findBy(Event, { id: In(ids) });
  }
}
