import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';
import { ErrorEnvelopeDto, PageQueryDto, SecretReply } from '@app/common';
import {
  CreateWebhookEndpointDto,
  DeletedEndpointDto,
  EventFeedDto,
  EventsQueryDto,
  ListDeliveriesQueryDto,
  RecoverDto,
  RecoverResultDto,
  RotatedSecretDto,
  RotateSecretDto,
  TestEventResultDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook.dto';
import { WebhookEndpointsService } from './webhook-endpoints.service';

@ApiTags('Webhooks')
@Controller()
export class WebhooksController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  /**
   * Registers a receiver. Requests are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature`) with the `whsec_` secret returned here once (a retry with the same Idempotency-Key returns it
   * again; it is stored only sealed). The URL must resolve to public addresses only (checked now and at every
   * connection); https outside devnet. Subscribing to wallet events (`wallet.*`, `wallet_transaction.*`, or every type
   * when `events` is empty) also needs the `read:wallets` scope.
   */
  @Post('webhook-endpoints')
  @Authenticated({ scope: 'write:webhooks' })
  @SecretReply('secret')
  @ApiOperation({ summary: 'Create a webhook endpoint' })
  @ApiUnprocessableEntityResponse({
    description: '`invalid_url` (scheme, credentials, or a non-public address: `details.reason`)',
    type: ErrorEnvelopeDto,
  })
  createWebhookEndpoint(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.create(principal, dto);
  }

  /**
   * Your organization's webhook endpoints with their event types and whether each is enabled; secrets are never
   * shown again.
   */
  @Get('webhook-endpoints')
  @Authenticated({ scope: 'read:webhooks' })
  @ApiOperation({ summary: 'List webhook endpoints' })
  listWebhookEndpoints(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQueryDto,
  ): Promise<WebhookEndpointListDto> {
    return this.endpoints.list(principal, query);
  }

  /**
   * One webhook endpoint by its id: URL, event types, `enabled` and why it was disabled, if it was; never its
   * secret.
   */
  @Get('webhook-endpoints/:endpointId')
  @Authenticated({ scope: 'read:webhooks' })
  @ApiOperation({ summary: 'Get a webhook endpoint' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  getWebhookEndpoint(
    @CurrentPrincipal() principal: Principal,
    @Param('endpointId') id: string,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.get(principal, id);
  }

  /**
   * Changes the URL, the event types or the description; `enabled: true` re-enables a disabled endpoint. Changing an
   * endpoint that receives wallet events (after the change) needs the `read:wallets` scope too.
   */
  @Patch('webhook-endpoints/:endpointId')
  @Authenticated({ scope: 'write:webhooks' })
  @ApiOperation({ summary: 'Update a webhook endpoint' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  updateWebhookEndpoint(
    @CurrentPrincipal() principal: Principal,
    @Param('endpointId') id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(principal, id, dto);
  }

  /** Deletes the endpoint; its pending deliveries are cancelled, its delivery log is kept. */
  @Delete('webhook-endpoints/:endpointId')
  @HttpCode(200)
  @Authenticated({ scope: 'write:webhooks' })
  @ApiOperation({ summary: 'Delete a webhook endpoint' })
  deleteWebhookEndpoint(
    @CurrentPrincipal() principal: Principal,
    @Param('endpointId') id: string,
  ): Promise<DeletedEndpointDto> {
    return this.endpoints.remove(principal, id);
  }

  /**
   * A new secret, returned once (a retry with the same Idempotency-Key returns it again). The previous one keeps
   * signing during the overlap: both signatures are sent.
   */
  @Post('webhook-endpoints/:endpointId/rotate-secret')
  @Authenticated({ scope: 'write:webhooks' })
  @SecretReply('secret')
  @ApiOperation({ summary: 'Rotate the signing secret' })
  rotateWebhookSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('endpointId') id: string,
    @Body() dto: RotateSecretDto,
  ): Promise<RotatedSecretDto> {
    return this.endpoints.rotateSecret(principal, id, dto.overlap_hours);
  }

  /** Sends a `webhook.test` event to this endpoint only. */
  @Post('webhook-endpoints/:endpointId/test')
  @Authenticated({ scope: 'write:webhooks' })
  @ApiOperation({ summary: 'Send a test event' })
  @ApiConflictResponse({ description: '`conflict`: the endpoint is disabled', type: ErrorEnvelopeDto })
  testWebhookEndpoint(
    @CurrentPrincipal() principal: Principal,
    @Param('endpointId') id: string,
  ): Promise<TestEventResultDto> {
    return this.endpoints.sendTest(principal, id);
  }

  /** Re-sends every event whose delivery to this endpoint failed since `since`. */
  @Post('webhook-endpoints/:endpointId/recover')
  @HttpCode(200)
  @Authenticated({ scope: 'write:webhooks' })
  @ApiOperation({ summary: 'Recover failed deliveries' })
  recoverWebhookDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('endpointId') id: string,
    @Body() dto: RecoverDto,
  ): Promise<RecoverResultDto> {
    return this.endpoints.recover(principal, id, new Date(dto.since));
  }

  /** The delivery log of an endpoint, newest first; `?status=failed` for the failures. */
  @Get('webhook-endpoints/:endpointId/deliveries')
  @Authenticated({ scope: 'read:webhooks' })
  @ApiOperation({ summary: 'List deliveries' })
  listWebhookDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('endpointId') id: string,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<WebhookDeliveryListDto> {
    return this.endpoints.deliveries(principal, id, query);
  }

  /**
   * One delivery with every attempt: status, duration, error class, the first 4 KiB of the response, the next attempt.
   */
  @Get('webhook-deliveries/:deliveryId')
  @Authenticated({ scope: 'read:webhooks' })
  @ApiOperation({ summary: 'Get a delivery and its attempts' })
  getWebhookDelivery(
    @CurrentPrincipal() principal: Principal,
    @Param('deliveryId') id: string,
  ): Promise<WebhookDeliveryDto> {
    return this.endpoints.delivery(principal, id);
  }

  /** Sends the delivery's event again (same `webhook-id`) as a new delivery. */
  @Post('webhook-deliveries/:deliveryId/redeliver')
  @Authenticated({ scope: 'write:webhooks' })
  @ApiOperation({ summary: 'Redeliver' })
  redeliverWebhook(
    @CurrentPrincipal() principal: Principal,
    @Param('deliveryId') id: string,
  ): Promise<WebhookDeliveryDto> {
    return this.endpoints.redeliver(principal, id);
  }

  /**
   * The event feed, to pull instead of (or besides) receiving webhooks: events after `after`, oldest first. Wallet
   * events need the `read:wallets` scope too: without it the feed holds only the webhook notices
   * (`webhook.test`, `webhook_endpoint.disabled`), and `type` set to a wallet event answers 403.
   */
  @Get('events')
  @Authenticated({ scope: 'read:webhooks' })
  @ApiOperation({ summary: 'List events' })
  listEvents(@CurrentPrincipal() principal: Principal, @Query() query: EventsQueryDto): Promise<EventFeedDto> {
    return this.endpoints.feed(principal, query);
  }
}
