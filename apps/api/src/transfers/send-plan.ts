import { randomUUID } from 'node:crypto';
import { DestinationType, FeeLevel, TransferBatch, WalletTransaction } from '@app/db';
import { AccountRef, LedgerOp, Posting, PostingEvent, transactionEventData } from '@app/ledger';
import type { PricesService } from '@app/prices';

/** What a send needs of its asset: a registry asset, or the fiat ledger's USD (no chain). */
export interface SendAsset {
  symbol: string;
  decimals: number;
  network: { key: string; chain: string; confirmations: number; assets: Array<{ symbol: string; native: boolean }> };
}

/** One destination of a send, validated. */
export interface SendItem {
  type: DestinationType;
  /** The on-chain address (`public_address`, `external_account`). */
  address: string | null;
  /** The destination wallet (`wallet`). */
  walletId: string | null;
  externalAccountId: string | null;
  amount: bigint;
}

/** What a send carries besides its destinations. */
export interface SendExtras {
  note?: string | null;
  /** Bitcoin: the fee rate to pay (`medium` when null). */
  feeLevel?: FeeLevel | null;
  externalId?: string | null;
  /** The request's Idempotency-Key, kept on the transaction as a business key unique forever. */
  idempotencyKey?: string | null;
  batch?: TransferBatch;
  /** Prices the events and fixes the USD rate of what is final at once (internal transfers). */
  prices?: Pick<PricesService, 'usd' | 'fix'>;
}

export interface PlannedSend {
  /** The ledger posting that makes the send (no reply yet). */
  posting: Posting;
  /** The outgoing transaction of each item, in order: what the caller answers. */
  out: WalletTransaction[];
}

/**
 * A send from `walletId` as one posting, without I/O: per item the wallet transaction rows, the ledger transfer and
 * the events. An internal item (another wallet of the organization) is off-chain and final at once: a posted transfer
 * and a confirmed row on each side. An on-chain item is a hold on the wallet (pending to the organization's external
 * account) and a `pending`/`queued` row for the transfer job. The wallet is debited exactly each item's amount; the
 * network fee is booked later, to the organization's fee account. The posting requires the source wallet and every
 * internal destination to be the organization's and active.
 */
export function planSend(
  organizationId: string,
  walletId: string,
  asset: SendAsset,
  items: SendItem[],
  extras: SendExtras,
  now = new Date(),
): PlannedSend {
  const network = asset.network;
  const source: AccountRef = { kind: 'wallet', walletId, network: network.key, asset: asset.symbol };
  const rows: WalletTransaction[] = [];
  const events: PostingEvent[] = [];
  const transfers: LedgerOp[] = [];
  const out: WalletTransaction[] = [];
  const event = (type: PostingEvent['type'], tx: WalletTransaction) =>
    events.push({ type, data: transactionEventData(tx, asset.decimals, extras.prices?.usd(asset, tx.amount)) });
  const batch = extras.batch;
  for (const [index, item] of items.entries()) {
    const id = randomUUID();
    const ledgerTransferId = randomUUID();
    const base = {
      id,
      organizationId,
      walletId,
      direction: 'outgoing' as const,
      network: network.key,
      chain: network.chain,
      asset: asset.symbol,
      amount: item.amount,
      destinationType: item.type,
      destinationWalletId: item.walletId,
      externalAccountId: item.externalAccountId,
      note: extras.note ?? null,
      externalId: extras.externalId ?? null,
      idempotencyKey: extras.idempotencyKey ?? null,
      batchId: batch?.id ?? null,
      batchIndex: batch ? index : null,
      ledgerTransferId,
      createdAt: now,
      updatedAt: now,
    };
    if (item.type === 'wallet') {
      const destination = item.walletId!;
      const receivedId = randomUUID();
      // Final at once: the USD rate is fixed now, on both sides.
      const usd = extras.prices?.fix(asset, item.amount) ?? {};
      const sent = Object.assign(new WalletTransaction(), {
        ...base,
        ...usd,
        status: 'confirmed',
        requiredConfirmations: 0,
        counterpartId: receivedId,
        confirmedAt: now,
      });
      const received = Object.assign(new WalletTransaction(), {
        id: receivedId,
        organizationId,
        walletId: destination,
        direction: 'incoming',
        status: 'confirmed',
        network: network.key,
        chain: network.chain,
        asset: asset.symbol,
        amount: item.amount,
        requiredConfirmations: 0,
        counterpartId: id,
        ledgerTransferId,
        destinationType: 'wallet',
        destinationWalletId: destination,
        note: extras.note ?? null,
        ...usd,
        confirmedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      rows.push(sent, received);
      event('wallet_transaction.confirmed', sent);
      event('wallet.incoming_transaction', received);
      event('wallet_transaction.confirmed', received);
      transfers.push({
        phase: 'posted',
        id: ledgerTransferId,
        debit: source,
        credit: { ...source, walletId: destination },
        amount: item.amount,
        reference: `internal:${id}`,
      });
      out.push(sent);
    } else {
      const pending = Object.assign(new WalletTransaction(), {
        ...base,
        status: 'pending',
        subStatus: 'queued',
        toAddress: item.address,
        requiredConfirmations: network.confirmations,
        feeAsset: network.assets.find((a) => a.native)?.symbol ?? null,
        feeLevel: extras.feeLevel ?? null,
      });
      rows.push(pending);
      transfers.push({
        phase: 'pending',
        id: ledgerTransferId,
        debit: source,
        credit: { kind: 'external', network: network.key, asset: asset.symbol },
        amount: item.amount,
        reference: `withdrawal:${id}`,
      });
      out.push(pending);
    }
  }
  const internal = items.filter((i) => i.type === 'wallet').map((i) => i.walletId!);
  return {
    posting: {
      organizationId,
      activeWallets: [walletId, ...internal],
      transfers,
      rows: batch ? [batch, ...rows] : rows,
      events,
    },
    out,
  };
}
