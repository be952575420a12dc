import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { CryptoService, JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import { Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '@app/db';
import { EventsService } from '@app/events';
import { SendResult, WebhookSender } from './sender';
import { webhookSignature } from './signing';
import { SECRET_PURPOSE, secretAad } from './webhook-endpoints.service';

export const DELIVERY_JOB = 'webhook-delivery';
const BATCH = 100;
/** Statuses whose Retry-After we honour. */
const BACK_OFF = new Set([429, 502, 503, 504]);

interface Claimed {
  id: string;
  organization_id: string;
  endpoint_id: string;
  event_id: string;
  attempts: number;
}

/**
 * Delivers the outbox per specs/webhooks.md. Each pass claims due deliveries with FOR UPDATE SKIP LOCKED and a lease
 * (so replicas share the queue and a crashed worker's deliveries come back when the lease runs out), then makes the
 * HTTP calls outside any database transaction, then records each attempt. At-least-once, same webhook-id and body
 * bytes on every attempt.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly sender: WebhookSender;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly crypto: CryptoService,
    private readonly events: EventsService,
    private readonly jobs: JobScheduler,
    private readonly config: AppConfig,
  ) {
    this.sender = new WebhookSender({ requireHttps: config.webhookRequireHttps, allowLoopback: config.webhookAllowLoopback }, config.webhookTimeoutMs);
  }

  onModuleInit(): void {
    this.jobs.every(DELIVERY_JOB, this.config.jobsPollIntervalMs, () => this.drain());
  }

  onApplicationShutdown(): void {
    this.sender.close();
  }

  /** Delivers everything due, batch after batch. Returns the number of attempts made. */
  async drain(): Promise<number> {
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const n = await this.runBatch();
      total += n;
      if (n < BATCH) break;
    }
    return total;
  }

  private async runBatch(): Promise<number> {
    // The lease covers the request timeout with room to record the result.
    const leaseSeconds = Math.ceil(this.config.webhookTimeoutMs / 1000) * 2 + 5;
    const claimed = await this.db.query<Claimed[]>(
      `WITH due AS (
         SELECT id FROM webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE webhook_deliveries d SET lease_until = now() + make_interval(secs => $2), attempts = d.attempts + 1, updated_at = now()
         FROM due WHERE d.id = due.id
         RETURNING d.id, d.organization_id, d.endpoint_id, d.event_id, d.attempts
       ) SELECT * FROM claimed`,
      [BATCH, leaseSeconds],
    );
    if (claimed.length === 0) return 0;
    const [endpoints, events] = await Promise.all([
      this.db.manager.findBy(WebhookEndpoint, { id: In([...new Set(claimed.map((c) => c.endpoint_id))]) }),
      this.db.manager.findBy(Event, { id: In([...new Set(claimed.map((c) => c.event_id))]) }),
    ]);
    const endpointById = new Map(endpoints.map((e) => [e.id, e]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const c = claimed[next++];
        await this.attempt(c, endpointById.get(c.endpoint_id)!, eventById.get(c.event_id)!).catch((e: unknown) =>
          this.logger.error({ err: e, delivery: c.id }, 'recording a webhook attempt failed; the lease will expire and it is retried'),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.webhookConcurrency, claimed.length) }, worker));
    return claimed.length;
  }

  private async attempt(c: Claimed, endpoint: WebhookEndpoint, event: Event): Promise<void> {
    if (!endpoint.enabled || endpoint.deletedAt) {
      await this.db.manager.update(WebhookDelivery, { id: c.id }, { status: 'cancelled', leaseUntil: null, completedAt: new Date() });
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const started = new Date();
    const result = await this.sender.send(endpoint.url, event.body, {
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': this.signatures(endpoint, event, timestamp),
    });
    if (result.errorClass === null) await this.recordSuccess(c, endpoint, started, result);
    else await this.db.transaction((m) => this.recordFailure(m, c, endpoint, started, result));
  }

  /**
   * The common case in one statement (atomic on its own): the attempt, the delivery, and the endpoint's failure
   * count reset only when there is one to reset, so that a healthy endpoint's row is not locked by every delivery.
   */
  private async recordSuccess(c: Claimed, endpoint: WebhookEndpoint, started: Date, r: SendResult): Promise<void> {
    await this.db.query(
      `WITH attempt AS (
         INSERT INTO webhook_attempts (delivery_id, attempt_no, started_at, duration_ms, status_code, response_body)
         VALUES ($1, $2, $3, $4, $5, $6)
       ), delivery AS (
         UPDATE webhook_deliveries SET status = 'succeeded', lease_until = NULL, last_status_code = $5, last_error = NULL,
           completed_at = now(), updated_at = now()
         WHERE id = $1
       ), endpoint AS (
         UPDATE webhook_endpoints SET consecutive_failures = 0, failing_since = NULL
         WHERE id = $7 AND (consecutive_failures <> 0 OR failing_since IS NOT NULL)
       ) SELECT 1`,
      [c.id, c.attempts, started, r.durationMs, r.statusCode, r.responseBody, endpoint.id],
    );
  }

  /** The current secret's signature, and during a rotation's overlap the previous one's too (space separated). */
  private signatures(endpoint: WebhookEndpoint, event: Event, timestamp: number): string {
    const box = this.crypto.box(SECRET_PURPOSE);
    const secrets = [box.open(endpoint.secretCiphertext, secretAad(endpoint.id)).toString('utf8')];
    if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()) {
      secrets.push(box.open(endpoint.previousSecretCiphertext, secretAad(endpoint.id, true)).toString('utf8'));
    }
    return secrets.map((s) => webhookSignature(s, event.id, timestamp, event.body)).join(' ');
  }

  /** A failed attempt: the next one scheduled (or the delivery failed), the endpoint's failure streak counted. */
  private async recordFailure(m: EntityManager, c: Claimed, endpoint: WebhookEndpoint, started: Date, r: SendResult): Promise<void> {
    const gone = r.statusCode === 410;
    const schedule = this.config.webhookRetryScheduleSeconds;
    let nextAttemptAt: Date | null = null;
    if (!gone && c.attempts <= schedule.length) {
      // Exponential schedule with +-10% jitter; a back-off status's Retry-After wins when it asks for longer.
      const base = schedule[c.attempts - 1] * 1000;
      let delay = Math.round(base * (0.9 + randomInt(0, 201) / 1000));
      if (r.statusCode !== null && BACK_OFF.has(r.statusCode) && r.retryAfterSeconds !== null) delay = Math.max(delay, Math.min(r.retryAfterSeconds, 86_400) * 1000);
      nextAttemptAt = new Date(Date.now() + delay);
    }
    await m.insert(WebhookAttempt, {
      deliveryId: c.id,
      attemptNo: c.attempts,
      startedAt: started,
      durationMs: r.durationMs,
      statusCode: r.statusCode,
      errorClass: r.errorClass,
      errorMessage: r.errorMessage,
      responseBody: r.responseBody,
      nextAttemptAt,
    });
    await m.update(
      WebhookDelivery,
      { id: c.id },
      {
        status: nextAttemptAt ? 'pending' : 'failed',
        nextAttemptAt: nextAttemptAt ?? undefined,
        leaseUntil: null,
        lastStatusCode: r.statusCode,
        lastError: r.errorClass,
        completedAt: nextAttemptAt ? null : new Date(),
      },
    );
    if (gone) {
      await this.disable(m, endpoint, 'gone');
      return;
    }
    // An endpoint failing everything for long is disabled; one success (recordSuccess) resets the count.
    const [row] = await m.query<Array<{ failing_since: Date }>>(
      `WITH u AS (UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, now())
       WHERE id = $1 RETURNING failing_since) SELECT * FROM u`,
      [endpoint.id],
    );
    if (row && row.failing_since.getTime() < Date.now() - this.config.webhookDisableAfterHours * 3600_000) await this.disable(m, endpoint, 'failing');
  }

  /** Disables an endpoint, cancels what it still had pending, and tells the owner on the event feed. */
  private async disable(m: EntityManager, endpoint: WebhookEndpoint, reason: 'gone' | 'failing'): Promise<void> {
    const updated = await m.query<unknown[]>(
      `WITH u AS (UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, updated_at = now() WHERE id = $1 AND enabled RETURNING id) SELECT * FROM u`,
      [endpoint.id, reason],
    );
    if (updated.length === 0) return; // already disabled
    await m.update(WebhookDelivery, { endpointId: endpoint.id, status: 'pending' }, { status: 'cancelled', completedAt: new Date(), leaseUntil: null });
    this.logger.warn(`webhook endpoint ${endpoint.id} disabled (${reason})`);
    await this.events.record(m, endpoint.organizationId, 'webhook_endpoint.disabled', { webhook_endpoint_id: endpoint.id, url: endpoint.url, reason });
  }
}
