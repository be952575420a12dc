import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { PageQueryDto, paginate } from '@app/common';
import { WebhookEndpoint } from '../entities/webhook-endpoint.entity';
import { isUuid } from './tenant-scope';

/** Partners' webhook receivers. Deleted endpoints are kept (their deliveries refer to them), marked `deleted_at`. */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectRepository(WebhookEndpoint) private readonly repo: Repository<WebhookEndpoint>) {}

  async insert(
    organizationId: string,
    fields: Pick<
      WebhookEndpoint,
      | 'id'
      | 'url'
      | 'description'
      | 'events'
      | 'enabled'
      | 'disabledReason'
      | 'secretCiphertext'
      | 'previousSecretCiphertext'
      | 'previousSecretExpiresAt'
      | 'deletedAt'
    >,
  ): Promise<void> {
    await this.repo.manager.insert(
      WebhookEndpoint,
      Object.assign(new WebhookEndpoint(), { ...fields, organizationId }),
    );
  }

  /** The organization's endpoint, or null; a deleted one only with `includeDeleted`. */
  async findByOrgAndId(organizationId: string, id: string, includeDeleted = false): Promise<WebhookEndpoint | null> {
    if (!isUuid(id)) return null;
    return this.repo.manager.findOneBy(WebhookEndpoint, {
      organizationId,
      id,
      ...(includeDeleted ? {} : { deletedAt: IsNull() }),
    });
  }

  /** One page of the organization's endpoints that are not deleted, newest first (the keyset cursor of `paginate`). */
  listPage(
    organizationId: string,
    page: PageQueryDto,
  ): Promise<{ rows: WebhookEndpoint[]; nextCursor: string | null }> {
    const qb = this.repo.manager
      .createQueryBuilder(WebhookEndpoint, 'e')
      .where('e.organization_id = :org AND e.deleted_at IS NULL', { org: organizationId });
    return paginate(qb, page);
  }

  /**
   * Stores the changed fields of an endpoint read through this class (ORM save: it refreshes `updatedAt` on the
   * object).
   */
  async saveChanges(organizationId: string, endpoint: WebhookEndpoint): Promise<WebhookEndpoint> {
    if (endpoint.organizationId !== organizationId)
      throw new Error('saveChanges: the endpoint belongs to another organization');
    return this.repo.manager.save(endpoint);
  }

  /** Marks the endpoint deleted (and disabled). */
  async markDeleted(organizationId: string, id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.repo.manager).update(
      WebhookEndpoint,
      { organizationId, id },
      { deletedAt: new Date(), enabled: false },
    );
  }

  /** Across organizations (the delivery job): the endpoints of a claimed batch of deliveries. */
  findByIds(ids: string[]): Promise<WebhookEndpoint[]> {
    return this.repo.manager.findBy(WebhookEndpoint, { id: In(ids) });
  }

  /**
   * Counts one more failed delivery in a row; returns when the streak began (undefined if there is no such endpoint).
   */
  async countFailure(organizationId: string, id: string, manager?: EntityManager): Promise<Date | undefined> {
    const [row] = await (manager ?? this.repo.manager).query<Array<{ failing_since: Date }>>(
      `WITH u AS (UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, now())
       WHERE id = $1 AND organization_id = $2 RETURNING failing_since) SELECT * FROM u`,
      [id, organizationId],
    );
    return row?.failing_since;
  }

  /** Disables the endpoint with a reason; false when it was disabled already (nothing changed). */
  async markDisabled(organizationId: string, id: string, reason: string, manager?: EntityManager): Promise<boolean> {
    const updated = await (manager ?? this.repo.manager).query<unknown[]>(
      `WITH u AS (UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, updated_at = now() WHERE id = $1 AND organization_id = $3 AND enabled RETURNING id) SELECT * FROM u`,
      [id, reason, organizationId],
    );
    return updated.length > 0;
  }
}
