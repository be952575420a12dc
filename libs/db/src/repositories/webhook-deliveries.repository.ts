import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { PageQueryDto, paginate } from '@app/common';
import { AttemptErrorClass, WebhookAttempt } from '../entities/webhook-attempt.entity';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { isUuid } from './tenant-scope';

/** A delivery as `claimDue` hands it to a worker (`attempts` already counts the attempt about to be made). */
export interface ClaimedDelivery {
  id: string;
  organization_id: string;
  endpoint_id: string;
  event_id: string;
  attempts: number;
}

/** The outcome of one HTTP attempt, as the delivery log keeps it. */
export interface AttemptRecord {
  attemptNo: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseBody: string | null;
}

export interface FailedAttemptRecord extends AttemptRecord {
  errorClass: AttemptErrorClass | null;
  errorMessage: string | null;
  /** When to try again; null when the delivery has failed for good. */
  nextAttemptAt: Date | null;
}

/** The webhook outbox (one delivery per event and endpoint) with its log of attempts. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectRepository(WebhookDelivery) private readonly repo: Repository<WebhookDelivery>) {}

  async findByOrgAndId(organizationId: string, id: string): Promise<WebhookDelivery | null> {
    return isUuid(id) ? this.repo.manager.findOneBy(WebhookDelivery, { organizationId, id }) : null;
  }

  findByEventAndEndpointOrFail(
    organizationId: string,
    eventId: string,
    endpointId: string,
    manager?: EntityManager,
  ): Promise<WebhookDelivery> {
    return (manager ?? this.repo.manager).findOneByOrFail(WebhookDelivery, { organizationId, eventId, endpointId });
  }

  /** One page of an endpoint's deliveries, newest first (the keyset cursor of `paginate`). */
  listPageForEndpoint(
    organizationId: string,
    endpointId: string,
    status: string | undefined,
    page: PageQueryDto,
  ): Promise<{ rows: WebhookDelivery[]; nextCursor: string | null }> {
    const qb = this.repo.manager
      .createQueryBuilder(WebhookDelivery, 'd')
      .where('d.endpoint_id = :id AND d.organization_id = :org', { id: endpointId, org: organizationId });
    if (status) qb.andWhere('d.status = :status', { status });
    return paginate(qb, page);
  }

  /** A delivery's attempts, first first. */
  listAttempts(organizationId: string, deliveryId: string): Promise<WebhookAttempt[]> {
    return this.repo.manager
      .createQueryBuilder(WebhookAttempt, 'a')
      .innerJoin(WebhookDelivery, 'd', 'd.id = a.delivery_id AND d.organization_id = :org', { org: organizationId })
      .where('a.delivery_id = :deliveryId', { deliveryId })
      .orderBy('a.attempt_no', 'ASC')
      .getMany();
  }

  /** A new pending delivery of an event to an endpoint, due now. */
  async insert(organizationId: string, fields: Pick<WebhookDelivery, 'id' | 'endpointId' | 'eventId'>): Promise<void> {
    await this.repo.manager.insert(WebhookDelivery, {
      id: fields.id,
      organizationId,
      endpointId: fields.endpointId,
      eventId: fields.eventId,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
    });
  }

  /**
   * A new pending delivery for every event whose latest delivery to the endpoint failed since `since` (so each event
   * is re-sent once, however often this is called); returns how many.
   */
  async requeueFailedSince(organizationId: string, endpointId: string, since: Date): Promise<number> {
    const rows = await this.repo.manager.query<unknown[]>(
      `INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_id, status, next_attempt_at)
       SELECT gen_random_uuid(), d.organization_id, d.endpoint_id, d.event_id, 'pending', now() FROM webhook_deliveries d
       WHERE d.endpoint_id = $1 AND d.organization_id = $3 AND d.status = 'failed' AND d.created_at >= $2
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries n WHERE n.endpoint_id = d.endpoint_id AND n.event_id = d.event_id AND n.created_at > d.created_at)
       RETURNING 1`,
      [endpointId, since, organizationId],
    );
    return rows.length;
  }

  /** Cancels what the endpoint still has pending; `releaseLeases` also clears the workers' leases. */
  async cancelPendingForEndpoint(
    organizationId: string,
    endpointId: string,
    options: { releaseLeases: boolean },
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.repo.manager).update(
      WebhookDelivery,
      { organizationId, endpointId, status: 'pending' },
      { status: 'cancelled', completedAt: new Date(), ...(options.releaseLeases ? { leaseUntil: null } : {}) },
    );
  }

  /**
   * Across organizations (the delivery job): claims up to `limit` due deliveries with FOR UPDATE SKIP LOCKED and a
   * lease of `leaseSeconds` (so replicas share the queue and a crashed worker's deliveries come back when the lease
   * runs out), counting the attempt about to be made.
   */
  claimDue(limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    return this.repo.manager.query<ClaimedDelivery[]>(
      `WITH due AS (
         SELECT id FROM webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE webhook_deliveries d SET lease_until = now() + make_interval(secs => $2), attempts = d.attempts + 1, updated_at = now()
         FROM due WHERE d.id = due.id
         RETURNING d.id, d.organization_id, d.endpoint_id, d.event_id, d.attempts
       ) SELECT * FROM claimed`,
      [limit, leaseSeconds],
    );
  }

  /** A claimed delivery whose endpoint is gone or disabled: cancelled, lease released. */
  async markCancelled(organizationId: string, id: string): Promise<void> {
    await this.repo.manager.update(
      WebhookDelivery,
      { organizationId, id },
      { status: 'cancelled', leaseUntil: null, completedAt: new Date() },
    );
  }

  /**
   * The common case in one statement (atomic on its own): the attempt, the delivery, and the endpoint's failure
   * count reset only when there is one to reset, so that a healthy endpoint's row is not locked by every delivery.
   */
  async recordSuccess(
    organizationId: string,
    deliveryId: string,
    endpointId: string,
    attempt: AttemptRecord,
  ): Promise<void> {
    await this.repo.manager.query(
      `WITH attempt AS (
         INSERT INTO webhook_attempts (delivery_id, attempt_no, started_at, duration_ms, status_code, response_body)
         VALUES ($1, $2, $3, $4, $5, $6)
       ), delivery AS (
         UPDATE webhook_deliveries SET status = 'succeeded', lease_until = NULL, last_status_code = $5, last_error = NULL,
           completed_at = now(), updated_at = now()
         WHERE id = $1 AND organization_id = $8
       ), endpoint AS (
         UPDATE webhook_endpoints SET consecutive_failures = 0, failing_since = NULL
         WHERE id = $7 AND organization_id = $8 AND (consecutive_failures <> 0 OR failing_since IS NOT NULL)
       ) SELECT 1`,
      [
        deliveryId,
        attempt.attemptNo,
        attempt.startedAt,
        attempt.durationMs,
        attempt.statusCode,
        attempt.responseBody,
        endpointId,
        organizationId,
      ],
    );
  }

  /** A failed attempt: logged, and the delivery scheduled again at `nextAttemptAt` or, without one, failed. */
  async recordFailure(
    organizationId: string,
    deliveryId: string,
    attempt: FailedAttemptRecord,
    manager?: EntityManager,
  ): Promise<void> {
    const m = manager ?? this.repo.manager;
    const { nextAttemptAt } = attempt;
    await m.insert(WebhookAttempt, {
      deliveryId,
      attemptNo: attempt.attemptNo,
      startedAt: attempt.startedAt,
      durationMs: attempt.durationMs,
      statusCode: attempt.statusCode,
      errorClass: attempt.errorClass,
      errorMessage: attempt.errorMessage,
      responseBody: attempt.responseBody,
      nextAttemptAt,
    });
    await m.update(
      WebhookDelivery,
      { organizationId, id: deliveryId },
      {
        status: nextAttemptAt ? 'pending' : 'failed',
        nextAttemptAt: nextAttemptAt ?? undefined,
        leaseUntil: null,
        lastStatusCode: attempt.statusCode,
        lastError: attempt.errorClass,
        completedAt: nextAttemptAt ? null : new Date(),
      },
    );
  }
}
