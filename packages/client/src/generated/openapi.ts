// Generated from openapi.json by `npm run openapi` (scripts/openapi.mjs): do not edit by hand.
export interface paths {
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness
     * @description The process is up.
     */
    get: operations['live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness
     * @description The process can serve traffic: PostgreSQL answers (503 otherwise). Each network's node is named in `checks` too;
     *     a node down makes the status `degraded`, not 503.
     */
    get: operations['ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/addresses/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Validate an address
     * @description Checks an address for a network, checksum included, and tells whether it is one of yours.
     */
    get: operations['validateAddress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue an access token
     * @description OAuth 2.0 client credentials: exchange an API key id and secret for a short-lived JWT. Send it as
     *     `Authorization: Bearer <access_token>`; writes made with it also need `X-CSRF-Token: <csrf_token>`.
     *     In the playground the returned token and CSRF token are filled into the Bearer and CsrfToken schemes.
     */
    post: operations['issueToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List events
     * @description The event feed, to pull instead of (or besides) receiving webhooks: events after `after`, oldest first. Wallet
     *     events need the `read:wallets` scope too: without it the feed holds only the webhook notices
     *     (`webhook.test`, `webhook_endpoint.disabled`), and `type` set to a wallet event answers 403.
     */
    get: operations['listEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/external-accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List external accounts
     * @description Your address book: every external account not deleted, usable as an `external_account` destination.
     */
    get: operations['listExternalAccounts'];
    put?: never;
    /**
     * Add an external account
     * @description Adds a validated address to the address book, usable as an `external_account` destination.
     */
    post: operations['createExternalAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/external-accounts/{externalAccountId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an external account
     * @description One address book entry by its id; a deleted entry is `not_found`.
     */
    get: operations['getExternalAccount'];
    put?: never;
    post?: never;
    /**
     * Delete an external account
     * @description Removes the entry from the address book: it can no longer be a destination, while transfers already made to it
     *     keep referring to it. The same address can be added again.
     */
    delete: operations['deleteExternalAccount'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/fees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Estimate network fees
     * @description Low, medium and high fee levels for a send of `asset` on `network`, from the node's fee history.
     */
    get: operations['getFees'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/master-wallets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List master wallets
     * @description Your organization's master wallets, one per chain and network, with `count` and each one's number of child
     *     addresses; `include_balances=true` inlines the on-chain balances of each master address.
     */
    get: operations['listMasterWallets'];
    put?: never;
    /**
     * Create (or get) the master wallet of a chain and network
     * @description One HD master wallet per (organization, chain, network): the parent of every child address on that chain.
     *     Idempotent: the first call creates it (201), retries return the same wallet (200). HMAC-signed requests only.
     */
    post: operations['createMasterWallet'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/master-wallets/{masterWalletId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a master wallet
     * @description One master wallet by its id (`wallet_not_found` for another organization's); `include_balances=true` inlines
     *     its on-chain balances.
     */
    get: operations['getMasterWallet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/master-wallets/{masterWalletId}/balance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a master wallet's single-token balance
     * @description One token's balance with `pending_in` and `pending_out`: `?chain&network&token[&token_address]`.
     */
    get: operations['getMasterWalletBalance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/master-wallets/{masterWalletId}/balances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a master wallet's balances
     * @description Every token balance of the master address on its chain and network (on-chain, refreshed by a job).
     */
    get: operations['getMasterWalletBalances'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/networks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List networks
     * @description The chains, networks and assets this deployment runs: required confirmations, the node's head, the scanner's
     *     indexed height and lag, and on devnet the embedded node's RPC URL.
     */
    get: operations['listNetworks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/deposits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Fund an address on the devnet
     * @description Sends a real devnet transaction (native or ERC-20 on EVM chains, BTC on bitcoin's regtest) from the sandbox
     *     faucet, or from its denylisted address, to any address. Send to one of your receive addresses and watch the
     *     deposit go pending, then available. On bitcoin with `DEVNET_BLOCK_TIME_SECONDS=0` a block is mined right after,
     *     as the EVM devnet mines each transaction.
     */
    post: operations['sandboxDeposit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mine devnet blocks
     * @description Mines blocks now, to reach the required confirmations without waiting.
     */
    post: operations['sandboxMine'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set an asset's devnet USD price
     * @description Moves an asset's USD price: a new round on the devnet's Chainlink-compatible feed of the asset (a real
     *     transaction on the ethereum devnet node). The price job reads it within `PRICE_REFRESH_SECONDS` (with
     *     `PRICE_SOURCE=chainlink`, the default); balances and transactions then show the new USD values. `updated_at` in
     *     the past posts a round that is already stale.
     */
    post: operations['sandboxPrice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/revert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revert a devnet chain to a snapshot (reorg)
     * @description Reverts a devnet chain to a snapshot. The blocks mined since are gone; the next blocks replace them, which the
     *     scanner sees as a reorg: deposits that were only in the orphaned blocks fail with reason `reorged`.
     */
    post: operations['sandboxRevert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/snapshots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Snapshot a devnet chain
     * @description Takes a snapshot of a devnet chain, to revert to later (a reorg). On bitcoin a snapshot is the current height:
     *     reverting invalidates the blocks above it (`invalidateblock`), and the node drops their transactions.
     */
    post: operations['sandboxSnapshot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/transactions/{transactionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a transaction
     * @description One deposit or withdrawal of any wallet of your organization by its id: status (`sub_status` for sends),
     *     confirmations, amounts, fee, tx hash and, for a sped-up send, `speed_up`.
     */
    get: operations['getTransaction'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/transactions/{transactionId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a send not yet signed
     * @description Cancels an on-chain send that is not signed yet (`sub_status` `queued` or `waiting_for_funds`): it becomes
     *     `failed` with `failure_reason` `canceled`, its hold is released (`wallet_transaction.failed`). Again: the same
     *     answer. A send already signed cannot be canceled (409): speed it up instead.
     */
    post: operations['cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/transactions/{transactionId}/speed-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Speed up a send
     * @description Gets a broadcast send that is not yet in a block mined sooner. Bitcoin: child pays for parent, a transaction
     *     spending the send's change with a fee that lifts both to `fee_level`'s rate (works on every node; the send must
     *     have change no later send spends yet). EVM: a replacement with the same nonce and higher fees (either may be
     *     mined; `tx_hash` follows the one that is). The wallet is debited once; the extra fee goes to your organization's
     *     fee account. `speed_up` on the transaction links the other transaction.
     */
    post: operations['speedUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List wallets
     * @description Every wallet of your organization, newest first.
     */
    get: operations['listWallets'];
    put?: never;
    /**
     * Create a wallet
     * @description Provisions a multi-asset wallet. The body is optional. The wallet starts `pending` and becomes `active` when
     *     provisioning completes and the `wallet.created` event fires. Receive addresses are created per asset and network.
     */
    post: operations['createWallet'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/balances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Look up a wallet's balances
     * @description Balances of a wallet looked up by `wallet_id` or by your `external_id` (POST with a JSON body).
     *     A read: a plain `X-API-Key: <id>.<secret>` or a bearer token is enough.
     */
    post: operations['lookupBalances'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/{walletId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a wallet
     * @description One wallet of your organization by its id; `include_balances=true` inlines its balances per network and asset.
     */
    get: operations['getWallet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a wallet
     * @description Updates name, external_id, bindings and metadata; `status` disables or re-enables the wallet.
     */
    patch: operations['updateWallet'];
    trace?: never;
  };
  '/v1/wallets/{walletId}/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a wallet's addresses
     * @description Every address generated for a wallet, newest first.
     */
    get: operations['listAddresses'];
    put?: never;
    /**
     * Create a receive address
     * @description Creates a fresh receive address for one (asset, network) pair. Pairs at launch: BTC/bitcoin, ETH/ethereum,
     *     USDC/ethereum, USDT/ethereum, USDC/polygon, USDT/tron.
     */
    post: operations['createAddress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/{walletId}/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Credit or debit a fiat wallet
     * @description Books an operator's credit or debit of a fiat (`usd`) wallet against your organization's fiat settlement
     *     account: double entry in the ledger, final at once (`confirmed`), a wallet transaction with
     *     `destination.type: "adjustment"` and the reason as its `note`, and the events of any transaction
     *     (`wallet.incoming_transaction` for a credit, `wallet_transaction.confirmed`). Ledger only: no bank rail is
     *     attached and nothing goes on chain; reconcile the settlement account with your bank. Needs the
     *     `write:adjustments` scope.
     */
    post: operations['createAdjustment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/{walletId}/balance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get one asset's balance
     * @description One asset's balance: `?network=ethereum&asset=USDC`, or, master-wallet style,
     *     `?chain=ethereum&network=devnet&token=USDC`.
     */
    get: operations['getWalletBalance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/{walletId}/balances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a wallet's balances
     * @description Per-network balances of a wallet, each network with its receive addresses and the scanner's progress
     *     (`indexed_height`, `last_synced`, `is_stale`). Every figure comes with its base-unit `_raw` twin.
     */
    get: operations['getWalletBalances'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/{walletId}/transactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a wallet's transactions
     * @description Deposits and withdrawals of a wallet, newest first, with status, confirmations and on-chain details.
     */
    get: operations['listWalletTransactions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/{walletId}/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send from a wallet
     * @description Sends `amount` of an asset from the wallet. To a `public_address` or an `external_account`: the funds are held
     *     at once and the transaction starts `pending`, then `broadcast`, `confirming`, `confirmed` (or `failed`, the
     *     hold released). To another `wallet` of your organization: an instant, off-chain ledger transfer, `confirmed`.
     *     The wallet is debited exactly `amount`; the network fee is booked to your organization's fee account.
     */
    post: operations['createTransfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/{walletId}/transfers/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a batch from a wallet
     * @description Batch withdrawal: one wallet, one asset, up to 500 destinations of any type. Every destination is validated and
     *     every
     *     amount held in one transaction, or nothing happens (422 naming the item in `details.index`). Then each item
     *     proceeds on its own: internal ones at once, on-chain ones through the send pipeline.
     */
    post: operations['createBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/wallets/{walletId}/transfers/batch/{batchId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a batch
     * @description A batch as it stands now: each item's status and, once signed, its transaction (on Bitcoin, one for all).
     */
    get: operations['getBatch'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-deliveries/{deliveryId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a delivery and its attempts
     * @description One delivery with every attempt: status, duration, error class, the first 4 KiB of the response, the next attempt.
     */
    get: operations['getWebhookDelivery'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Redeliver
     * @description Sends the delivery's event again (same `webhook-id`) as a new delivery.
     */
    post: operations['redeliverWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List webhook endpoints
     * @description Your organization's webhook endpoints with their event types and whether each is enabled; secrets are never
     *     shown again.
     */
    get: operations['listWebhookEndpoints'];
    put?: never;
    /**
     * Create a webhook endpoint
     * @description Registers a receiver. Requests are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
     *     `webhook-signature`) with the `whsec_` secret returned here once (a retry with the same Idempotency-Key returns it
     *     again; it is stored only sealed). The URL must resolve to public addresses only (checked now and at every
     *     connection); https outside devnet. Subscribing to wallet events (`wallet.*`, `wallet_transaction.*`, or every type
     *     when `events` is empty) also needs the `read:wallets` scope.
     */
    post: operations['createWebhookEndpoint'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoints/{endpointId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a webhook endpoint
     * @description One webhook endpoint by its id: URL, event types, `enabled` and why it was disabled, if it was; never its
     *     secret.
     */
    get: operations['getWebhookEndpoint'];
    put?: never;
    post?: never;
    /**
     * Delete a webhook endpoint
     * @description Deletes the endpoint; its pending deliveries are cancelled, its delivery log is kept.
     */
    delete: operations['deleteWebhookEndpoint'];
    options?: never;
    head?: never;
    /**
     * Update a webhook endpoint
     * @description Changes the URL, the event types or the description; `enabled: true` re-enables a disabled endpoint. Changing an
     *     endpoint that receives wallet events (after the change) needs the `read:wallets` scope too.
     */
    patch: operations['updateWebhookEndpoint'];
    trace?: never;
  };
  '/v1/webhook-endpoints/{endpointId}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List deliveries
     * @description The delivery log of an endpoint, newest first; `?status=failed` for the failures.
     */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoints/{endpointId}/recover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Recover failed deliveries
     * @description Re-sends every event whose delivery to this endpoint failed since `since`.
     */
    post: operations['recoverWebhookDeliveries'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoints/{endpointId}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the signing secret
     * @description A new secret, returned once (a retry with the same Idempotency-Key returns it again). The previous one keeps
     *     signing during the overlap: both signatures are sent.
     */
    post: operations['rotateWebhookSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoints/{endpointId}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test event
     * @description Sends a `webhook.test` event to this endpoint only.
     */
    post: operations['testWebhookEndpoint'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AddressDto: {
      /** @example 7c9e6679-7425-40de-944b-e07fc1f90ae7 */
      id: string;
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      wallet_id: string;
      /** @example USDC */
      asset: string;
      /** @example ethereum */
      network: string;
      /**
       * @description Currency code of the (asset, network) pair.
       * @example USDCERC20
       */
      currency: string;
      /** @example 0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c */
      address: string;
      /** @example deposit for order 1042 */
      label: string | null;
      /**
       * @description Whether this deployment scans the address's network for deposits. False when the network has no node (no
       *     `RPC_URL_<CHAIN>`, e.g. Tron on devnet): funds sent there are not credited until a node is configured, so do
       *     not show such an address to a customer as a deposit address.
       * @example true
       */
      monitored: boolean;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
    };
    AddressListDto: {
      data: components['schemas']['AddressDto'][];
      /** @example eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9 */
      next_cursor: string | null;
    };
    AddressValidationDto: {
      /** @example true */
      valid: boolean;
      /**
       * @description The canonical form (EIP-55 checksum case for EVM, lower case for bech32); null when invalid.
       * @example 0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c
       */
      normalized: string | null;
      /**
       * @description The address belongs to one of your wallets or master wallets on this network.
       * @example false
       */
      is_internal: boolean;
      /** @example ethereum */
      network: string;
      /**
       * @description Why it is invalid.
       * @example bad EIP-55 checksum
       */
      reason: string | null;
    };
    AssetBalanceDto: {
      /** @example USDC */
      asset: string;
      /** @example USDCERC20 */
      currency: string;
      /** @example 6 */
      decimals: number;
      /**
       * @description Confirmed funds minus holds of withdrawals in flight: what can be spent.
       * @example 100.5
       */
      available: string;
      /** @example 100500000 */
      available_raw: string;
      /**
       * @description pending_in + pending_out.
       * @example 25
       */
      pending: string;
      /** @example 25000000 */
      pending_raw: string;
      /**
       * @description Deposits seen on chain, not yet at the required confirmations.
       * @example 25
       */
      pending_in: string;
      /** @example 25000000 */
      pending_in_raw: string;
      /**
       * @description Withdrawals in flight (held, not yet confirmed on chain).
       * @example 0
       */
      pending_out: string;
      /** @example 0 */
      pending_out_raw: string;
      /**
       * @description available + pending: the total (the wallet's ledger balance).
       * @example 125.5
       */
      ledger: string;
      /** @example 125500000 */
      ledger_raw: string;
      /**
       * @description Deposits held by AML screening; they credit nothing.
       * @example 0
       */
      quarantined: string;
      /** @example 0 */
      quarantined_raw: string;
      /**
       * @description `available` in USD at `usd_rate` (two decimals, rounded half to even); null when there is no current price.
       * @example 100.49
       */
      available_usd: string | null;
      /**
       * @description `pending` in USD; null when there is no current price.
       * @example 25.00
       */
      pending_usd: string | null;
      /**
       * @description `ledger` in USD; null when there is no current price.
       * @example 125.49
       */
      ledger_usd: string | null;
      /**
       * @description The asset's USD price used (per whole unit); null when there is no current price.
       * @example 0.9999
       */
      usd_rate: string | null;
      /**
       * @description When the price source observed that price (a Chainlink round's time); with a stale price, the stale price's time.
       * @example 2026-11-22T10:29:12.000Z
       */
      usd_rate_at: string | null;
      /**
       * @description True when a price exists but is too old to show (its feed missed its heartbeat, or the price job has not
       *     refreshed it within PRICE_STALE_SECONDS): the USD figures are then null. False with null figures: no price
       *     source for this asset.
       * @example false
       */
      usd_stale: boolean;
    };
    BalanceLookupDto: {
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      wallet_id?: string;
      /** @example player-12345 */
      external_id?: string;
    };
    BalanceLookupResultDto: {
      account: components['schemas']['LookupAccountDto'];
      balances: components['schemas']['CurrencyBalanceDto'][];
      /** @description The wallet's totals in USD across `balances`. */
      total_usd: components['schemas']['LookupTotalUsdDto'];
    };
    BatchDestinationDto: {
      /**
       * @description `public_address` (any address on the network), `wallet` (another wallet of your organization: an instant,
       *     off-chain ledger transfer) or `external_account` (an address book entry).
       * @example public_address
       * @enum {string}
       */
      type: 'external_account' | 'public_address' | 'wallet';
      /**
       * @description For `public_address`.
       * @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72
       */
      address?: string;
      /**
       * @description For `public_address` (the batch API's field name).
       * @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72
       */
      public_address?: string;
      /**
       * @description For `wallet` and `external_account`: their id. For `wallet`, an id of digits only is a wallet number (a partner's
       *     integer wallet ids): `"4829103847"`, or as a JSON integer, `4829103847`.
       * @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f
       */
      id?: string;
      /**
       * @description For `wallet`: same as `id`.
       * @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f
       */
      wallet_id?: string;
      /**
       * @description For `wallet`: the destination's 10-digit wallet number (the wallet's `wallet_number`) instead of its id.
       * @example 4829103847
       */
      wallet_number?: string;
      /**
       * @description Decimal amount in the asset's units (give this or `amount_raw`).
       * @example 0.1
       */
      amount?: string;
      /**
       * @description Amount in base units (satoshis, wei, 10^-6 USDC). Batch destinations also take it.
       * @example 100000
       */
      amount_raw?: string;
    };
    BatchDto: {
      /** @example 0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69 */
      id: string;
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      wallet_id: string;
      /** @example USDC */
      asset: string;
      /** @example ethereum */
      network: string;
      /** @example 0.3 */
      total: string;
      /** @example 300000 */
      total_raw: string;
      items: components['schemas']['BatchItemDto'][];
      /**
       * @description Bitcoin: the one transaction paying every on-chain item, once signed (null before, for EVM batches, whose items
       *     are one transaction each, and for batches with only internal items).
       * @example 4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b
       */
      tx_hash: string | null;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
    };
    BatchItemDto: {
      /** @example 0 */
      index: number;
      /** @example 2f1e0d9c-8b7a-4c6d-9e5f-0a1b2c3d4e5f */
      transaction_id: string;
      /** @example public_address */
      type: string;
      /** @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72 */
      address: string | null;
      /** @example 8a6e4c2b-1d3f-4a5b-9c7d-2e4f6a8b0c1d */
      wallet_id: string | null;
      /** @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f */
      external_account_id: string | null;
      /** @example 0.1 */
      amount: string;
      /** @example 100000 */
      amount_raw: string;
      /**
       * @description Internal items are `confirmed` at once; on-chain items start `pending`.
       * @example pending
       */
      status: string;
      /**
       * @description The on-chain transaction once signed (null for internal items and before). On Bitcoin every on-chain item of a
       *     batch is an output of the same transaction, at `output_index`.
       * @example 0x8f3c5d2e1b0a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d
       */
      tx_hash: string | null;
      /** @example 1 */
      output_index: number | null;
    };
    CreateAddressDto: {
      /**
       * @description Asset symbol.
       * @example USDC
       */
      asset: string;
      /**
       * @description Network, as the chain name: `bitcoin`, `ethereum`, `polygon`, `tron`. The deployment's environment decides
       *     which concrete network that is (mainnet, a testnet, or the local devnet).
       * @example ethereum
       */
      network: string;
      /**
       * @description Your label for this address.
       * @example deposit for order 1042
       */
      label?: string;
    };
    CreateAdjustmentDto: {
      /**
       * @description `credit` adds to the fiat wallet (the organization's settlement account pays); `debit` takes from it (back to
       *     the settlement account). A debit never takes the wallet below zero.
       * @example credit
       * @enum {string}
       */
      direction: 'credit' | 'debit';
      /**
       * @description Positive decimal string in dollars, at most 2 decimals (give this or `amount_raw`).
       * @example 12.34
       */
      amount?: string;
      /**
       * @description Positive integer string in cents (give this or `amount`).
       * @example 1234
       */
      amount_raw?: string;
      /**
       * @description Why the operator books it (kept as the transaction's `note`), 1-500 characters.
       * @example Cash deposit at the counter, receipt 1042
       */
      reason: string;
    };
    CreateBatchDto: {
      /** @example USDC */
      asset: string;
      /**
       * @description The chain name; `fiat` for `USD` between fiat wallets.
       * @example ethereum
       */
      network: string;
      /** @description 1-500 destinations; all are validated and all funds held at once, or nothing happens. */
      destinations: components['schemas']['BatchDestinationDto'][];
      /** @example Payouts 2026-11-22 */
      note?: string;
      /**
       * @description Bitcoin: the fee rate to pay, as `GET /v1/fees` shows it (`low`, `medium`, `high`; default `medium`). EVM sends
       *     pay the node's current fees whatever this says.
       * @example medium
       * @enum {string}
       */
      fee_level?: 'high' | 'low' | 'medium';
    };
    CreateExternalAccountDto: {
      /** @example ethereum */
      network: string;
      /** @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72 */
      address: string;
      /** @example Treasury cold wallet */
      label?: string;
    };
    CreateMasterWalletDto: {
      /**
       * @description `ethereum`, `polygon`, `base`, `bsc`, `tron` or `bitcoin` (`solana` and `aptos` are not yet available).
       * @example ethereum
       */
      chain: string;
      /**
       * @description The concrete network, which must be this deployment's: `mainnet`, `sepolia`, `amoy`, `shasta`, `testnet`,
       *     `devnet`, `regtest` (see GET /v1/networks).
       * @example devnet
       */
      network: string;
      /**
       * @description Friendly name.
       * @example Main ETH Wallet
       */
      label?: string;
    };
    CreateTransferDto: {
      /** @example USDC */
      asset: string;
      /**
       * @description The chain name, as for addresses; `fiat` for `USD` between fiat wallets (`usd` wallets).
       * @example ethereum
       */
      network: string;
      /**
       * @description Positive decimal string in the asset's units (give this or `amount_raw`).
       * @example 125.50
       */
      amount?: string;
      /**
       * @description Positive integer string in base units (give this or `amount`).
       * @example 125500000
       */
      amount_raw?: string;
      /**
       * @description An external on-chain address (the same as `destination: {type: "public_address", address}`).
       * @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72
       */
      destination_address?: string;
      /** @description A destination of any type (instead of `destination_address`). */
      destination?: components['schemas']['TransferDestinationDto'];
      /**
       * @description Free text, at most 500 characters.
       * @example Withdrawal #1042
       */
      note?: string;
      /**
       * @description Your id for this transfer, unique in your organization forever: a second transfer with it returns the first.
       * @example withdrawal-1042
       */
      external_id?: string;
      /**
       * @description Bitcoin: the fee rate to pay, as `GET /v1/fees` shows it (`low`, `medium`, `high`; default `medium`). EVM sends
       *     pay the node's current fees whatever this says.
       * @example medium
       * @enum {string}
       */
      fee_level?: 'high' | 'low' | 'medium';
    };
    CreateWalletDto: {
      /**
       * @description A single-asset wallet of this currency: `btc`, `eth`, `usdt`, `usdc` (crypto: addresses and transfers
       *     of that asset only, on any network the asset is offered on), or `usd` (a fiat wallet: a ledger-only balance in
       *     cents, no addresses, moved by internal transfers and adjustments). Omitted: a multi-asset wallet.
       * @example btc
       * @enum {string}
       */
      currency?: 'btc' | 'eth' | 'usd' | 'usdc' | 'usdt';
      /**
       * @description Human-readable name.
       * @example Player 12345
       */
      name?: string;
      /**
       * @description Your own id for this wallet, unique in your organization (1-255 visible ASCII characters): a second wallet
       *     with the same one is `409 conflict`.
       * @example player-12345
       */
      external_id?: string;
      /**
       * @description Binds the wallet to an end user of yours.
       * @example 0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69
       */
      end_user_id?: string;
      /**
       * @description Binds the wallet to an umbrella link.
       * @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f
       */
      umbrella_link_id?: string;
      /**
       * @description Up to 50 string key/value pairs for your own use.
       * @example {
       *       "tier": "vip"
       *     }
       */
      metadata?: {
        [key: string]: string;
      };
    };
    CreateWebhookEndpointDto: {
      /**
       * @description https URL of your receiver (on devnet, http://127.0.0.1:PORT works too).
       * @example https://example.com/webhooks/wallets
       */
      url: string;
      /**
       * @description Event types to receive; empty or absent: every type.
       * @example [
       *       "wallet.created",
       *       "wallet_transaction.confirmed"
       *     ]
       */
      events?: (
        | 'wallet.created'
        | 'wallet.incoming_transaction'
        | 'wallet.outgoing_transaction'
        | 'wallet_transaction.confirmed'
        | 'wallet_transaction.confirming'
        | 'wallet_transaction.failed'
        | 'wallet_transaction.quarantined'
        | 'webhook.test'
        | 'webhook_endpoint.disabled'
      )[];
      /** @example Production receiver */
      description?: string;
      /** @example true */
      enabled?: boolean;
    };
    CurrencyBalanceDto: {
      /** @example USDTTRC20 */
      currency: string;
      /** @example USDT */
      asset: string;
      /** @example tron */
      network: string;
      /**
       * @description Total: available + pending.
       * @example 500
       */
      amount: string;
      /** @example 500000000 */
      amount_raw: string;
      /**
       * @description In pending transactions (deposits confirming, withdrawals in flight).
       * @example 100
       */
      pending_amount: string;
      /** @example 100000000 */
      pending_amount_raw: string;
      /**
       * @description Available for transfers.
       * @example 400
       */
      available_balance: string;
      /** @example 400000000 */
      available_balance_raw: string;
      /**
       * @description `amount` in USD (two decimals, rounded half to even); null when there is no current price.
       * @example 500.00
       */
      amount_usd: string | null;
      /**
       * @description `pending_amount` in USD; null when there is no current price.
       * @example 100.00
       */
      pending_amount_usd: string | null;
      /**
       * @description `available_balance` in USD; null when there is no current price.
       * @example 400.00
       */
      available_balance_usd: string | null;
      /**
       * @description The asset's USD price used (per whole unit); null when there is no current price.
       * @example 1
       */
      usd_rate: string | null;
      /**
       * @description When the price source observed that price (a Chainlink round's time).
       * @example 2026-11-22T10:29:12.000Z
       */
      usd_rate_at: string | null;
      /**
       * @description True when a price exists but is too old to show: the USD figures are then null. False with null figures: no price
       *     source for this asset.
       * @example false
       */
      usd_stale: boolean;
    };
    DeletedDto: {
      /** @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f */
      id: string;
      /** @example true */
      deleted: boolean;
    };
    DeletedEndpointDto: {
      /** @example 0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c */
      id: string;
      /** @example true */
      deleted: boolean;
    };
    ErrorBodyDto: {
      /**
       * @description Machine-readable error code in lower snake case.
       * @example not_found
       */
      code: string;
      /**
       * @description Human-readable explanation. Do not parse it.
       * @example Wallet not found
       */
      message: string;
      /**
       * @description Structured context: the invalid fields, the request id of a server error, ...
       * @example {}
       */
      details: {
        [key: string]: unknown;
      };
    };
    ErrorEnvelopeDto: {
      error: components['schemas']['ErrorBodyDto'];
    };
    EventDto: {
      /** @example evt_3f9c2b7e8a1d4c6f0b5e9a2d11223344 */
      id: string;
      /** @example wallet.created */
      type: string;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
      /**
       * @example {
       *       "wallet_id": "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b"
       *     }
       */
      data: {
        [key: string]: unknown;
      };
    };
    EventFeedDto: {
      /** @description Oldest first. */
      data: components['schemas']['EventDto'][];
      /**
       * @description More events follow the last one: ask again with `after` set to its id.
       * @example false
       */
      has_more: boolean;
    };
    ExternalAccountDto: {
      /** @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f */
      id: string;
      /** @example ethereum */
      network: string;
      /**
       * @description Normalized (EIP-55 for EVM).
       * @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72
       */
      address: string;
      /** @example Treasury cold wallet */
      label: string | null;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
    };
    ExternalAccountListDto: {
      data: components['schemas']['ExternalAccountDto'][];
      /** @example eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9 */
      next_cursor: string | null;
    };
    FeeLevelDto: {
      /**
       * @description EVM: max fee per gas in gwei; null on Bitcoin.
       * @example 2.5
       */
      max_fee_per_gas_gwei: string | null;
      /**
       * @description EVM; null on Bitcoin.
       * @example 2500000000
       */
      max_fee_per_gas: string | null;
      /**
       * @description EVM; null on Bitcoin.
       * @example 1000000000
       */
      max_priority_fee_per_gas: string | null;
      /**
       * @description Bitcoin: the fee rate in satoshis per virtual byte (`estimatesmartfee` for 24, 6 and 2 blocks, never under 1);
       *     null on EVM.
       * @example 12
       */
      fee_rate_sat_per_vb: string | null;
      /**
       * @description EVM: gas_limit x max_fee_per_gas, an upper bound of the fee; Bitcoin: estimated_vsize x the fee rate. In the
       *     native asset.
       * @example 0.0000525
       */
      estimated_fee: string;
      /** @example 52500000000000 */
      estimated_fee_raw: string;
    };
    FeesDto: {
      /** @example ethereum */
      network: string;
      /** @example USDC */
      asset: string;
      /** @example ETH */
      fee_asset: string;
      /**
       * @description EVM; null on Bitcoin.
       * @example 65000
       */
      gas_limit: string | null;
      /**
       * @description EVM; null on Bitcoin.
       * @example 1000000000
       */
      base_fee_per_gas: string | null;
      /**
       * @description Bitcoin: the virtual size the estimates are for (a send with one P2WPKH input and two outputs); null on EVM.
       * @example 141
       */
      estimated_vsize: string | null;
      low: components['schemas']['FeeLevelDto'];
      medium: components['schemas']['FeeLevelDto'];
      high: components['schemas']['FeeLevelDto'];
    };
    HealthDto: {
      /**
       * @description `ok`: every dependency answers; `degraded`: a network's node does not (the API still serves; its scans and sends
       *     wait).
       * @example ok
       * @enum {string}
       */
      status: 'degraded' | 'ok';
      /**
       * @description `database` and each network with a node, by network name: `up` or `down`.
       * @example {
       *       "database": "up",
       *       "ethereum": "up",
       *       "bitcoin": "down"
       *     }
       */
      checks?: {
        [key: string]: string;
      };
    };
    LookupAccountDto: {
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      id: string;
      /** @example Player 12345 */
      name: string | null;
      /** @example player-12345 */
      external_id: string | null;
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      wallet_id: string;
    };
    LookupTotalUsdDto: {
      /**
       * @description Sum of the rows' `amount_usd`; null when an asset the wallet holds has no current price.
       * @example 500.00
       */
      amount_usd: string | null;
      /** @example 100.00 */
      pending_amount_usd: string | null;
      /** @example 400.00 */
      available_balance_usd: string | null;
      /**
       * @description True when an asset the wallet holds has a stale price (the totals are then null).
       * @example false
       */
      usd_stale: boolean;
    };
    MasterBalanceDto: {
      /** @example 5b8f2f3e-1c2d-5e4f-8a9b-0c1d2e3f4a5b */
      asset_id: string;
      /** @example ethereum */
      chain: string;
      /** @example devnet */
      network: string;
      /** @example ETH */
      token_symbol: string;
      /** @example 18 */
      token_decimals: number;
      /**
       * @description On-chain balance of the master address.
       * @example 0.5
       */
      balance: string;
      /** @example 500000000000000000 */
      balance_raw: string;
      /**
       * @description The last refresh is older than the sync interval allows, or never happened.
       * @example false
       */
      is_stale: boolean;
      /** @example 2026-11-22T10:30:00.000Z */
      last_synced: string | null;
      /**
       * @description `balance` in USD (two decimals, rounded half to even); null when there is no current price.
       * @example 1500.00
       */
      balance_usd: string | null;
      /**
       * @description The asset's USD price used (per whole unit); null when there is no current price.
       * @example 3000
       */
      usd_rate: string | null;
      /**
       * @description When the price source observed that price (a Chainlink round's time).
       * @example 2026-11-22T10:29:12.000Z
       */
      usd_rate_at: string | null;
      /**
       * @description True when a price exists but is too old to show: the USD figures are then null. False with null figures: no price
       *     source for this asset.
       * @example false
       */
      usd_stale: boolean;
    };
    MasterBalanceListDto: {
      data: components['schemas']['MasterBalanceDto'][];
      /**
       * @description The master wallet's total in USD: the exact sum of the rows' `balance_usd`; null when an asset it holds has no
       *     current price.
       * @example 1500.00
       */
      total_usd: string | null;
      /**
       * @description True when an asset it holds has a stale price (the total is then null).
       * @example false
       */
      usd_stale: boolean;
    };
    MasterTokenBalanceDto: {
      /** @example ethereum */
      chain: string;
      /** @example devnet */
      network: string;
      /** @example USDC */
      token_symbol: string;
      /** @example 1000 */
      balance: string;
      /** @example 1000000000 */
      balance_raw: string;
      /**
       * @description The organization's deposits on this network and token seen in a block but not confirmed yet (quarantined ones
       *     excluded): funds on their way in.
       * @example 0
       */
      pending_in: string;
      /** @example 0 */
      pending_in_raw: string;
      /**
       * @description Withdrawals leaving the master address, not yet confirmed.
       * @example 0
       */
      pending_out: string;
      /** @example 0 */
      pending_out_raw: string;
      /** @example false */
      is_stale: boolean;
      /** @example 2026-11-22T10:30:00.000Z */
      last_synced: string | null;
      /**
       * @description `balance` in USD (two decimals, rounded half to even); null when there is no current price.
       * @example 1000.00
       */
      balance_usd: string | null;
      /** @example 0.00 */
      pending_in_usd: string | null;
      /** @example 0.00 */
      pending_out_usd: string | null;
      /**
       * @description The asset's USD price used (per whole unit); null when there is no current price.
       * @example 3000
       */
      usd_rate: string | null;
      /**
       * @description When the price source observed that price (a Chainlink round's time).
       * @example 2026-11-22T10:29:12.000Z
       */
      usd_rate_at: string | null;
      /**
       * @description True when a price exists but is too old to show: the USD figures are then null. False with null figures: no price
       *     source for this asset.
       * @example false
       */
      usd_stale: boolean;
    };
    MasterWalletDto: {
      /** @example 0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c */
      id: string;
      /** @example 9d2c4b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d */
      organization_id: string;
      /** @example ethereum */
      chain: string;
      /** @example devnet */
      network: string;
      /**
       * @description The master address: index 0 of your organization's account on this chain.
       * @example 0xd502b72b8D969D60D1094174b1457C73671eb9d8
       */
      address: string;
      /** @example Main ETH Wallet */
      label: string | null;
      /** @example true */
      is_active: boolean;
      /**
       * @description Receive addresses derived under this master wallet.
       * @example 5
       */
      child_count: number;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
      /** @example 2026-11-22T10:00:00.000Z */
      updated_at: string;
      /** @description With `include_balances=true`: the on-chain balances. */
      balances?: components['schemas']['MasterBalanceDto'][];
    };
    MasterWalletListDto: {
      data: components['schemas']['MasterWalletDto'][];
      /** @example eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9 */
      next_cursor: string | null;
      /**
       * @description Master wallets in your organization.
       * @example 2
       */
      count: number;
    };
    NetworkAssetDto: {
      /**
       * @description Stable id of the asset on this network.
       * @example 5b8f2f3e-1c2d-5e4f-8a9b-0c1d2e3f4a5b
       */
      asset_id: string;
      /** @example USDC */
      symbol: string;
      /** @example USDCERC20 */
      currency: string;
      /** @example 6 */
      decimals: number;
      /**
       * @description The name of the base unit, 10^-decimals of the asset (`sat`, `wei`, `micro_usdc`, `micro_usdt`, `sun`): the key
       *     of the minor unit in a single-asset wallet's `balance`.
       * @example micro_usdc
       */
      minor_unit: string;
      /** @example false */
      native: boolean;
      /**
       * @description Token contract; null for the native asset.
       * @example 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48
       */
      contract_address: string | null;
      /**
       * @description Wallets can create receive addresses for it.
       * @example true
       */
      receive: boolean;
    };
    NetworkBalancesDto: {
      /**
       * @description Chain name (the `network` of the request).
       * @example ethereum
       */
      network: string;
      /**
       * @description The concrete network of this deployment.
       * @example devnet
       */
      network_name: string;
      /**
       * @description The wallet's receive addresses on this network.
       * @example [
       *       "0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c"
       *     ]
       */
      addresses: string[];
      /**
       * @description Last block the deposit scanner processed; null when no node is configured for this network.
       * @example 1284
       */
      indexed_height: string | null;
      /** @example 2026-11-22T10:30:00.000Z */
      last_synced: string | null;
      /**
       * @description True when the scanner has not completed a pass recently (or cannot run): balances may lag the chain.
       * @example false
       */
      is_stale: boolean;
      assets: components['schemas']['AssetBalanceDto'][];
    };
    NetworkDto: {
      /** @example ethereum */
      chain: string;
      /** @example devnet */
      network: string;
      /** @example devnet */
      environment: string;
      /** @example Ethereum */
      display_name: string;
      /** @example evm */
      family: string;
      /** @example 31337 */
      chain_id: number | null;
      /** @example 3 */
      required_confirmations: number;
      /**
       * @description `synced`; `stale` (no recent scan); `error` (the last scans failed, see last_error); `no_node` (no RPC URL:
       *     addresses work, deposits are not scanned).
       * @example synced
       * @enum {string}
       */
      status: 'error' | 'no_node' | 'stale' | 'synced';
      /** @example 1290 */
      head_height: string | null;
      /**
       * @description Last block the deposit scanner processed.
       * @example 1290
       */
      indexed_height: string | null;
      /**
       * @description head_height - indexed_height.
       * @example 0
       */
      lag: number | null;
      /** @example 2026-11-22T10:30:00.000Z */
      last_synced: string | null;
      /**
       * @description Why the last scans failed, as a class (never the node's message): `rpc_unreachable` (no connection), `timeout`,
       *     `rpc_error` (the node answered an error or something unreadable), `chain_mismatch` (the node serves another
       *     chain: a wrong RPC URL), `sync_failed` (not the node: see the service's log). Null once a scan succeeds.
       * @example rpc_unreachable
       * @enum {string|null}
       */
      last_error: 'chain_mismatch' | 'rpc_error' | 'rpc_unreachable' | 'sync_failed' | 'timeout' | null;
      /**
       * @description When the node was found serving a new chain (a devnet restarted without its state).
       * @example 2026-11-22T09:45:00.000Z
       */
      reset_at: string | null;
      /**
       * @description Devnet only: the JSON-RPC URL of a node the service started itself (null for a configured RPC URL), to point a
       *     wallet or viem at.
       * @example http://127.0.0.1:8545
       */
      rpc_url: string | null;
      assets: components['schemas']['NetworkAssetDto'][];
    };
    NetworkListDto: {
      data: components['schemas']['NetworkDto'][];
    };
    RecoverDto: {
      /**
       * @description Re-send every delivery of this endpoint that failed since then.
       * @example 2026-11-21T00:00:00Z
       */
      since: string;
    };
    RecoverResultDto: {
      /** @example 12 */
      recovered: number;
    };
    RotateSecretDto: {
      /**
       * @description Hours the previous secret keeps signing (both signatures are sent meanwhile); default 24.
       * @example 24
       */
      overlap_hours?: number;
    };
    RotatedSecretDto: {
      /** @example whsec_C2h1n5A0t1lP4b3Q9r8GKYqrTwjUPD8ILPZIo2La */
      secret: string;
      /** @example 2026-11-23T10:00:00.000Z */
      previous_secret_expires_at: string | null;
    };
    SandboxDepositDto: {
      /**
       * @description A devnet network with a node: `ethereum`, `polygon` or `bitcoin`.
       * @example ethereum
       */
      network: string;
      /** @example USDC */
      asset: string;
      /**
       * @description The receiving address (one of your receive addresses, to see a deposit).
       * @example 0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c
       */
      address: string;
      /**
       * @description Decimal amount in the asset's units.
       * @example 125.50
       */
      amount: string;
      /**
       * @description Send from the sandbox's denylisted address: AML screening quarantines the deposit.
       * @example false
       */
      from_denylisted?: boolean;
    };
    SandboxDepositResultDto: {
      /** @example 0x8f3c...e1 */
      tx_hash: string;
      /** @example ethereum */
      network: string;
      /** @example USDC */
      asset: string;
      /** @example 125.5 */
      amount: string;
      /** @example 125500000 */
      amount_raw: string;
      /** @example 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 */
      from_address: string;
      /** @example 0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c */
      to_address: string;
    };
    SandboxHeadDto: {
      /** @example ethereum */
      network: string;
      /** @example 128 */
      head_height: string;
    };
    SandboxMineDto: {
      /** @example ethereum */
      network: string;
      /**
       * @description Blocks to mine at once, 1-1000.
       * @example 3
       */
      blocks: number;
    };
    SandboxNetworkDto: {
      /** @example ethereum */
      network: string;
    };
    SandboxPriceDto: {
      /**
       * @description The asset whose USD price to move: `ETH`, `BTC`, `USDC` or `USDT` (one price for the asset on every chain).
       * @example ETH
       */
      asset: string;
      /**
       * @description The new price in USD per whole unit, a decimal string with at most 8 decimal places (the feed's precision).
       * @example 3150.25
       */
      usd: string;
      /**
       * @description The round's update time (ISO 8601); default: now (the block's time). A time older than the feed's heartbeat
       *     makes the price stale: USD values turn null with `usd_stale: true`.
       * @example 2026-12-01T00:00:00.000Z
       */
      updated_at?: string;
    };
    SandboxPriceResultDto: {
      /** @example ETH */
      asset: string;
      /**
       * @description The feed's answer as a decimal string.
       * @example 3150.25
       */
      usd: string;
      /**
       * @description The feed's raw answer (8 decimals).
       * @example 315025000000
       */
      answer_raw: string;
      /** @example 8 */
      decimals: number;
      /**
       * @description The round this created.
       * @example 2
       */
      round_id: string;
      /** @example 2026-12-04T10:00:00.000Z */
      updated_at: string;
      /**
       * @description The chain the feed lives on (its `rpc_url` in GET /v1/networks reaches it).
       * @example ethereum
       */
      network: string;
      /**
       * @description The feed contract (AggregatorV3Interface: `latestRoundData()`, `decimals()`).
       * @example 0x8464135c8F25Da09e49BC8782676a84730C318bC
       */
      feed_address: string;
    };
    SandboxRevertDto: {
      /** @example ethereum */
      network: string;
      /**
       * @description From POST /v1/sandbox/snapshots.
       * @example 0x1
       */
      snapshot_id: string;
    };
    SandboxSnapshotDto: {
      /** @example ethereum */
      network: string;
      /** @example 128 */
      head_height: string;
      /** @example 0x1 */
      snapshot_id: string;
    };
    SingleBalanceDto: {
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      wallet_id: string;
      /** @example ethereum */
      chain: string;
      /** @example devnet */
      network: string;
      /** @example USDC */
      token_symbol: string;
      /** @example USDCERC20 */
      currency: string;
      /** @example 6 */
      decimals: number;
      /**
       * @description Posted balance (confirmed in minus confirmed out).
       * @example 1000
       */
      balance: string;
      /** @example 1000000000 */
      balance_raw: string;
      /** @example 1000 */
      available: string;
      /** @example 1000000000 */
      available_raw: string;
      /** @example 0 */
      pending_in: string;
      /** @example 0 */
      pending_in_raw: string;
      /** @example 0 */
      pending_out: string;
      /** @example 0 */
      pending_out_raw: string;
      /** @example false */
      is_stale: boolean;
      /** @example 2026-11-22T10:30:00.000Z */
      last_synced: string | null;
      /**
       * @description `balance` in USD (two decimals, rounded half to even); null when there is no current price.
       * @example 1000.00
       */
      balance_usd: string | null;
      /** @example 1000.00 */
      available_usd: string | null;
      /** @example 0.00 */
      pending_in_usd: string | null;
      /** @example 0.00 */
      pending_out_usd: string | null;
      /**
       * @description `pending_in + pending_out` in USD, as `pending_usd` of every other balance row.
       * @example 0.00
       */
      pending_usd: string | null;
      /**
       * @description `available + pending` in USD (the wallet's total of this asset), as `ledger_usd` of every other balance row.
       * @example 1000.00
       */
      ledger_usd: string | null;
      /**
       * @description The asset's USD price used (per whole unit); null when there is no current price.
       * @example 1
       */
      usd_rate: string | null;
      /**
       * @description When the price source observed that price (a Chainlink round's time).
       * @example 2026-11-22T10:29:12.000Z
       */
      usd_rate_at: string | null;
      /**
       * @description True when a price exists but is too old to show: the USD figures are then null. False with null figures: no price
       *     source for this asset.
       * @example false
       */
      usd_stale: boolean;
    };
    SpeedUpDto: {
      /**
       * @description Bitcoin: the fee rate that the send and its child together should pay (default `high`). EVM: ignored; the
       *     replacement pays at least an eighth more than the send and at least the node's current fees.
       * @example high
       * @enum {string}
       */
      fee_level?: 'high' | 'low' | 'medium';
    };
    TestEventResultDto: {
      /** @example evt_3f9c2b7e8a1d4c6f0b5e9a2d11223344 */
      event_id: string;
      /** @example 5b8f2f3e-1c2d-4e4f-8a9b-0c1d2e3f4a5b */
      delivery_id: string;
    };
    TokenRequestDto: {
      /**
       * @example client_credentials
       * @enum {string}
       */
      grant_type: 'client_credentials';
      /**
       * @description The API key id. May instead come in an `Authorization: Basic` header.
       * @example ak_3f9c2b7e8a1d4c6f0b5e9a2d
       */
      client_id?: string;
      /**
       * @description The API key secret. May instead come in an `Authorization: Basic` header.
       * @example sk_EXAMPLE_not_a_real_secret
       */
      client_secret?: string;
      /**
       * @description Space-separated scopes to narrow the token to; default all of the key's scopes.
       * @example read:wallets write:wallets
       */
      scope?: string;
    };
    TokenResponseDto: {
      /**
       * @description JWT to send as `Authorization: Bearer <access_token>`.
       * @example eyJhbGciOi...
       */
      access_token: string;
      /** @example Bearer */
      token_type: string;
      /**
       * @description Lifetime in seconds.
       * @example 900
       */
      expires_in: number;
      /** @example read:wallets write:wallets read:webhooks write:webhooks */
      scope: string;
      /**
       * @description Send as `X-CSRF-Token` on every write made with this token.
       * @example EXAMPLE_csrf_token_not_real
       */
      csrf_token: string;
    };
    TransactionDestinationDto: {
      /**
       * @description `public_address`, `external_account`, `wallet` (an internal transfer) or `adjustment` (an operator's credit or
       *     debit of a fiat wallet against the organization's settlement account).
       * @example public_address
       */
      type: string;
      /** @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72 */
      address: string | null;
      /** @example 8a6e4c2b-1d3f-4a5b-9c7d-2e4f6a8b0c1d */
      wallet_id: string | null;
      /** @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f */
      external_account_id: string | null;
    };
    TransactionDto: {
      /**
       * @description Local id (the `transaction_id` of events).
       * @example 2f1e0d9c-8b7a-4c6d-9e5f-0a1b2c3d4e5f
       */
      id: string;
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      wallet_id: string;
      /** @example incoming */
      direction: string;
      /**
       * @description incoming: detected, confirming, confirmed, quarantined, failed; outgoing: pending, broadcast, confirming,
       *     confirmed, failed.
       * @example confirming
       */
      status: string;
      /** @example USDC */
      asset: string;
      /**
       * @description The chain name; `fiat` for USD of fiat wallets (ledger only).
       * @example ethereum
       */
      network: string;
      /** @example 125.5 */
      amount: string;
      /** @example 125500000 */
      amount_raw: string;
      /** @example 0x8f3c5d2e1b0a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d */
      tx_hash: string | null;
      /** @example 1284 */
      block_number: string | null;
      /** @example 2 */
      confirmations: number;
      /** @example 3 */
      required_confirmations: number;
      /** @example 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 */
      from_address: string | null;
      /** @example 0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c */
      to_address: string | null;
      /**
       * @description Why it failed: `reorged`, `chain_reset`, ...
       * @example reorged
       */
      failure_reason: string | null;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
      /** @example 2026-11-22T10:00:30.000Z */
      updated_at: string;
      /** @example 2026-11-22T10:01:00.000Z */
      confirmed_at: string | null;
      /**
       * @description Outgoing, while `pending`: `queued`, `waiting_for_funds` (the master address is short of the asset or of gas;
       *     sweeps of confirmed deposits fund it), `signed` (stored, about to be broadcast).
       * @example waiting_for_funds
       */
      sub_status: string | null;
      /** @description Outgoing: where the funds go. */
      destination: components['schemas']['TransactionDestinationDto'] | null;
      /** @example Withdrawal #1042 */
      note: string | null;
      /** @example withdrawal-1042 */
      external_id: string | null;
      /** @example 0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69 */
      batch_id: string | null;
      /**
       * @description Network fee paid, in the network's native asset, once mined; booked to your organization's fee account, not to the
       *     wallet.
       * @example 0.000021
       */
      fee: string | null;
      /** @example 21000000000000 */
      fee_raw: string | null;
      /** @example ETH */
      fee_asset: string | null;
      /** @description Set once the send was sped up (`POST /v1/transactions/{id}/speed-up`); null otherwise. */
      speed_up: components['schemas']['TransactionSpeedUpDto'] | null;
      /**
       * @description `amount` in USD at `usd_rate`, fixed when the transaction was confirmed and kept for accounting (two decimals,
       *     rounded half to even); null before confirmation, or when no current price was known at that moment.
       * @example 125.49
       */
      amount_usd: string | null;
      /**
       * @description The asset's USD rate when the transaction was confirmed (per whole unit); it never changes afterwards.
       * @example 0.9999
       */
      usd_rate: string | null;
      /**
       * @description The time of that rate (when the price source observed it).
       * @example 2026-11-22T10:29:12.000Z
       */
      usd_rate_at: string | null;
      /**
       * @description `amount` in USD at the current price (in a webhook, the price when the event happened); null when there is no
       *     current price.
       * @example 125.51
       */
      amount_usd_now: string | null;
      /**
       * @description The current USD rate used for `amount_usd_now`.
       * @example 1.0001
       */
      usd_rate_now: string | null;
      /**
       * @description When the price source observed the current rate (with a stale price, the stale price's time).
       * @example 2026-11-22T11:00:12.000Z
       */
      usd_rate_now_at: string | null;
      /**
       * @description True when the current price exists but is too old to show: `amount_usd_now` is then null.
       * @example false
       */
      usd_stale: boolean;
    };
    TransactionListDto: {
      data: components['schemas']['TransactionDto'][];
      /** @example eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9 */
      next_cursor: string | null;
    };
    TransactionSpeedUpDto: {
      /**
       * @description `cpfp` (Bitcoin: a child transaction spends this one's change with a fee that pays for both) or `replacement`
       *     (EVM: a transaction with the same nonce and higher fees; `tx_hash` above is the one that counts).
       * @example cpfp
       */
      method: string;
      /**
       * @description cpfp: the child transaction. replacement: the other transaction of the same nonce (only one of them is mined).
       * @example 5e3c...b1
       */
      tx_hash: string | null;
      /**
       * @description cpfp: the child's fee, booked to your organization's fee account with the send's (null for a replacement, whose
       *     whole fee is `fee`).
       * @example 0.00000880
       */
      fee: string | null;
      /** @example 880 */
      fee_raw: string | null;
      /** @example 2026-12-04T10:00:00.000Z */
      created_at: string;
    };
    TransferDestinationDto: {
      /**
       * @description `public_address` (any address on the network), `wallet` (another wallet of your organization: an instant,
       *     off-chain ledger transfer) or `external_account` (an address book entry).
       * @example public_address
       * @enum {string}
       */
      type: 'external_account' | 'public_address' | 'wallet';
      /**
       * @description For `public_address`.
       * @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72
       */
      address?: string;
      /**
       * @description For `public_address` (the batch API's field name).
       * @example 0x8ba1f109551bD432803012645Ac136ddd64DBA72
       */
      public_address?: string;
      /**
       * @description For `wallet` and `external_account`: their id. For `wallet`, an id of digits only is a wallet number (a partner's
       *     integer wallet ids): `"4829103847"`, or as a JSON integer, `4829103847`.
       * @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f
       */
      id?: string;
      /**
       * @description For `wallet`: same as `id`.
       * @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f
       */
      wallet_id?: string;
      /**
       * @description For `wallet`: the destination's 10-digit wallet number (the wallet's `wallet_number`) instead of its id.
       * @example 4829103847
       */
      wallet_number?: string;
    };
    UpdateWalletDto: {
      /** @example Player 12345 (VIP) */
      name?: string | null;
      /** @example player-12345 */
      external_id?: string | null;
      /** @example 0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69 */
      end_user_id?: string | null;
      /** @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f */
      umbrella_link_id?: string | null;
      /**
       * @description Replaces the metadata.
       * @example {
       *       "tier": "vip"
       *     }
       */
      metadata?: {
        [key: string]: string;
      };
      /**
       * @description `disabled` stops new addresses and transfers; `active` re-enables a disabled wallet.
       * @example disabled
       * @enum {string}
       */
      status?: 'active' | 'disabled';
    };
    UpdateWebhookEndpointDto: {
      /** @example https://example.com/webhooks/wallets */
      url?: string;
      /**
       * @example [
       *       "wallet.created"
       *     ]
       */
      events?: (
        | 'wallet.created'
        | 'wallet.incoming_transaction'
        | 'wallet.outgoing_transaction'
        | 'wallet_transaction.confirmed'
        | 'wallet_transaction.confirming'
        | 'wallet_transaction.failed'
        | 'wallet_transaction.quarantined'
        | 'webhook.test'
        | 'webhook_endpoint.disabled'
      )[];
      /** @example Production receiver */
      description?: string | null;
      /**
       * @description `true` re-enables an endpoint the service disabled (and resets its failure count).
       * @example true
       */
      enabled?: boolean;
    };
    WalletBalanceAmountDto: {
      /**
       * @description U.S. dollar value, decimal string; null while no price is known. For a `usd` wallet, its amount in dollars.
       * @example 1523.4
       */
      usd: string | null;
      /**
       * @description btc wallets: bitcoin, decimal string.
       * @example 0.015
       */
      btc?: string;
      /**
       * @description btc wallets: satoshis (10^-8 BTC), integer string.
       * @example 1500000
       */
      sat?: string;
      /**
       * @description eth wallets: ether, decimal string.
       * @example 1.5
       */
      eth?: string;
      /**
       * @description eth wallets: wei (10^-18 ETH), integer string.
       * @example 1500000000000000000
       */
      wei?: string;
      /**
       * @description usdt wallets: USDT, decimal string.
       * @example 125.5
       */
      usdt?: string;
      /**
       * @description usdt wallets: 10^-6 USDT, integer string.
       * @example 125500000
       */
      micro_usdt?: string;
      /**
       * @description usdc wallets: USDC, decimal string.
       * @example 125.5
       */
      usdc?: string;
      /**
       * @description usdc wallets: 10^-6 USDC, integer string.
       * @example 125500000
       */
      micro_usdc?: string;
      /**
       * @description usd (fiat) wallets: cents, integer string.
       * @example 1234
       */
      cent?: string;
    };
    WalletBalanceDto: {
      /** @description What can be spent now (posted funds less outgoing holds). */
      available: components['schemas']['WalletBalanceAmountDto'];
      /** @description In flight: incoming not yet final plus outgoing not yet final. */
      pending: components['schemas']['WalletBalanceAmountDto'];
      /** @description available + pending. */
      ledger: components['schemas']['WalletBalanceAmountDto'];
    };
    WalletBalancesDto: {
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      wallet_id: string;
      networks: components['schemas']['NetworkBalancesDto'][];
      /**
       * @description The wallet's total available funds in USD across every network and asset: the exact sum of the rows'
       *     `available_usd`; null when an asset the wallet holds has no current price.
       * @example 1250.49
       */
      available_usd: string | null;
      /**
       * @description Total of the rows' `pending_usd`; null as above.
       * @example 25.00
       */
      pending_usd: string | null;
      /**
       * @description Total of the rows' `ledger_usd`; null as above.
       * @example 1275.49
       */
      ledger_usd: string | null;
      /**
       * @description True when an asset the wallet holds has a stale price (the totals are then null).
       * @example false
       */
      usd_stale: boolean;
    };
    WalletDto: {
      /**
       * @description The balance object: `available`, `pending` and `ledger` (= available + pending). A single-asset wallet
       *     gives each in its currency's major unit (decimal string under the currency's code: `btc`), its minor unit
       *     (integer string under the unit's name: `sat`; `wei`, `micro_usdt`, `micro_usdc`, `cent`) and `usd` (the U.S.
       *     dollar value as a decimal string, null while no price is known; a fiat `usd` wallet's own amount). A
       *     multi-asset wallet gives `usd` totals only.
       * @example {
       *       "available": {
       *         "btc": "0.015",
       *         "sat": "1500000",
       *         "usd": null
       *       },
       *       "pending": {
       *         "btc": "0.001",
       *         "sat": "100000",
       *         "usd": null
       *       },
       *       "ledger": {
       *         "btc": "0.016",
       *         "sat": "1600000",
       *         "usd": null
       *       }
       *     }
       */
      balance: components['schemas']['WalletBalanceDto'];
      /** @example 3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b */
      id: string;
      /**
       * @description The provider of record; never the underlying technology vendor.
       * @example balansas
       */
      provider: string;
      /**
       * @example active
       * @enum {string}
       */
      status: 'active' | 'disabled' | 'pending';
      /** @example Player 12345 */
      name: string | null;
      /** @example player-12345 */
      external_id: string | null;
      /** @example 0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69 */
      end_user_id: string | null;
      /** @example 6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f */
      umbrella_link_id: string | null;
      /**
       * @description The organization that owns the wallet.
       * @example 9d2c4b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d
       */
      company_id: string;
      /**
       * @description 10-digit wallet number for internal transfers and support.
       * @example 4829103847
       */
      wallet_number: string;
      /** @example true */
      active: boolean;
      /**
       * @description The currency of a single-asset wallet (`btc`, `eth`, `usdt`, `usdc`, `usd`); null for a multi-asset
       *     wallet.
       * @example btc
       * @enum {string|null}
       */
      currency: 'btc' | 'eth' | 'usd' | 'usdc' | 'usdt' | null;
      /**
       * @description The wallet's type: `bitcoin` (btc), `ethereum` (eth), `usdt`, `usdc`, `fiat` (usd); `multi_asset` for a
       *     multi-asset wallet.
       * @example bitcoin
       */
      asset_type: string;
      /**
       * @description True when a `usd` figure of `balance` is null because a held asset's price is stale (older than
       *     `PRICE_STALE_SECONDS`, or its feed's round is late): the value is unknown, not zero.
       * @example false
       */
      usd_stale: boolean;
      /**
       * @example {
       *       "tier": "vip"
       *     }
       */
      metadata: {
        [key: string]: string;
      };
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
      /** @example 2026-11-22T10:00:00.000Z */
      updated_at: string;
      /** @description With `include_balances=true`: balances per network, as GET /v1/wallets/{id}/balances. */
      balances?: components['schemas']['NetworkBalancesDto'][];
    };
    WalletListDto: {
      data: components['schemas']['WalletDto'][];
      /**
       * @description Pass as `cursor` to get the next page; null on the last page.
       * @example eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9
       */
      next_cursor: string | null;
    };
    WebhookAttemptDto: {
      /** @example 1 */
      attempt: number;
      /** @example 2026-11-22T10:00:00.000Z */
      started_at: string;
      /** @example 42 */
      duration_ms: number;
      /** @example 503 */
      status_code: number | null;
      /**
       * @description `timeout`, `dns`, `conn_refused`, `ssrf_blocked`, `non_2xx`, `network`; null on success.
       * @example non_2xx
       */
      error_class: string | null;
      /** @example connect ECONNREFUSED 203.0.113.10:443 */
      error_message: string | null;
      /**
       * @description The first 4 KiB of the response.
       * @example Service Unavailable
       */
      response_body: string | null;
      /** @example 2026-11-22T10:05:00.000Z */
      next_attempt_at: string | null;
    };
    WebhookDeliveryDto: {
      /** @example 5b8f2f3e-1c2d-4e4f-8a9b-0c1d2e3f4a5b */
      id: string;
      /** @example 0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c */
      endpoint_id: string;
      /**
       * @description Also the `webhook-id` header: the same on every attempt and every redelivery.
       * @example evt_3f9c2b7e8a1d4c6f0b5e9a2d11223344
       */
      event_id: string;
      /** @example wallet.created */
      event_type: string;
      /** @example pending */
      status: string;
      /** @example 2 */
      attempts: number;
      /** @example 2026-11-22T10:05:00.000Z */
      next_attempt_at: string | null;
      /** @example 503 */
      last_status_code: number | null;
      /** @example non_2xx */
      last_error: string | null;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
      /** @example 2026-11-22T10:05:01.000Z */
      completed_at: string | null;
      /** @description With GET /v1/webhook-deliveries/{id}: every attempt. */
      attempt_log?: components['schemas']['WebhookAttemptDto'][];
    };
    WebhookDeliveryListDto: {
      data: components['schemas']['WebhookDeliveryDto'][];
      /** @example eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9 */
      next_cursor: string | null;
    };
    WebhookEndpointDto: {
      /** @example 0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c */
      id: string;
      /** @example https://example.com/webhooks/wallets */
      url: string;
      /** @example Production receiver */
      description: string | null;
      /**
       * @example [
       *       "wallet.created"
       *     ]
       */
      events: string[];
      /** @example true */
      enabled: boolean;
      /**
       * @description Why the service disabled it: `gone` (the receiver answered 410) or `failing` (every delivery failed for too long).
       * @example failing
       */
      disabled_reason: string | null;
      /**
       * @description During a secret rotation, the previous secret also signs until then.
       * @example 2026-11-23T10:00:00.000Z
       */
      previous_secret_expires_at: string | null;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
      /** @example 2026-11-22T10:00:00.000Z */
      updated_at: string;
    };
    WebhookEndpointListDto: {
      data: components['schemas']['WebhookEndpointDto'][];
      /** @example eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9 */
      next_cursor: string | null;
    };
    WebhookEndpointWithSecretDto: {
      /**
       * @description The signing secret, shown only in this reply (and in its replays under the same Idempotency-Key). Verify with any
       *     Standard Webhooks library.
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
      /** @example 0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c */
      id: string;
      /** @example https://example.com/webhooks/wallets */
      url: string;
      /** @example Production receiver */
      description: string | null;
      /**
       * @example [
       *       "wallet.created"
       *     ]
       */
      events: string[];
      /** @example true */
      enabled: boolean;
      /**
       * @description Why the service disabled it: `gone` (the receiver answered 410) or `failing` (every delivery failed for too long).
       * @example failing
       */
      disabled_reason: string | null;
      /**
       * @description During a secret rotation, the previous secret also signs until then.
       * @example 2026-11-23T10:00:00.000Z
       */
      previous_secret_expires_at: string | null;
      /** @example 2026-11-22T10:00:00.000Z */
      created_at: string;
      /** @example 2026-11-22T10:00:00.000Z */
      updated_at: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The process is up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready to serve: PostgreSQL answers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description PostgreSQL unreachable; `details` names every dependency up or down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "service_unavailable",
           *         "message": "Database unreachable",
           *         "details": {
           *           "database": "down"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  validateAddress: {
    parameters: {
      query: {
        network: string;
        address: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Whether the address is valid on the network, and its normalized form */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddressValidationDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_network` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_network",
           *         "message": "`invalid_network`",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  issueToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TokenRequestDto'];
        'application/x-www-form-urlencoded': components['schemas']['TokenRequestDto'];
      };
    };
    responses: {
      /** @description The access token, its lifetime and scopes, and the CSRF token for writes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
      /** @description Bad grant type or scope not granted to the key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Invalid client credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The key's rate limit: token requests count like any other request of the key */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listEvents: {
    parameters: {
      query?: {
        /** @description The last event id you processed: events after it, oldest first. Example: `evt_3f9c2b7e8a1d4c6f0b5e9a2d11223344`. */
        after?: string;
        /** @description Example: `wallet_transaction.confirmed`. */
        type?:
          | 'wallet.created'
          | 'wallet.incoming_transaction'
          | 'wallet.outgoing_transaction'
          | 'wallet_transaction.confirmed'
          | 'wallet_transaction.confirming'
          | 'wallet_transaction.failed'
          | 'wallet_transaction.quarantined'
          | 'webhook.test'
          | 'webhook_endpoint.disabled';
        /** @description Example: `100`. */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Events after `after`, oldest first, and whether more follow */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventFeedDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:webhooks` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:webhooks scope",
           *         "details": {
           *           "required_scope": "read:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listExternalAccounts: {
    parameters: {
      query?: {
        /** @description Page size, 1-100. Example: `20`. */
        limit?: number;
        /** @description Opaque cursor from a previous page's `next_cursor`. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of address book entries and the cursor of the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExternalAccountListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createExternalAccount: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateExternalAccountDto'];
      };
    };
    responses: {
      /** @description The new address book entry */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExternalAccountDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `conflict`: already in the address book (details.id) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "conflict",
           *         "message": "This external_id is already used in your organization",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_network`, `invalid_address` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_network",
           *         "message": "`invalid_network`, `invalid_address`",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getExternalAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        externalAccountId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The address book entry */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExternalAccountDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteExternalAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        externalAccountId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeletedDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getFees: {
    parameters: {
      query: {
        network: string;
        /** @description Example: `USDC`. */
        asset?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Fee estimates per fee level */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeesDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_network`, `unsupported_asset_network` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_network",
           *         "message": "`invalid_network`, `unsupported_asset_network`",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listMasterWallets: {
    parameters: {
      query?: {
        /** @description Inline the on-chain balances. */
        include_balances?: false | true;
        /** @description Page size, 1-100. Example: `20`. */
        limit?: number;
        /** @description Opaque cursor from a previous page's `next_cursor`. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of master wallets, their count and the cursor of the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterWalletListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createMasterWallet: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateMasterWalletDto'];
      };
    };
    responses: {
      /** @description It already existed: the existing wallet */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterWalletDto'];
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterWalletDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not HMAC-signed (this route takes no bearer token: in the playground authorize **ApiKey**), skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_chain` or `invalid_network` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_chain",
           *         "message": "`invalid_chain` or `invalid_network`",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getMasterWallet: {
    parameters: {
      query?: {
        /** @description Inline the on-chain balances. */
        include_balances?: false | true;
      };
      header?: never;
      path: {
        masterWalletId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The master wallet */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterWalletDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `wallet_not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "wallet_not_found",
           *         "message": "Master wallet not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getMasterWalletBalance: {
    parameters: {
      query: {
        chain: string;
        network: string;
        token: string;
        /** @description Contract address, for ambiguous symbols. */
        token_address?: string;
      };
      header?: never;
      path: {
        masterWalletId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The token's balance with `pending_in` and `pending_out` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterTokenBalanceDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `wallet_not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "wallet_not_found",
           *         "message": "Master wallet not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_chain`, `invalid_network`, `unsupported_asset_network` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_chain",
           *         "message": "`invalid_chain`, `invalid_network`, `unsupported_asset_network`",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getMasterWalletBalances: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        masterWalletId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every token balance of the master address */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterBalanceListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `wallet_not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "wallet_not_found",
           *         "message": "Master wallet not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listNetworks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every network of this deployment with its assets, confirmations and scanner status */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NetworkListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  sandboxDeposit: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SandboxDepositDto'];
      };
    };
    responses: {
      /** @description The devnet transaction that funds the address */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SandboxDepositResultDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_network`, `unsupported_asset_network`, `invalid_address`, `invalid_amount` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_network",
           *         "message": "`invalid_network`, `unsupported_asset_network`, `invalid_address`, `invalid_amount`",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  sandboxMine: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SandboxMineDto'];
      };
    };
    responses: {
      /** @description The new chain head */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SandboxHeadDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  sandboxPrice: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SandboxPriceDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SandboxPriceResultDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `unsupported_asset_network` (no feed for the asset), `invalid_amount`, `invalid_network` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unsupported_asset_network",
           *         "message": "USDT on polygon is not supported",
           *         "details": {
           *           "asset": "USDT",
           *           "network": "polygon",
           *           "supported": [
           *             {
           *               "asset": "USDC",
           *               "network": "polygon"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  sandboxRevert: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SandboxRevertDto'];
      };
    };
    responses: {
      /** @description The chain head after the revert */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SandboxHeadDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  sandboxSnapshot: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SandboxNetworkDto'];
      };
    };
    responses: {
      /** @description The snapshot id to revert to */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SandboxSnapshotDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getTransaction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        transactionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The transaction */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransactionDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path: {
        transactionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The canceled send, now `failed` with its hold voided */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransactionDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `conflict`: signed or broadcast already, or not an on-chain send */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "conflict",
           *         "message": "This external_id is already used in your organization",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  speedUp: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on this route. 1-255 visible ASCII characters (no comma), unique per request you mean to make once. A retry with the same key replays the stored response (header `Idempotent-Replayed: true`); the same key with another request answers 422 `idempotency_key_reused`; while the first is in flight, 409 `idempotency_key_in_use`. Keys are kept 72 hours. */
        'Idempotency-Key': string;
      };
      path: {
        transactionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SpeedUpDto'];
      };
    };
    responses: {
      /** @description The send with its `speed_up` (method, other tx hash, extra fee) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransactionDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `conflict`: not an on-chain send, not broadcast or mined already, sped up already, no change left */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "conflict",
           *         "message": "This external_id is already used in your organization",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listWallets: {
    parameters: {
      query?: {
        /** @description The wallet with this 10-digit wallet number (at most one). Example: `4829103847`. */
        wallet_number?: string;
        /** @description Example: `player-12345`. */
        external_id?: string;
        /** @description Example: `active`. */
        status?: 'active' | 'disabled' | 'pending';
        /** @description Inline each wallet's balances (per network and asset). */
        include_balances?: false | true;
        /** @description Page size, 1-100. Example: `20`. */
        limit?: number;
        /** @description Opaque cursor from a previous page's `next_cursor`. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of wallets, newest first, and the cursor of the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WalletListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createWallet: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateWalletDto'];
      };
    };
    responses: {
      /** @description The new wallet, `pending` until provisioning completes */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WalletDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `conflict`: external_id already used in this organization */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "conflict",
           *         "message": "This external_id is already used in your organization",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  lookupBalances: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BalanceLookupDto'];
      };
    };
    responses: {
      /** @description The wallet's balances */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BalanceLookupResultDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getWallet: {
    parameters: {
      query?: {
        /** @description Inline the wallet's balances (per network and asset). */
        include_balances?: false | true;
      };
      header?: never;
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The wallet */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WalletDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateWallet: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWalletDto'];
      };
    };
    responses: {
      /** @description The updated wallet */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WalletDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `conflict` (external_id taken) or `wallet_not_active` (still pending) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "conflict",
           *         "message": "This external_id is already used in your organization",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listAddresses: {
    parameters: {
      query?: {
        /** @description Example: `USDC`. */
        asset?: string;
        /** @description Example: `ethereum`. */
        network?: string;
        /** @description Page size, 1-100. Example: `20`. */
        limit?: number;
        /** @description Opaque cursor from a previous page's `next_cursor`. */
        cursor?: string;
      };
      header?: never;
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the wallet's receive addresses and the cursor of the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddressListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found`: no such wallet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createAddress: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAddressDto'];
      };
    };
    responses: {
      /** @description The new receive address */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddressDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found`: no such wallet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `wallet_not_active`: the wallet is pending or disabled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "wallet_not_active",
           *         "message": "The wallet is not active",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `unsupported_asset_network`; details list the supported pairs */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unsupported_asset_network",
           *         "message": "USDT on polygon is not supported",
           *         "details": {
           *           "asset": "USDT",
           *           "network": "polygon",
           *           "supported": [
           *             {
           *               "asset": "USDC",
           *               "network": "polygon"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createAdjustment: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on this route. 1-255 visible ASCII characters (no comma), unique per request you mean to make once. A retry with the same key replays the stored response (header `Idempotent-Replayed: true`); the same key with another request answers 422 `idempotency_key_reused`; while the first is in flight, 409 `idempotency_key_in_use`. Keys are kept 72 hours. */
        'Idempotency-Key': string;
      };
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAdjustmentDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransactionDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:adjustments`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:adjustments scope",
           *         "details": {
           *           "required_scope": "write:adjustments"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found`: the wallet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `wallet_not_active`, `idempotency_key_in_use` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "wallet_not_active",
           *         "message": "The wallet is not active",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `insufficient_funds` (a debit past zero), `invalid_amount`, `wallet_currency_mismatch` (not a usd wallet), `idempotency_key_reused` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "insufficient_funds",
           *         "message": "Insufficient funds",
           *         "details": {
           *           "available": "10.00",
           *           "available_raw": "10000000"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getWalletBalance: {
    parameters: {
      query?: {
        /**
         * @description The chain name (`ethereum`; `fiat` with asset `USD` for a fiat wallet); with `chain`, the network's name
         *     (`devnet`, `sepolia`, ...). Example: `ethereum`.
         */
        network?: string;
        /** @description Example: `USDC`. */
        asset?: string;
        /** @description Chain of the asset (with `network` as the network's name). Example: `ethereum`. */
        chain?: string;
        /** @description Token symbol (with `chain`). Example: `USDC`. */
        token?: string;
        /** @description The token contract, for ambiguous symbols. */
        token_address?: string;
      };
      header?: never;
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One asset's balance figures */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SingleBalanceDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_chain`, `invalid_network`, `unsupported_asset_network` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_chain",
           *         "message": "`invalid_chain`, `invalid_network`, `unsupported_asset_network`",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getWalletBalances: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The balance figures per network and asset */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WalletBalancesDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listWalletTransactions: {
    parameters: {
      query?: {
        /** @description Example: `incoming`. */
        direction?: 'incoming' | 'outgoing';
        /** @description Example: `confirmed`. */
        status?: 'broadcast' | 'confirmed' | 'confirming' | 'detected' | 'failed' | 'pending' | 'quarantined';
        /** @description Example: `USDC`. */
        asset?: string;
        /** @description Example: `ethereum`. */
        network?: string;
        /** @description Page size, 1-100. Example: `20`. */
        limit?: number;
        /** @description Opaque cursor from a previous page's `next_cursor`. */
        cursor?: string;
      };
      header?: never;
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of transactions, newest first, and the cursor of the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransactionListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createTransfer: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on this route. 1-255 visible ASCII characters (no comma), unique per request you mean to make once. A retry with the same key replays the stored response (header `Idempotent-Replayed: true`); the same key with another request answers 422 `idempotency_key_reused`; while the first is in flight, 409 `idempotency_key_in_use`. Keys are kept 72 hours. */
        'Idempotency-Key': string;
      };
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTransferDto'];
      };
    };
    responses: {
      /** @description The transfer: `confirmed` at once if internal, else `pending` with its `sub_status` */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransactionDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found`: wallet, destination wallet or external account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `wallet_not_active`, `idempotency_key_in_use` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "wallet_not_active",
           *         "message": "The wallet is not active",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_address`, `invalid_amount`, `amount_below_dust`, `insufficient_funds`, `unsupported_asset_network`, `idempotency_key_reused` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_address",
           *         "message": "Not a valid ethereum address",
           *         "details": {
           *           "field": "address"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createBatch: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on this route. 1-255 visible ASCII characters (no comma), unique per request you mean to make once. A retry with the same key replays the stored response (header `Idempotent-Replayed: true`); the same key with another request answers 422 `idempotency_key_reused`; while the first is in flight, 409 `idempotency_key_in_use`. Keys are kept 72 hours. */
        'Idempotency-Key': string;
      };
      path: {
        walletId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateBatchDto'];
      };
    };
    responses: {
      /** @description The batch with every item; all amounts are held */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BatchDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:wallets`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:wallets scope",
           *         "details": {
           *           "required_scope": "write:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The first bad item, with `details.index`: `invalid_address`, `invalid_amount`, `insufficient_funds`, ... */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_address",
           *         "message": "Not a valid ethereum address",
           *         "details": {
           *           "field": "address"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        walletId: string;
        batchId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The batch with every item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BatchDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:wallets` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:wallets scope",
           *         "details": {
           *           "required_scope": "read:wallets"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getWebhookDelivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The delivery and its attempts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:webhooks` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:webhooks scope",
           *         "details": {
           *           "required_scope": "read:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  redeliverWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path: {
        deliveryId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The new delivery of the same event */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:webhooks`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:webhooks scope",
           *         "details": {
           *           "required_scope": "write:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listWebhookEndpoints: {
    parameters: {
      query?: {
        /** @description Page size, 1-100. Example: `20`. */
        limit?: number;
        /** @description Opaque cursor from a previous page's `next_cursor`. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of webhook endpoints and the cursor of the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:webhooks` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:webhooks scope",
           *         "details": {
           *           "required_scope": "read:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookEndpointDto'];
      };
    };
    responses: {
      /** @description The new endpoint with its signing secret (shown this once) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointWithSecretDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:webhooks`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:webhooks scope",
           *         "details": {
           *           "required_scope": "write:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `invalid_url` (scheme, credentials, or a non-public address: `details.reason`) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_url",
           *         "message": "The URL must be https",
           *         "details": {
           *           "field": "url"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The webhook endpoint */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:webhooks` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:webhooks scope",
           *         "details": {
           *           "required_scope": "read:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeletedEndpointDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:webhooks`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:webhooks scope",
           *         "details": {
           *           "required_scope": "write:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookEndpointDto'];
      };
    };
    responses: {
      /** @description The updated endpoint */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:webhooks`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:webhooks scope",
           *         "details": {
           *           "required_scope": "write:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "not_found",
           *         "message": "Not found",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** @description Page size, 1-100. Example: `20`. */
        limit?: number;
        /** @description Opaque cursor from a previous page's `next_cursor`. */
        cursor?: string;
        /** @description Example: `failed`. */
        status?: 'cancelled' | 'failed' | 'pending' | 'succeeded';
      };
      header?: never;
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of deliveries and the cursor of the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryListDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `read:webhooks` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the read:webhooks scope",
           *         "details": {
           *           "required_scope": "read:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  recoverWebhookDeliveries: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecoverDto'];
      };
    };
    responses: {
      /** @description How many failed deliveries were queued again */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecoverResultDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:webhooks`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:webhooks scope",
           *         "details": {
           *           "required_scope": "write:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  rotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RotateSecretDto'];
      };
    };
    responses: {
      /** @description The new signing secret (shown this once) and when the old one stops working */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RotatedSecretDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:webhooks`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:webhooks scope",
           *         "details": {
           *           "required_scope": "write:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  testWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional here: a retry with the same key replays the stored response instead of running again. */
        'Idempotency-Key'?: string;
      };
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The test event, queued for delivery */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestEventResultDto'];
        };
      };
      /** @description Invalid request (`invalid_request`) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "invalid_request",
           *         "message": "Invalid request: limit must not be greater than 100",
           *         "details": {
           *           "fields": [
           *             {
           *               "field": "limit",
           *               "message": "limit must not be greater than 100"
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing or invalid credentials, skewed timestamp, reused request id, bad signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "unauthorized",
           *         "message": "Authentication failed",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Missing scope `write:webhooks`, missing X-CSRF-Token (bearer), or wallets not enabled */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "forbidden",
           *         "message": "This API key lacks the write:webhooks scope",
           *         "details": {
           *           "required_scope": "write:webhooks"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `conflict`: the endpoint is disabled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "conflict",
           *         "message": "This external_id is already used in your organization",
           *         "details": {}
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description `rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "rate_limited",
           *         "message": "Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)",
           *         "details": {
           *           "retry_after_seconds": 1
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Server error (`server_error`); details carry the request id, also in X-Correlation-Id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": {
           *         "code": "server_error",
           *         "message": "Internal server error",
           *         "details": {
           *           "request_id": "9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
}
