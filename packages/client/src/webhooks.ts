import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export { WebhookVerificationError };

/** An event as delivered to a webhook endpoint (and listed by `GET /v1/events`). */
export interface WebhookEvent<T = Record<string, unknown>> {
  /** `evt_...`: the same on every attempt and redelivery; deduplicate on it. */
  id: string;
  /** `wallet.created`, `wallet_transaction.confirmed`, `webhook.test`, ... */
  type: string;
  created_at: string;
  data: T;
}

/** Request headers as Node.js (`IncomingMessage.headers`), fetch (`Headers`) or a plain object give them. */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

function plainHeaders(headers: HeadersLike): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: Iterable<[string, string | string[] | undefined]> =
    typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function'
      ? (headers as Headers).entries()
      : Object.entries(headers as Record<string, string | string[] | undefined>);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    // A repeated header would be ambiguous: keep none of it, so that verification fails rather than guesses.
    if (Array.isArray(value)) continue;
    out[name.toLowerCase()] = value;
  }
  return out;
}

/**
 * Verifies webhook deliveries (Standard Webhooks v1: `webhook-id`, `webhook-timestamp`, `webhook-signature`).
 * Give it the endpoint's `whsec_...` secret; during a rotation give both, new and previous: a delivery signed with
 * either is accepted. Deliveries whose timestamp is more than 5 minutes off are refused too (replays).
 */
export class WebhookVerifier {
  private readonly webhooks: Webhook[];

  constructor(secrets: string | readonly string[]) {
    const list = typeof secrets === 'string' ? [secrets] : [...secrets];
    if (!list.length) throw new Error('WebhookVerifier needs at least one secret');
    this.webhooks = list.map((secret) => new Webhook(secret));
  }

  /**
   * Returns the event when the body and headers carry a valid signature; throws `WebhookVerificationError`
   * otherwise. Pass the raw body exactly as received (a re-serialized JSON object does not verify).
   */
  verify<T = Record<string, unknown>>(body: string | Uint8Array, headers: HeadersLike): WebhookEvent<T> {
    const payload = typeof body === 'string' ? body : new TextDecoder().decode(body);
    const plain = plainHeaders(headers);
    let failure: unknown;
    for (const webhook of this.webhooks) {
      try {
        return webhook.verify(payload, plain) as WebhookEvent<T>;
      } catch (e) {
        failure = e;
      }
    }
    throw failure instanceof WebhookVerificationError ? failure : new WebhookVerificationError(String(failure));
  }
}
