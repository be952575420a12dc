import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ChainClients,
  ChainWatcher,
  classifyRpcError,
  describeRpcError,
  Network,
  NetworkRegistry,
  RpcErrorClass,
  SettledPayment,
} from '@app/chains';
import { JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import {
  AddressesRepository,
  ChainCursor,
  ChainCursorsRepository,
  DepositsRepository,
  SweepsRepository,
  Transactions,
  UtxosRepository,
  WithdrawalsRepository,
  WalletTransaction,
} from '@app/db';
import { EventType } from '@app/events';
import { LedgerService, Posting, transactionEventData } from '@app/ledger';
import { PricesService } from '@app/prices';
import { AML_SCREENER, AmlScreener } from './aml';

/** Blocks scanned per tick at most, so one tick stays short even after a long downtime. */
const MAX_BLOCKS_PER_TICK = 200n;
/** Recent blocks kept to find the common ancestor of a reorg. */
const REORG_WINDOW = 512n;

interface Owner {
  organizationId: string;
  walletId: string;
}

/**
 * What one pass changes in the ledger and the outbox, per organization: written as one call at its end, so that the
 * accounts it touches are locked once, in one order (see LedgerService).
 */
class Changes {
  private readonly postings = new Map<string, Posting>();

  constructor(
    private readonly registry: NetworkRegistry,
    private readonly prices: PricesService,
  ) {}

  of(organizationId: string): Posting {
    let posting = this.postings.get(organizationId);
    if (!posting) this.postings.set(organizationId, (posting = { organizationId, transfers: [], events: [] }));
    return posting;
  }

  event(network: Network, deposit: WalletTransaction, type: EventType): void {
    const decimals = this.registry.findAsset(network, deposit.asset)?.decimals ?? 0;
    const usdNow = this.prices.usd({ symbol: deposit.asset, decimals }, deposit.amount);
    this.of(deposit.organizationId).events!.push({ type, data: transactionEventData(deposit, decimals, usdNow) });
  }

  all(): Posting[] {
    return [...this.postings.values()];
  }
}

export interface SyncResult {
  skipped?: boolean;
  /** The pass failed: what the network shows as its `last_error`. */
  failed?: RpcErrorClass;
  scannedTo?: bigint;
  deposits?: number;
}

/**
 * The deposit pipeline of one network, one job per network, whatever its chain family (the family's adapter behind
 * `ChainWatcher` reads the blocks): reorg check, block scan for payments to our receive addresses (native transfers
 * and token logs on EVM, outputs on Bitcoin), AML screening, pending credit, then confirmations up to the network's
 * threshold (posted credit). Each tick is one database transaction holding a per-network advisory lock, so any
 * number of replicas is safe and a crash at any point leaves either the whole tick or none of it. Its ledger changes
 * and events are one posting per organization, written at the end of the tick.
 */
@Injectable()
export class ChainSyncService implements OnModuleInit {
  private readonly logger = new Logger('ChainSync');
  /** Networks whose genesis this process has compared with the stored one (at the first tick, and after reorgs). */
  private readonly genesisChecked = new Set<string>();

  constructor(
    private readonly transactions: Transactions,
    private readonly cursors: ChainCursorsRepository,
    private readonly deposits: DepositsRepository,
    private readonly addresses: AddressesRepository,
    private readonly sweeps: SweepsRepository,
    private readonly utxos: UtxosRepository,
    private readonly withdrawals: WithdrawalsRepository,
    private readonly clients: ChainClients,
    private readonly registry: NetworkRegistry,
    private readonly ledger: LedgerService,
    private readonly jobs: JobScheduler,
    private readonly config: AppConfig,
    @Inject(AML_SCREENER) private readonly aml: AmlScreener,
    private readonly prices: PricesService,
  ) {}

  onModuleInit(): void {
    for (const watcher of this.clients.watchers()) {
      this.jobs.every(`chain-sync:${watcher.network.key}`, this.config.jobsPollIntervalMs, () =>
        this.syncOrRecord(watcher),
      );
    }
  }

  /** One tick for one network (tests and the job call this). */
  async sync(client: ChainWatcher): Promise<SyncResult> {
    const network = client.network;
    return this.transactions.run(async (m) => {
      if (!(await this.transactions.tryLock(m, `chain-sync:${network.key}`))) return { skipped: true };
      const changes = new Changes(this.registry, this.prices);
      const cursor = (await this.cursors.lockCursor(m, network.key)) as ChainCursor & { indexedHeight: bigint | null };
      const head = await client.head();
      if (!this.genesisChecked.has(network.key) || !cursor.genesisHash) {
        await this.checkGenesis(m, client, cursor, changes);
        this.genesisChecked.add(network.key);
      }
      if (cursor.indexedHeight === null) {
        // First sight of this chain: start at its head, never at genesis (a mainnet history is not ours to scan).
        const [block] = (await client.scan(head, head)).blocks;
        await this.cursors.acceptBlocks(m, network.key, [block]);
        cursor.indexedHeight = head;
        cursor.indexedHash = block.hash;
      } else {
        await this.handleReorg(m, client, cursor, head, changes);
      }
      const deposits = await this.scan(m, client, cursor, head, changes);
      await this.advanceConfirmations(m, network, cursor.indexedHeight, changes);
      await this.ledger.commitAllWithin(m, changes.all());
      cursor.headHeight = head;
      cursor.lastSyncedAt = new Date();
      cursor.lastError = null;
      await this.cursors.saveCursor(m, cursor);
      await this.cursors.forgetBlocksBelow(m, network.key, cursor.indexedHeight - REORG_WINDOW);
      return { scannedTo: cursor.indexedHeight, deposits };
    });
  }

  /** The node must serve the configured chain; a new genesis means the chain was replaced (devnet without state). */
  private async checkGenesis(
    m: EntityManager,
    client: ChainWatcher,
    cursor: ChainCursor,
    changes: Changes,
  ): Promise<void> {
    const network = client.network;
    const genesis = await client.blockHash(0n);
    if (!cursor.genesisHash) {
      await client.checkChain();
      cursor.genesisHash = genesis ?? null;
    } else if (genesis && genesis !== cursor.genesisHash) {
      await this.onChainReset(m, network, cursor, genesis, changes);
    }
  }

  /**
   * A failed pass is recorded as a class of error only, the one GET /v1/networks shows to every tenant: the node's
   * message quotes the RPC URL, which may carry a provider key or credentials. The log has the detail, URLs redacted.
   */
  private async syncOrRecord(client: ChainWatcher): Promise<SyncResult> {
    try {
      return await this.sync(client);
    } catch (e) {
      const failed = classifyRpcError(e);
      this.logger.error(
        { network: client.network.key, error_class: failed, detail: describeRpcError(e) },
        `sync of ${client.network.key} failed: ${failed}`,
      );
      await this.cursors.recordError(client.network.key, failed).catch(() => undefined);
      return { failed };
    }
  }

  private async scan(
    m: EntityManager,
    client: ChainWatcher,
    cursor: ChainCursor,
    head: bigint,
    changes: Changes,
  ): Promise<number> {
    const network = client.network;
    const from = cursor.indexedHeight! + 1n;
    const to = head < cursor.indexedHeight! + MAX_BLOCKS_PER_TICK ? head : cursor.indexedHeight! + MAX_BLOCKS_PER_TICK;
    if (from > to) return 0;
    const { blocks, payments, spends = [] } = await client.scan(from, to);
    // Accept the longest run that continues our chain; a break means a reorg at the tip, handled next tick.
    const accepted: typeof blocks = [];
    let previous = cursor.indexedHash;
    for (const block of blocks) {
      if (block.parentHash !== previous) break;
      accepted.push(block);
      previous = block.hash;
    }
    if (accepted.length === 0) return 0;
    const last = accepted[accepted.length - 1];
    const hashes = new Map(accepted.map((b) => [b.number, b.hash]));
    const onChain = payments.filter((p) => hashes.get(p.blockNumber) === p.blockHash);
    // Which recipients of these blocks are our receive addresses: looked up in the database, one query per pass.
    const owners = await this.addresses.ownersOf(
      network.key,
      onChain.map((p) => p.to),
    );
    const ours = onChain.filter((p) => owners.has(p.to));
    // Gas top-ups of our own sweeps are not deposits.
    const topups = await this.sweeps.topUps(
      m,
      ours.map((p) => p.txHash),
    );
    const settled = await client.settle(ours.filter((p) => !topups.has(p.txHash)));
    settled.sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.index - b.index : a.blockNumber < b.blockNumber ? -1 : 1,
    );
    for (const p of settled) await this.recordDeposit(m, network, p, owners.get(p.to)!, changes);
    // On a UTXO chain, our outputs that these blocks spend (recorded just above, or before) are spent.
    await this.utxos.markSpent(
      m,
      network.key,
      spends.filter((s) => hashes.get(s.blockNumber) === s.blockHash),
    );
    await this.cursors.acceptBlocks(m, network.key, accepted);
    cursor.indexedHeight = last.number;
    cursor.indexedHash = last.hash;
    return settled.length;
  }

  /**
   * Records a deposit once (unique network + tx hash + log index), screens the sender, and books a pending credit.
   * A deposit that was reorged out and shows up again in a new block is the same deposit: it is revived.
   */
  private async recordDeposit(
    m: EntityManager,
    network: Network,
    c: SettledPayment,
    owner: Owner,
    changes: Changes,
  ): Promise<void> {
    const verdict = await this.aml.screen({
      network,
      senders: c.senders,
      recipient: c.to,
      asset: c.asset,
      amount: c.amount,
    });
    const denied = verdict === 'deny';
    const status = denied ? 'quarantined' : 'detected';
    const ledgerTransferId = denied ? null : randomUUID();
    let deposit = await this.deposits.insertNew(
      m,
      Object.assign(new WalletTransaction(), {
        id: randomUUID(),
        organizationId: owner.organizationId,
        walletId: owner.walletId,
        direction: 'incoming',
        status,
        network: network.key,
        chain: network.chain,
        asset: c.asset,
        amount: c.amount,
        txHash: c.txHash,
        logIndex: c.index,
        blockNumber: c.blockNumber,
        blockHash: c.blockHash,
        fromAddress: c.from,
        toAddress: c.to,
        requiredConfirmations: network.confirmations,
        amlResult: verdict,
        ledgerTransferId,
      }),
    );
    if (!deposit) {
      const existing = await this.deposits.findForUpdate(m, network.key, c.txHash, c.index);
      if (!existing || existing.status !== 'failed' || existing.failureReason !== 'reorged') return;
      deposit = Object.assign(existing, {
        status,
        failureReason: null,
        blockNumber: c.blockNumber,
        blockHash: c.blockHash,
        confirmations: 0,
        amlResult: verdict,
        ledgerTransferId,
        updatedAt: new Date(),
      });
      await this.deposits.update(m, deposit);
      this.logger.log(`deposit ${deposit.id} re-mined in block ${c.blockNumber} of ${network.key}`);
    }
    if (c.script !== undefined) {
      // A UTXO chain: the output itself is recorded, spendable later, whatever AML said of the deposit.
      await this.utxos.record(m, {
        network: network.key,
        txid: c.txHash,
        vout: c.index,
        organizationId: deposit.organizationId,
        walletId: deposit.walletId,
        address: c.to,
        script: c.script,
        value: c.amount,
        blockNumber: c.blockNumber,
        blockHash: c.blockHash,
      });
    }
    if (ledgerTransferId) {
      changes.of(deposit.organizationId).transfers.push({
        phase: 'pending',
        id: ledgerTransferId,
        debit: { kind: 'external', network: network.key, asset: deposit.asset },
        credit: { kind: 'wallet', walletId: deposit.walletId, network: network.key, asset: deposit.asset },
        amount: deposit.amount,
        reference: `deposit:${deposit.id}`,
      });
    }
    changes.event(network, deposit, 'wallet.incoming_transaction');
    if (denied) changes.event(network, deposit, 'wallet_transaction.quarantined');
  }

  /** detected -> confirming -> confirmed (credit posted) as blocks pile up on the indexed chain. */
  private async advanceConfirmations(
    m: EntityManager,
    network: Network,
    indexed: bigint,
    changes: Changes,
  ): Promise<void> {
    for (const deposit of await this.deposits.openForUpdate(m, network.key)) {
      const confirmations = Number(indexed - deposit.blockNumber! + 1n);
      if (confirmations < 1 || confirmations === deposit.confirmations) continue;
      deposit.confirmations = confirmations;
      deposit.updatedAt = new Date();
      let type: EventType | undefined;
      if (confirmations >= deposit.requiredConfirmations) {
        changes
          .of(deposit.organizationId)
          .transfers.push({ phase: 'post_pending', pendingId: deposit.ledgerTransferId! });
        deposit.status = 'confirmed';
        deposit.confirmedAt = deposit.updatedAt;
        // The USD rate at confirmation stays on the deposit, for accounting.
        const decimals = this.registry.findAsset(network, deposit.asset)?.decimals ?? 0;
        Object.assign(deposit, this.prices.fix({ symbol: deposit.asset, decimals }, deposit.amount));
        type = 'wallet_transaction.confirmed';
        // Its organization's sends waiting for funds are looked at again now (a spendable output, or a sweep to come).
        await this.withdrawals.wake(m, network.key, deposit.organizationId);
      } else if (deposit.status === 'detected') {
        deposit.status = 'confirming';
        type = 'wallet_transaction.confirming';
      }
      await this.deposits.update(m, deposit);
      if (type) changes.event(network, deposit, type);
    }
  }

  /**
   * If the block we indexed last is no longer on the node's chain, walk back to the common ancestor: deposits only
   * in orphaned blocks lose their pending credit and fail with reason `reorged`; blocks after the ancestor are
   * scanned again (a deposit re-mined there is revived).
   */
  private async handleReorg(
    m: EntityManager,
    client: ChainWatcher,
    cursor: ChainCursor,
    head: bigint,
    changes: Changes,
  ): Promise<void> {
    const network = client.network;
    const indexed = cursor.indexedHeight!;
    if (head >= indexed && (await client.blockHash(indexed)) === cursor.indexedHash) return;
    const stored = await this.cursors.blockHashes(m, network.key);
    let ancestor = head < indexed ? head : indexed - 1n;
    let ancestorHash: string | undefined;
    while (ancestor >= 0n && stored.has(ancestor)) {
      const hash = await client.blockHash(ancestor);
      if (hash === stored.get(ancestor)) {
        ancestorHash = hash;
        break;
      }
      ancestor--;
    }
    if (!ancestorHash) {
      // Deeper than the window we keep: restart from the node's current view of that height.
      this.logger.error(`reorg on ${network.key} deeper than ${REORG_WINDOW} blocks; resuming from block ${ancestor}`);
      ancestor = ancestor < 0n ? 0n : ancestor;
      ancestorHash = (await client.blockHash(ancestor)) ?? undefined;
      if (!ancestorHash) throw new Error(`cannot read block ${ancestor} of ${network.key}`);
    }
    this.logger.warn(`reorg on ${network.key}: indexed block ${indexed} is gone; common ancestor ${ancestor}`);
    this.genesisChecked.delete(network.key); // a rollback this deep may be a replaced chain: look again next tick
    await this.failDepositsAfter(m, network, ancestor, 'reorged', changes);
    await this.utxos.orphanAbove(m, network.key, ancestor);
    await this.utxos.unspendAbove(m, network.key, ancestor);
    await this.cursors.forgetBlocksAbove(m, network.key, ancestor);
    cursor.indexedHeight = ancestor;
    cursor.indexedHash = ancestorHash;
  }

  /** The node now serves a different chain (a devnet restarted without its state): start over at its head. */
  private async onChainReset(
    m: EntityManager,
    network: Network,
    cursor: ChainCursor,
    genesis: string,
    changes: Changes,
  ): Promise<void> {
    this.logger.warn(
      `${network.key}: the node's chain was replaced (genesis ${cursor.genesisHash} -> ${genesis}). ` +
        'Deposits still confirming there fail with reason chain_reset; credits already confirmed stay in the ledger, ' +
        'but the funds they came with are gone from the new chain. Scanning restarts at its head.',
    );
    await this.failDepositsAfter(m, network, -1n, 'chain_reset', changes);
    await this.utxos.orphanAbove(m, network.key, -1n);
    await this.cursors.forgetBlocksAbove(m, network.key);
    cursor.genesisHash = genesis;
    cursor.indexedHeight = null;
    cursor.indexedHash = null;
    cursor.resetAt = new Date();
  }

  private async failDepositsAfter(
    m: EntityManager,
    network: Network,
    height: bigint,
    reason: 'reorged' | 'chain_reset',
    changes: Changes,
  ): Promise<void> {
    for (const deposit of await this.deposits.aboveForUpdate(m, network.key, height)) {
      if (deposit.status === 'confirmed') {
        this.logger.error(
          `confirmed deposit ${deposit.id} (${deposit.txHash}) left the canonical chain of ${network.key} (${reason}); its credit stays posted`,
        );
        continue;
      }
      if (deposit.status !== 'detected' && deposit.status !== 'confirming' && deposit.status !== 'quarantined')
        continue;
      if (deposit.ledgerTransferId && deposit.status !== 'quarantined') {
        changes
          .of(deposit.organizationId)
          .transfers.push({ phase: 'void_pending', pendingId: deposit.ledgerTransferId });
      }
      Object.assign(deposit, {
        status: 'failed',
        failureReason: reason,
        ledgerTransferId: null,
        blockNumber: null,
        blockHash: null,
        confirmations: 0,
        updatedAt: new Date(),
      });
      await this.deposits.update(m, deposit);
      changes.event(network, deposit, 'wallet_transaction.failed');
    }
  }
}
