import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Optional, PageQueryDto } from '@app/common';
import { EVENT_TYPES } from '@app/events';

export class CreateWebhookEndpointDto {
  /**
   * https URL of your receiver (on devnet, http://127.0.0.1:PORT works too).
   * @example "https://example.com/webhooks/wallets"
   */
  @IsString()
  @Length(1, 2048)
  url!: string;

  /**
   * Event types to receive; empty or absent: every type.
   * @example ["wallet.created", "wallet_transaction.confirmed"]
   */
  @Optional()
  @IsArray()
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true })
  events?: string[];

  /** @example "Production receiver" */
  @Optional()
  @IsString()
  @MaxLength(500)
  description?: string;

  /** @example true */
  @Optional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookEndpointDto {
  /** @example "https://example.com/webhooks/wallets" */
  @Optional()
  @IsString()
  @Length(1, 2048)
  url?: string;

  /** @example ["wallet.created"] */
  @Optional()
  @IsArray()
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true })
  events?: string[];

  /** @example "Production receiver" */
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(500)
  description?: string | null;

  /**
   * `true` re-enables an endpoint the service disabled (and resets its failure count).
   * @example true
   */
  @Optional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookEndpointDto {
  /** @example "0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c" */
  id!: string;
  /** @example "https://example.com/webhooks/wallets" */
  url!: string;
  /** @example "Production receiver" */
  description!: string | null;
  /** @example ["wallet.created"] */
  events!: string[];
  /** @example true */
  enabled!: boolean;
  /**
   * Why the service disabled it: `gone` (the receiver answered 410) or `failing` (every delivery failed for too long).
   * @example "failing"
   */
  disabled_reason!: string | null;
  /**
   * During a secret rotation, the previous secret also signs until then.
   * @example "2026-11-23T10:00:00.000Z"
   */
  previous_secret_expires_at!: string | null;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
  /** @example "2026-11-22T10:00:00.000Z" */
  updated_at!: string;
}

export class WebhookEndpointWithSecretDto extends WebhookEndpointDto {
  /**
   * The signing secret, shown only in this reply (and in its replays under the same Idempotency-Key). Verify with any
   * Standard Webhooks library.
   * @example "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
   */
  secret!: string;
}

export class WebhookEndpointListDto {
  data!: WebhookEndpointDto[];
  /** @example "eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9" */
  next_cursor!: string | null;
}

export class ListDeliveriesQueryDto extends PageQueryDto {
  /** @example "failed" */
  @Optional()
  @IsIn(['pending', 'succeeded', 'failed', 'cancelled'])
  status?: string;
}

export class WebhookAttemptDto {
  /** @example 1 */
  attempt!: number;
  /** @example "2026-11-22T10:00:00.000Z" */
  started_at!: string;
  /** @example 42 */
  duration_ms!: number;
  /** @example 503 */
  status_code!: number | null;
  /**
   * `timeout`, `dns`, `conn_refused`, `ssrf_blocked`, `non_2xx`, `network`; null on success.
   * @example "non_2xx"
   */
  error_class!: string | null;
  /** @example "connect ECONNREFUSED 203.0.113.10:443" */
  error_message!: string | null;
  /**
   * The first 4 KiB of the response.
   * @example "Service Unavailable"
   */
  response_body!: string | null;
  /** @example "2026-11-22T10:05:00.000Z" */
  next_attempt_at!: string | null;
}

export class WebhookDeliveryDto {
  /** @example "5b8f2f3e-1c2d-4e4f-8a9b-0c1d2e3f4a5b" */
  id!: string;
  /** @example "0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c" */
  endpoint_id!: string;
  /**
   * Also the `webhook-id` header: the same on every attempt and every redelivery.
   * @example "evt_3f9c2b7e8a1d4c6f0b5e9a2d11223344"
   */
  event_id!: string;
  /** @example "wallet.created" */
  event_type!: string;
  /** @example "pending" */
  status!: string;
  /** @example 2 */
  attempts!: number;
  /** @example "2026-11-22T10:05:00.000Z" */
  next_attempt_at!: string | null;
  /** @example 503 */
  last_status_code!: number | null;
  /** @example "non_2xx" */
  last_error!: string | null;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
  /** @example "2026-11-22T10:05:01.000Z" */
  completed_at!: string | null;
  /** With GET /v1/webhook-deliveries/{id}: every attempt. */
  attempt_log?: WebhookAttemptDto[];
}

export class WebhookDeliveryListDto {
  data!: WebhookDeliveryDto[];
  /** @example "eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9" */
  next_cursor!: string | null;
}

export class RecoverDto {
  /**
   * Re-send every delivery of this endpoint that failed since then.
   * @example "2026-11-21T00:00:00Z"
   */
  @IsISO8601()
  since!: string;
}

export class RecoverResultDto {
  /** @example 12 */
  recovered!: number;
}

export class TestEventResultDto {
  /** @example "evt_3f9c2b7e8a1d4c6f0b5e9a2d11223344" */
  event_id!: string;
  /** @example "5b8f2f3e-1c2d-4e4f-8a9b-0c1d2e3f4a5b" */
  delivery_id!: string;
}

export class RotateSecretDto {
  /**
   * Hours the previous secret keeps signing (both signatures are sent meanwhile); default 24.
   * @example 24
   */
  @Optional()
  @IsInt()
  @Min(0)
  @Max(720)
  overlap_hours?: number;
}

export class RotatedSecretDto {
  /** @example "whsec_C2h1n5A0t1lP4b3Q9r8GKYqrTwjUPD8ILPZIo2La" */
  secret!: string;
  /** @example "2026-11-23T10:00:00.000Z" */
  previous_secret_expires_at!: string | null;
}

export class EventsQueryDto {
  /**
   * The last event id you processed: events after it, oldest first.
   * @example "evt_3f9c2b7e8a1d4c6f0b5e9a2d11223344"
   */
  @Optional()
  @IsString()
  @Length(1, 64)
  after?: string;

  /** @example "wallet_transaction.confirmed" */
  @Optional()
  @IsIn(EVENT_TYPES)
  type?: string;

  /** @example 100 */
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class EventDto {
  /** @example "evt_3f9c2b7e8a1d4c6f0b5e9a2d11223344" */
  id!: string;
  /** @example "wallet.created" */
  type!: string;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
  /** @example {"wallet_id":"3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b"} */
  data!: Record<string, unknown>;
}

export class EventFeedDto {
  /** Oldest first. */
  data!: EventDto[];
  /**
   * More events follow the last one: ask again with `after` set to its id.
   * @example false
   */
  has_more!: boolean;
}

export class DeletedEndpointDto {
  /** @example "0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c" */
  id!: string;
  /** @example true */
  deleted!: boolean;
}
