import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CryptoService, JobScheduler, Metrics } from '@app/common';
import { AppConfig } from '@app/config';
import {
  ClaimedDelivery,
  Event,
  EventsRepository,
  Transactions,
  WebhookDeliveriesRepository,
  WebhookEndpoint,
  WebhookEndpointsRepository,
} from '@app/db';
import { EventsService } from '@app/events';
import { SendResult, WebhookSender } from './sender';
import { webhookSignature } from './signing';
import { SECRET_PURPOSE, secretAad } from './webhook-endpoints.service';

export const DELIVERY_JOB = 'webhook-delivery';
const BATCH = 100;
/** Statuses whose Retry-After we honour. */
const BACK_OFF = new Set([429, 502, 503, 504]);

/**
 * Delivers the outbox (docs/webhooks.md). Each pass claims due deliveries with FOR UPDATE SKIP LOCKED and a lease
 * (so replicas share the queue and a crashed worker's deliveries come back when the lease runs out), then makes the
 * HTTP calls outside any database transaction, then records each attempt. At-least-once, same webhook-id and body
 * bytes on every attempt.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly sender: WebhookSender;

  constructor(
    private readonly transactions: Transactions,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly eventLog: EventsRepository,
    private readonly crypto: CryptoService,
    private readonly events: EventsService,
    private readonly jobs: JobScheduler,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    this.sender = new WebhookSender(
      { requireHttps: config.webhookRequireHttps, allowLoopback: config.webhookAllowLoopback },
      config.webhookTimeoutMs,
    );
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
    const claimed = await this.deliveries.claimDue(BATCH, leaseSeconds);
    if (claimed.length === 0) return 0;
    const [endpoints, events] = await Promise.all([
      this.endpoints.findByIds([...new Set(claimed.map((c) => c.endpoint_id))]),
      this.eventLog.findByIds([...new Set(claimed.map((c) => c.event_id))]),
    ]);
    const endpointById = new Map(endpoints.map((e) => [e.id, e]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const c = claimed[next++];
        await this.attempt(c, endpointById.get(c.endpoint_id)!, eventById.get(c.event_id)!).catch((e: unknown) =>
          this.logger.error(
            { err: e, delivery: c.id },
            'recording a webhook attempt failed; the lease will expire and it is retried',
          ),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.webhookConcurrency, claimed.length) }, worker));
    return claimed.length;
  }

  private async attempt(c: ClaimedDelivery, endpoint: WebhookEndpoint, event: Event): Promise<void> {
    if (!endpoint.enabled || endpoint.deletedAt) {
      await this.deliveries.markCancelled(c.organization_id, c.id);
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const started = new Date();
    const result = await this.sender.send(endpoint.url, event.body, {
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': this.signatures(endpoint, event, timestamp),
    });
    this.metrics.webhookAttempts.inc({ outcome: result.errorClass ?? 'success' });
    if (result.errorClass === null) await this.recordSuccess(c, endpoint, started, result);
    else await this.transactions.run((m) => this.recordFailure(m, c, endpoint, started, result));
  }

  /** The common case, in one statement (see `WebhookDeliveriesRepository.recordSuccess`). */
  private async recordSuccess(
    c: ClaimedDelivery,
    endpoint: WebhookEndpoint,
    started: Date,
    r: SendResult,
  ): Promise<void> {
    await this.deliveries.recordSuccess(c.organization_id, c.id, endpoint.id, {
      attemptNo: c.attempts,
      startedAt: started,
      durationMs: r.durationMs,
      statusCode: r.statusCode,
      responseBody: r.responseBody,
    });
  }

  /** The current secret's signature, and during a rotation's overlap the previous one's too (space separated). */
  private signatures(endpoint: WebhookEndpoint, event: Event, timestamp: number): string {
    const box = this.crypto.box(SECRET_PURPOSE);
    const secrets = [box.open(endpoint.secretCiphertext, secretAad(endpoint.id)).toString('utf8')];
    if (
      endpoint.previousSecretCiphertext &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > new Date()
    ) {
      secrets.push(box.open(endpoint.previousSecretCiphertext, secretAad(endpoint.id, true)).toString('utf8'));
    }
    return secrets.map((s) => webhookSignature(s, event.id, timestamp, event.body)).join(' ');
  }

  /** A failed attempt: the next one scheduled (or the delivery failed), the endpoint's failure streak counted. */
  private async recordFailure(
    m: EntityManager,
    c: ClaimedDelivery,
    endpoint: WebhookEndpoint,
    started: Date,
    r: SendResult,
  ): Promise<void> {
    const gone = r.statusCode === 410;
    const schedule = this.config.webhookRetryScheduleSeconds;
    let nextAttemptAt: Date | null = null;
    if (!gone && c.attempts <= schedule.length) {
      // Exponential schedule with +-10% jitter; a back-off status's Retry-After wins when it asks for longer.
      const base = schedule[c.attempts - 1] * 1000;
      let delay = Math.round(base * (0.9 + randomInt(0, 201) / 1000));
      if (r.statusCode !== null && BACK_OFF.has(r.statusCode) && r.retryAfterSeconds !== null)
        delay = Math.max(delay, Math.min(r.retryAfterSeconds, 86_400) * 1000);
      nextAttemptAt = new Date(Date.now() + delay);
    }
    await this.deliveries.recordFailure(
      c.organization_id,
      c.id,
      {
        attemptNo: c.attempts,
        startedAt: started,
        durationMs: r.durationMs,
        statusCode: r.statusCode,
        errorClass: r.errorClass,
        errorMessage: r.errorMessage,
        responseBody: r.responseBody,
        nextAttemptAt,
      },
      m,
    );
    if (gone) {
      await this.disable(m, endpoint, 'gone');
      return;
    }
    // An endpoint failing everything for long is disabled; one success (recordSuccess) resets the count.
    const failingSince = await this.endpoints.countFailure(endpoint.organizationId, endpoint.id, m);
    if (failingSince && failingSince.getTime() < Date.now() - this.config.webhookDisableAfterHours * 3600_000)
      await this.disable(m, endpoint, 'failing');
  }

  /** Disables an endpoint, cancels what it still had pending, and tells the owner on the event feed. */
  private async disable(m: EntityManager, endpoint: WebhookEndpoint, reason: 'gone' | 'failing'): Promise<void> {
    if (!(await this.endpoints.markDisabled(endpoint.organizationId, endpoint.id, reason, m))) return; // already disabled
    await this.deliveries.cancelPendingForEndpoint(endpoint.organizationId, endpoint.id, { releaseLeases: true }, m);
    this.logger.warn(`webhook endpoint ${endpoint.id} disabled (${reason})`);
    await this.events.record(m, endpoint.organizationId, 'webhook_endpoint.disabled', {
      webhook_endpoint_id: endpoint.id,
      url: endpoint.url,
      reason,
    });
  }
}
