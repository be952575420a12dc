import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Address } from 'viem';
import { DataSource, EntityManager } from 'typeorm';
import { ChainClients, EvmClient, Network, NetworkRegistry } from '@app/chains';
import { JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import { ChainCursor, ScannedBlock, WalletTransaction } from '@app/db';
import { EventsService, EventType } from '@app/events';
import { LedgerService, transactionEventData } from '@app/ledger';
import { AML_SCREENER, AmlScreener } from './aml';

/** Blocks scanned per tick at most, so one tick stays short even after a long downtime. */
const MAX_BLOCKS_PER_TICK = 200n;
/** Recent blocks kept to find the common ancestor of a reorg. */
const REORG_WINDOW = 512n;
const FETCH_CONCURRENCY = 25;

interface Owner {
  organizationId: string;
  walletId: string;
}

/** Our receive addresses on one network, loaded incrementally. */
interface WatchSet {
  owners: Map<string, Owner>;
  /** created_at of the newest address seen; the next load re-reads a margin before it. */
  seenUntil: Date | null;
}

interface Candidate {
  owner: Owner;
  txHash: string;
  logIndex: number;
  blockNumber: bigint;
  blockHash: string;
  from: string;
  to: string;
  asset: string;
  amount: bigint;
}

export interface SyncResult {
  skipped?: boolean;
  scannedTo?: bigint;
  deposits?: number;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return out;
}

/**
 * The deposit pipeline of one EVM network, one job per network: reorg check, block scan for native transfers and
 * ERC-20 `Transfer` logs to our addresses, AML screening, pending credit, then confirmations up to the network's
 * threshold (posted credit). Each tick is one database transaction holding a per-network advisory lock, so any
 * number of replicas is safe and a crash at any point leaves either the whole tick or none of it.
 */
@Injectable()
export class ChainSyncService implements OnModuleInit {
  private readonly logger = new Logger('ChainSync');
  private readonly watch = new Map<string, WatchSet>();
  /** Networks whose genesis this process has compared with the stored one (at the first tick, and after reorgs). */
  private readonly genesisChecked = new Set<string>();
  /** Events of an open sync transaction, written together at its end (keyed by the transaction's manager). */
  private readonly outbox = new WeakMap<EntityManager, Array<{ organizationId: string; type: EventType; data: Record<string, unknown> }>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: ChainClients,
    private readonly registry: NetworkRegistry,
    private readonly ledger: LedgerService,
    private readonly events: EventsService,
    private readonly jobs: JobScheduler,
    private readonly config: AppConfig,
    @Inject(AML_SCREENER) private readonly aml: AmlScreener,
  ) {}

  onModuleInit(): void {
    for (const client of this.clients.all()) {
      this.jobs.every(`chain-sync:${client.network.key}`, this.config.jobsPollIntervalMs, () => this.syncOrRecord(client));
    }
  }

  /** One tick for one network (tests and the job call this). */
  async sync(client: EvmClient): Promise<SyncResult> {
    const network = client.network;
    return this.db.transaction(async (m) => {
      const [{ locked }] = await m.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [`chain-sync:${network.key}`]);
      if (!locked) return { skipped: true };
      const cursor = await this.lockCursor(m, network);
      const head = await client.head();
      if (!this.genesisChecked.has(network.key) || !cursor.genesisHash) {
        await this.checkGenesis(m, client, cursor);
        this.genesisChecked.add(network.key);
      }
      if (cursor.indexedHeight === null) {
        // First sight of this chain: start at its head, never at genesis (a mainnet history is not ours to scan).
        const block = await client.block(head);
        await this.acceptBlocks(m, network, [block]);
        cursor.indexedHeight = head;
        cursor.indexedHash = block.hash;
      } else {
        await this.handleReorg(m, client, cursor, head);
      }
      const deposits = await this.scan(m, client, cursor, head);
      await this.advanceConfirmations(m, network, cursor.indexedHeight);
      cursor.headHeight = head;
      cursor.lastSyncedAt = new Date();
      cursor.lastError = null;
      await m.save(cursor);
      await m.query('DELETE FROM scanned_blocks WHERE network = $1 AND height < $2', [network.key, (cursor.indexedHeight - REORG_WINDOW).toString()]);
      await this.flush(m);
      return { scannedTo: cursor.indexedHeight, deposits };
    });
  }

  /** The node must serve the configured chain; a new genesis means the chain was replaced (devnet without state). */
  private async checkGenesis(m: EntityManager, client: EvmClient, cursor: ChainCursor): Promise<void> {
    const network = client.network;
    const genesis = await client.blockHash(0n);
    if (!cursor.genesisHash) {
      const chainId = await client.chainId();
      if (network.chainId !== undefined && chainId !== network.chainId) {
        throw new Error(`the RPC node of ${network.key} serves chain id ${chainId}, expected ${network.chainId}: refusing to scan`);
      }
      cursor.genesisHash = genesis ?? null;
    } else if (genesis && genesis !== cursor.genesisHash) {
      await this.onChainReset(m, network, cursor, genesis);
    }
  }

  private async syncOrRecord(client: EvmClient): Promise<SyncResult> {
    try {
      return await this.sync(client);
    } catch (e) {
      const message = e instanceof Error ? e.message : 'sync failed';
      await this.db
        .query(
          `INSERT INTO chain_cursors (network, last_error) VALUES ($1, $2) ON CONFLICT (network) DO UPDATE SET last_error = $2, updated_at = now()`,
          [client.network.key, message.slice(0, 500)],
        )
        .catch(() => undefined);
      throw e;
    }
  }

  private async lockCursor(m: EntityManager, network: Network): Promise<ChainCursor & { indexedHeight: bigint | null }> {
    await m.query('INSERT INTO chain_cursors (network) VALUES ($1) ON CONFLICT (network) DO NOTHING', [network.key]);
    return m.findOneOrFail(ChainCursor, { where: { network: network.key }, lock: { mode: 'pessimistic_write' } });
  }

  private async scan(m: EntityManager, client: EvmClient, cursor: ChainCursor, head: bigint): Promise<number> {
    const network = client.network;
    const from = cursor.indexedHeight! + 1n;
    const to = head < cursor.indexedHeight! + MAX_BLOCKS_PER_TICK ? head : cursor.indexedHeight! + MAX_BLOCKS_PER_TICK;
    if (from > to) return 0;
    const heights: bigint[] = [];
    for (let h = from; h <= to; h++) heights.push(h);
    const blocks = await mapLimit(heights, FETCH_CONCURRENCY, (h) => client.block(h));
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
    const watch = await this.watchSet(m, network);

    const candidates: Candidate[] = [];
    const native = network.assets.find((a) => a.native);
    for (const block of accepted) {
      for (const tx of block.transfers) {
        const owner = watch.owners.get(tx.to);
        if (owner && native) {
          candidates.push({ owner, txHash: tx.hash, logIndex: -1, blockNumber: block.number, blockHash: block.hash, from: tx.from, to: tx.to, asset: native.symbol, amount: tx.value });
        }
      }
    }
    // Gas top-ups of our own sweeps are not deposits.
    const topups = candidates.length
      ? new Set(
          (await m.query<Array<{ h: string }>>('SELECT topup_tx_hash AS h FROM sweeps WHERE topup_tx_hash = ANY($1)', [candidates.map((c) => c.txHash)])).map((r) => r.h),
        )
      : new Set<string>();
    // A native transfer inside a reverted transaction moved nothing.
    const external = candidates.filter((c) => !topups.has(c.txHash));
    const ok = await mapLimit(external, FETCH_CONCURRENCY, (c) => client.succeeded(c.txHash as `0x${string}`));
    const nativeDeposits = external.filter((_, i) => ok[i]);

    const tokens = network.assets.filter((a) => !a.native && a.contract);
    const bySymbol = new Map(tokens.map((a) => [a.contract!.toLowerCase(), a.symbol]));
    const logs = await client.tokenTransfers(from, last.number, tokens.map((a) => a.contract as Address));
    const tokenDeposits: Candidate[] = [];
    for (const log of logs) {
      const owner = watch.owners.get(log.to);
      if (!owner || hashes.get(log.blockNumber) !== log.blockHash) continue;
      tokenDeposits.push({
        owner,
        txHash: log.txHash,
        logIndex: log.logIndex,
        blockNumber: log.blockNumber,
        blockHash: log.blockHash,
        from: log.from,
        to: log.to,
        asset: bySymbol.get(log.token.toLowerCase())!,
        amount: log.value,
      });
    }
    const all = [...nativeDeposits, ...tokenDeposits].sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
    for (const c of all) await this.recordDeposit(m, network, c);
    await this.acceptBlocks(m, network, accepted);
    cursor.indexedHeight = last.number;
    cursor.indexedHash = last.hash;
    return all.length;
  }

  private async acceptBlocks(m: EntityManager, network: Network, blocks: Array<{ number: bigint; hash: string; parentHash: string }>): Promise<void> {
    if (!blocks.length) return;
    await m
      .createQueryBuilder()
      .insert()
      .into(ScannedBlock)
      .values(blocks.map((b) => ({ network: network.key, height: b.number, hash: b.hash, parentHash: b.parentHash })))
      .orUpdate(['hash', 'parent_hash'], ['network', 'height'])
      .execute();
  }

  /**
   * Records a deposit once (unique network + tx hash + log index), screens the sender, and books a pending credit.
   * A deposit that was reorged out and shows up again in a new block is the same deposit: it is revived.
   * A new deposit is one INSERT (already screened, its hold id chosen) plus one ledger statement.
   */
  private async recordDeposit(m: EntityManager, network: Network, c: Candidate): Promise<void> {
    const verdict = await this.aml.screen({ network, senders: [c.from], recipient: c.to, asset: c.asset, amount: c.amount });
    const denied = verdict === 'deny';
    const status = denied ? 'quarantined' : 'detected';
    const ledgerId = denied ? null : randomUUID();
    const id = randomUUID();
    const inserted = await m.query<Array<{ created_at: Date; updated_at: Date }>>(
      `INSERT INTO wallet_transactions (id, organization_id, wallet_id, direction, status, network, chain, asset, amount, tx_hash, log_index,
         block_number, block_hash, from_address, to_address, confirmations, required_confirmations, aml_result, ledger_transfer_id)
       VALUES ($1, $2, $3, 'incoming', $15, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $16, $17)
       ON CONFLICT (network, tx_hash, log_index) WHERE direction = 'incoming' DO NOTHING RETURNING created_at, updated_at`,
      [id, c.owner.organizationId, c.owner.walletId, network.key, network.chain, c.asset, c.amount.toString(), c.txHash, c.logIndex,
        c.blockNumber.toString(), c.blockHash, c.from, c.to, network.confirmations, status, verdict, ledgerId],
    );
    let deposit: WalletTransaction;
    if (inserted.length) {
      deposit = m.create(WalletTransaction, {
        id,
        organizationId: c.owner.organizationId,
        walletId: c.owner.walletId,
        direction: 'incoming',
        status,
        network: network.key,
        chain: network.chain,
        asset: c.asset,
        amount: c.amount,
        txHash: c.txHash,
        logIndex: c.logIndex,
        blockNumber: c.blockNumber,
        blockHash: c.blockHash,
        fromAddress: c.from,
        toAddress: c.to,
        confirmations: 0,
        requiredConfirmations: network.confirmations,
        amlResult: verdict,
        ledgerTransferId: ledgerId,
        failureReason: null,
        confirmedAt: null,
        createdAt: inserted[0].created_at,
        updatedAt: inserted[0].updated_at,
      });
    } else {
      const existing = await m.findOne(WalletTransaction, {
        where: { network: network.key, txHash: c.txHash, logIndex: c.logIndex, direction: 'incoming' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!existing || existing.status !== 'failed' || existing.failureReason !== 'reorged') return;
      Object.assign(existing, { status, failureReason: null, blockNumber: c.blockNumber, blockHash: c.blockHash, confirmations: 0, amlResult: verdict, ledgerTransferId: ledgerId });
      deposit = await m.save(existing);
      this.logger.log(`deposit ${deposit.id} re-mined in block ${c.blockNumber} of ${network.key}`);
    }
    if (ledgerId) {
      await this.ledger.pending(m, {
        id: ledgerId,
        debit: { organizationId: deposit.organizationId, kind: 'external', network: network.key, asset: deposit.asset },
        credit: { organizationId: deposit.organizationId, kind: 'wallet', walletId: deposit.walletId, network: network.key, asset: deposit.asset },
        amount: deposit.amount,
        reference: `deposit:${deposit.id}`,
      });
    }
    this.emit(m, network, deposit, 'wallet.incoming_transaction');
    if (denied) this.emit(m, network, deposit, 'wallet_transaction.quarantined');
  }

  /** detected -> confirming -> confirmed (credit posted) as blocks pile up on the indexed chain. */
  private async advanceConfirmations(m: EntityManager, network: Network, indexed: bigint): Promise<void> {
    const open = await m
      .createQueryBuilder(WalletTransaction, 't')
      .where(`t.network = :network AND t.direction = 'incoming' AND t.status IN ('detected', 'confirming') AND t.block_number IS NOT NULL`, { network: network.key })
      .setLock('pessimistic_write')
      .getMany();
    for (const deposit of open) {
      const confirmations = Number(indexed - deposit.blockNumber! + 1n);
      if (confirmations < 1 || confirmations === deposit.confirmations) continue;
      deposit.confirmations = confirmations;
      deposit.updatedAt = new Date();
      let type: EventType | undefined;
      if (confirmations >= deposit.requiredConfirmations) {
        await this.ledger.post(m, deposit.ledgerTransferId!);
        deposit.status = 'confirmed';
        deposit.confirmedAt = deposit.updatedAt;
        type = 'wallet_transaction.confirmed';
      } else if (deposit.status === 'detected') {
        deposit.status = 'confirming';
        type = 'wallet_transaction.confirming';
      }
      // The columns this step changes, not a read-then-write save.
      await m.update(WalletTransaction, { id: deposit.id }, { confirmations, status: deposit.status, confirmedAt: deposit.confirmedAt, updatedAt: deposit.updatedAt });
      if (type) this.emit(m, network, deposit, type);
    }
  }

  /**
   * If the block we indexed last is no longer on the node's chain, walk back to the common ancestor: deposits only
   * in orphaned blocks lose their pending credit and fail with reason `reorged`; blocks after the ancestor are
   * scanned again (a deposit re-mined there is revived).
   */
  private async handleReorg(m: EntityManager, client: EvmClient, cursor: ChainCursor, head: bigint): Promise<void> {
    const network = client.network;
    const indexed = cursor.indexedHeight!;
    if (head >= indexed && (await client.blockHash(indexed)) === cursor.indexedHash) return;
    const stored = new Map<bigint, string>(
      (await m.find(ScannedBlock, { where: { network: network.key } })).map((b) => [b.height, b.hash]),
    );
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
    await this.failDepositsAfter(m, network, ancestor, 'reorged');
    await m.query('DELETE FROM scanned_blocks WHERE network = $1 AND height > $2', [network.key, ancestor.toString()]);
    cursor.indexedHeight = ancestor;
    cursor.indexedHash = ancestorHash;
  }

  /** The node now serves a different chain (a devnet restarted without its state): start over at its head. */
  private async onChainReset(m: EntityManager, network: Network, cursor: ChainCursor, genesis: string): Promise<void> {
    this.logger.warn(
      `${network.key}: the node's chain was replaced (genesis ${cursor.genesisHash} -> ${genesis}). ` +
        'Deposits still confirming there fail with reason chain_reset; credits already confirmed stay in the ledger, ' +
        'but the funds they came with are gone from the new chain. Scanning restarts at its head.',
    );
    await this.failDepositsAfter(m, network, -1n, 'chain_reset');
    await m.query('DELETE FROM scanned_blocks WHERE network = $1', [network.key]);
    cursor.genesisHash = genesis;
    cursor.indexedHeight = null;
    cursor.indexedHash = null;
    cursor.resetAt = new Date();
  }

  private async failDepositsAfter(m: EntityManager, network: Network, height: bigint, reason: 'reorged' | 'chain_reset'): Promise<void> {
    const orphaned = await m
      .createQueryBuilder(WalletTransaction, 't')
      .where(`t.network = :network AND t.direction = 'incoming' AND t.block_number > :height`, { network: network.key, height: height.toString() })
      .setLock('pessimistic_write')
      .getMany();
    for (const deposit of orphaned) {
      if (deposit.status === 'confirmed') {
        this.logger.error(`confirmed deposit ${deposit.id} (${deposit.txHash}) left the canonical chain of ${network.key} (${reason}); its credit stays posted`);
        continue;
      }
      if (deposit.status !== 'detected' && deposit.status !== 'confirming' && deposit.status !== 'quarantined') continue;
      if (deposit.ledgerTransferId && deposit.status !== 'quarantined') await this.ledger.void(m, deposit.ledgerTransferId);
      deposit.status = 'failed';
      deposit.failureReason = reason;
      deposit.ledgerTransferId = null;
      deposit.blockNumber = null;
      deposit.blockHash = null;
      deposit.confirmations = 0;
      await m.save(deposit);
      this.emit(m, network, deposit, 'wallet_transaction.failed');
    }
  }

  private async watchSet(m: EntityManager, network: Network): Promise<WatchSet> {
    let watch = this.watch.get(network.key);
    if (!watch) {
      watch = { owners: new Map(), seenUntil: null };
      this.watch.set(network.key, watch);
    }
    // Re-read a margin before the newest address seen: a transaction that committed late is not missed.
    const since = watch.seenUntil ? new Date(watch.seenUntil.getTime() - 60_000) : new Date(0);
    const rows = await m.query<Array<{ organization_id: string; wallet_id: string; address: string; created_at: Date }>>(
      'SELECT organization_id, wallet_id, address, created_at FROM addresses WHERE network = $1 AND created_at >= $2',
      [network.key, since],
    );
    for (const r of rows) {
      watch.owners.set(r.address, { organizationId: r.organization_id, walletId: r.wallet_id });
      if (!watch.seenUntil || r.created_at > watch.seenUntil) watch.seenUntil = r.created_at;
    }
    return watch;
  }

  /** Buffers an event of this sync's transaction; `flush` writes them all, in order, before it commits. */
  private emit(m: EntityManager, network: Network, deposit: WalletTransaction, type: EventType): void {
    const decimals = this.registry.findAsset(network, deposit.asset)?.decimals ?? 0;
    let buffered = this.outbox.get(m);
    if (!buffered) this.outbox.set(m, (buffered = []));
    buffered.push({ organizationId: deposit.organizationId, type, data: transactionEventData(deposit, decimals) });
  }

  /** One events statement per organization (a burst of 1,000 deposits is not 1,000 round trips). */
  private async flush(m: EntityManager): Promise<void> {
    const buffered = this.outbox.get(m) ?? [];
    this.outbox.delete(m);
    const byOrganization = new Map<string, Array<{ type: EventType; data: Record<string, unknown> }>>();
    for (const e of buffered) {
      let list = byOrganization.get(e.organizationId);
      if (!list) byOrganization.set(e.organizationId, (list = []));
      list.push({ type: e.type, data: e.data });
    }
    for (const [organizationId, items] of byOrganization) await this.events.recordMany(m, organizationId, items);
  }
}
