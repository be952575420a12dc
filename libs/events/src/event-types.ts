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

/** Events about wallets and their transactions: whoever reads or receives them needs the `read:wallets` scope. */
export function isWalletEvent(type: string): boolean {
  return type.startsWith('wallet.') || type.startsWith('wallet_transaction.');
}

/** The notices of the webhooks feature: what a key without `read:wallets` may read and subscribe to. */
export const NOTICE_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter((t) => !isWalletEvent(t));

export interface EventEnvelope {
  id: string;
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}
