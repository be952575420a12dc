/** The seven wallet webhook events, plus the operational notices of the webhooks feature. */
export const EVENT_TYPES = [
  'wallet.created',
  'wallet.incoming_transaction',
  'wallet.outgoing_transaction',
  'wallet_transaction.confirming',
  'wallet_transaction.confirmed',
  'wallet_transaction.failed',
  'wallet_transaction.quarantined',
  // Notices of the webhooks feature itself.
  'webhook_endpoint.disabled',
  'webhook.test',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventEnvelope {
  id: string;
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}
