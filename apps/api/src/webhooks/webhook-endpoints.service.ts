import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@app/auth';
import { CryptoService, DomainError, ErrorCode, Page } from '@app/common';
import { AppConfig } from '@app/config';
import {
  EventsRepository,
  Transactions,
  WebhookDeliveriesRepository,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointsRepository,
} from '@app/db';
import { EVENT_TYPES, EventsService, isWalletEvent, NOTICE_EVENT_TYPES, toEnvelope } from '@app/events';
import {
  CreateWebhookEndpointDto,
  EventFeedDto,
  EventsQueryDto,
  ListDeliveriesQueryDto,
  RecoverResultDto,
  RotatedSecretDto,
  TestEventResultDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook.dto';
import { generateWebhookSecret } from './signing';
import { checkWebhookUrl, UrlPolicy, UrlRefused } from './url-policy';

export const SECRET_PURPOSE = 'webhook-secret';
export const secretAad = (endpointId: string, previous = false) =>
  `webhook_endpoint:${endpointId}${previous ? ':previous' : ''}`;

function lacksWalletScope(what: string): DomainError {
  return new DomainError(ErrorCode.Forbidden, `${what} needs the read:wallets scope`, {
    required_scope: 'read:wallets',
  });
}

/** Wallet events carry wallet data: an endpoint receiving them (no types: every type) needs `read:wallets`. */
function requireWalletScopeFor(principal: Principal, events: readonly string[]): void {
  const types = events.length ? events : EVENT_TYPES;
  if (types.some(isWalletEvent) && !principal.scopes.has('read:wallets'))
    throw lacksWalletScope('Receiving wallet events');
}

/** Webhook endpoints, their delivery log, redelivery and recovery, and the pullable event feed. */
@Injectable()
export class WebhookEndpointsService {
  readonly policy: UrlPolicy;

  constructor(
    private readonly transactions: Transactions,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveryLog: WebhookDeliveriesRepository,
    private readonly eventLog: EventsRepository,
    private readonly crypto: CryptoService,
    private readonly events: EventsService,
    private readonly config: AppConfig,
  ) {
    this.policy = { requireHttps: config.webhookRequireHttps, allowLoopback: config.webhookAllowLoopback };
  }

  async create(principal: Principal, dto: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretDto> {
    requireWalletScopeFor(principal, dto.events ?? []);
    const url = await this.checkUrl(dto.url);
    const id = randomUUID();
    const secret = generateWebhookSecret();
    await this.endpoints.insert(principal.organizationId, {
      id,
      url,
      description: dto.description ?? null,
      events: [...new Set(dto.events ?? [])],
      enabled: dto.enabled ?? true,
      disabledReason: null,
      secretCiphertext: this.crypto.box(SECRET_PURPOSE).seal(secret, secretAad(id)),
      previousSecretCiphertext: null,
      previousSecretExpiresAt: null,
      deletedAt: null,
    });
    return { ...this.view(await this.require(principal, id)), secret };
  }

  async list(principal: Principal, query: ListDeliveriesQueryDto): Promise<Page<WebhookEndpointDto>> {
    const { rows, nextCursor } = await this.endpoints.listPage(principal.organizationId, query);
    return { data: rows.map((e) => this.view(e)), next_cursor: nextCursor };
  }

  async get(principal: Principal, id: string): Promise<WebhookEndpointDto> {
    return this.view(await this.require(principal, id));
  }

  async update(principal: Principal, id: string, dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointDto> {
    const endpoint = await this.require(principal, id);
    // Any change to an endpoint that receives wallet events (once changed): its URL, above all, decides who gets them.
    requireWalletScopeFor(principal, dto.events ?? endpoint.events);
    if (dto.url !== undefined) endpoint.url = await this.checkUrl(dto.url);
    if (dto.events !== undefined) endpoint.events = [...new Set(dto.events)];
    if (dto.description !== undefined) endpoint.description = dto.description;
    if (dto.enabled !== undefined) {
      endpoint.enabled = dto.enabled;
      if (dto.enabled) Object.assign(endpoint, { disabledReason: null, consecutiveFailures: 0, failingSince: null });
    }
    await this.endpoints.saveChanges(principal.organizationId, endpoint);
    return this.view(endpoint);
  }

  async remove(principal: Principal, id: string): Promise<{ id: string; deleted: boolean }> {
    const endpoint = await this.require(principal, id);
    await this.transactions.run(async (m) => {
      await this.endpoints.markDeleted(principal.organizationId, endpoint.id, m);
      await this.deliveryLog.cancelPendingForEndpoint(
        principal.organizationId,
        endpoint.id,
        { releaseLeases: false },
        m,
      );
    });
    return { id: endpoint.id, deleted: true };
  }

  /** A new secret; the previous one keeps signing for the overlap (both signatures are sent meanwhile). */
  async rotateSecret(
    principal: Principal,
    id: string,
    overlapHours = this.config.webhookSecretOverlapHours,
  ): Promise<RotatedSecretDto> {
    const endpoint = await this.require(principal, id);
    const box = this.crypto.box(SECRET_PURPOSE);
    const current = box.open(endpoint.secretCiphertext, secretAad(endpoint.id)).toString('utf8');
    const secret = generateWebhookSecret();
    endpoint.secretCiphertext = box.seal(secret, secretAad(endpoint.id));
    endpoint.previousSecretCiphertext = overlapHours > 0 ? box.seal(current, secretAad(endpoint.id, true)) : null;
    endpoint.previousSecretExpiresAt = overlapHours > 0 ? new Date(Date.now() + overlapHours * 3600_000) : null;
    await this.endpoints.saveChanges(principal.organizationId, endpoint);
    return { secret, previous_secret_expires_at: endpoint.previousSecretExpiresAt?.toISOString() ?? null };
  }

  async sendTest(principal: Principal, id: string): Promise<TestEventResultDto> {
    const endpoint = await this.require(principal, id);
    if (!endpoint.enabled) throw new DomainError(ErrorCode.Conflict, 'The endpoint is disabled');
    return this.transactions.run(async (m) => {
      const event = await this.events.record(
        m,
        principal.organizationId,
        'webhook.test',
        { webhook_endpoint_id: endpoint.id, message: 'A test event' },
        endpoint.id,
      );
      const delivery = await this.deliveryLog.findByEventAndEndpointOrFail(
        principal.organizationId,
        event.id,
        endpoint.id,
        m,
      );
      return { event_id: event.id, delivery_id: delivery.id };
    });
  }

  async deliveries(
    principal: Principal,
    endpointId: string,
    query: ListDeliveriesQueryDto,
  ): Promise<Page<WebhookDeliveryDto>> {
    const endpoint = await this.require(principal, endpointId, true);
    const { rows, nextCursor } = await this.deliveryLog.listPageForEndpoint(
      principal.organizationId,
      endpoint.id,
      query.status,
      query,
    );
    return { data: await this.deliveryViews(principal.organizationId, rows), next_cursor: nextCursor };
  }

  async delivery(principal: Principal, id: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.requireDelivery(principal, id);
    const [view] = await this.deliveryViews(principal.organizationId, [delivery]);
    const attempts = await this.deliveryLog.listAttempts(principal.organizationId, delivery.id);
    view.attempt_log = attempts.map((a) => ({
      attempt: a.attemptNo,
      started_at: a.startedAt.toISOString(),
      duration_ms: a.durationMs,
      status_code: a.statusCode,
      error_class: a.errorClass,
      error_message: a.errorMessage,
      response_body: a.responseBody,
      next_attempt_at: a.nextAttemptAt?.toISOString() ?? null,
    }));
    return view;
  }

  /** Sends an event to the endpoint again (same webhook-id), as a new delivery with its own attempts. */
  async redeliver(principal: Principal, id: string): Promise<WebhookDeliveryDto> {
    const original = await this.requireDelivery(principal, id);
    const endpoint = await this.require(principal, original.endpointId);
    if (!endpoint.enabled) throw new DomainError(ErrorCode.Conflict, 'The endpoint is disabled; re-enable it first');
    const deliveryId = randomUUID();
    await this.deliveryLog.insert(original.organizationId, {
      id: deliveryId,
      endpointId: endpoint.id,
      eventId: original.eventId,
    });
    return this.delivery(principal, deliveryId);
  }

  /** Re-sends every event whose delivery to this endpoint failed since `since` (once each, however often called). */
  async recover(principal: Principal, id: string, since: Date): Promise<RecoverResultDto> {
    const endpoint = await this.require(principal, id);
    if (!endpoint.enabled) throw new DomainError(ErrorCode.Conflict, 'The endpoint is disabled; re-enable it first');
    return { recovered: await this.deliveryLog.requeueFailedSince(principal.organizationId, endpoint.id, since) };
  }

  /** The pullable feed: events after `after`, oldest first; wallet events only for a key with `read:wallets`. */
  async feed(principal: Principal, query: EventsQueryDto): Promise<EventFeedDto> {
    const limit = query.limit ?? 100;
    const readsWallets = principal.scopes.has('read:wallets');
    if (query.type && isWalletEvent(query.type) && !readsWallets) throw lacksWalletScope('Reading wallet events');
    let afterSeq: string | undefined;
    if (query.after) {
      const anchor = await this.eventLog.findByOrgAndId(principal.organizationId, query.after);
      if (!anchor)
        throw new DomainError(ErrorCode.InvalidRequest, 'after is not an event id of yours', { field: 'after' });
      afterSeq = anchor.seq;
    }
    const rows = await this.eventLog.listFeed(
      principal.organizationId,
      { afterSeq, type: query.type, types: readsWallets ? undefined : NOTICE_EVENT_TYPES },
      limit + 1,
    );
    return { data: rows.slice(0, limit).map(toEnvelope), has_more: rows.length > limit };
  }

  private async checkUrl(raw: string): Promise<string> {
    try {
      return (await checkWebhookUrl(raw, this.policy)).toString();
    } catch (e) {
      if (e instanceof UrlRefused)
        throw new DomainError(ErrorCode.InvalidUrl, `Webhook URL refused: ${e.message}`, {
          field: 'url',
          reason: e.reason,
        });
      throw e;
    }
  }

  private async require(principal: Principal, id: string, includeDeleted = false): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.findByOrgAndId(principal.organizationId, id, includeDeleted);
    if (!endpoint) throw DomainError.notFound('Webhook endpoint');
    return endpoint;
  }

  private async requireDelivery(principal: Principal, id: string): Promise<WebhookDelivery> {
    const delivery = await this.deliveryLog.findByOrgAndId(principal.organizationId, id);
    if (!delivery) throw DomainError.notFound('Webhook delivery');
    return delivery;
  }

  private async deliveryViews(organizationId: string, rows: WebhookDelivery[]): Promise<WebhookDeliveryDto[]> {
    const types = await this.eventLog.typesByIds(
      organizationId,
      rows.map((r) => r.eventId),
    );
    return rows.map((d) => ({
      id: d.id,
      endpoint_id: d.endpointId,
      event_id: d.eventId,
      event_type: types.get(d.eventId) ?? 'unknown',
      status: d.status,
      attempts: d.attempts,
      next_attempt_at: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      last_status_code: d.lastStatusCode,
      last_error: d.lastError,
      created_at: d.createdAt.toISOString(),
      completed_at: d.completedAt?.toISOString() ?? null,
    }));
  }

  view(e: WebhookEndpoint): WebhookEndpointDto {
    return {
      id: e.id,
      url: e.url,
      description: e.description,
      events: e.events,
      enabled: e.enabled,
      disabled_reason: e.disabledReason,
      previous_secret_expires_at:
        e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date()
          ? e.previousSecretExpiresAt.toISOString()
          : null,
      created_at: e.createdAt.toISOString(),
      updated_at: e.updatedAt.toISOString(),
    };
  }
}
