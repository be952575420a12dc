import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Address, Hash, Hex } from 'viem';
import { DataSource, EntityManager, In } from 'typeorm';
import { Asset, ChainClients, EvmClient, GAS_FAUCET, GasFaucet, KeyringService, Network, NetworkRegistry, signEvmTransaction } from '@app/chains';
import { FaultInjector, JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import { OrganizationsRepository, WalletTransaction } from '@app/db';
import { EventsService, EventType } from '@app/events';
import { LedgerService, transactionEventData } from '@app/ledger';
import { NonceManager } from './nonce-manager';
import { TRANSFER_JOB_PREFIX } from './transfers.service';

/** Gas ceiling assumed per in-flight transaction when budgeting the master's native balance. */
const INFLIGHT_GAS = 100_000n;
/** A broadcast transaction the node does not know after this long is broadcast again (dropped from a mempool). */
const REBROADCAST_AFTER_MS = 30_000;

/**
 * The on-chain half of withdrawals, one job per EVM network:
 *  1. sign: queued withdrawals of each organization leave from its master address (index 0). Funds and gas are
 *     checked first; short means `waiting_for_funds` (sweeps fill the master), not failure. The nonce comes from
 *     the nonce manager; the signed transaction is stored (sub-status `signed`) before anything is broadcast.
 *  2. broadcast the stored transactions; a crash before or after that rebroadcasts the same bytes (same hash), so
 *     each withdrawal is sent exactly once. `wallet.outgoing_transaction` fires.
 *  3. track receipts: `confirming`, then `confirmed` at the required confirmations with the hold posted, or
 *     `failed` (reverted) with the hold voided. The network fee is booked to the organization's fee account.
 */
@Injectable()
export class TransferProcessor implements OnModuleInit {
  private readonly logger = new Logger('Transfers');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: ChainClients,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
    private readonly organizations: OrganizationsRepository,
    private readonly ledger: LedgerService,
    private readonly events: EventsService,
    private readonly nonces: NonceManager,
    private readonly jobs: JobScheduler,
    private readonly faults: FaultInjector,
    private readonly config: AppConfig,
    @Optional() @Inject(GAS_FAUCET) private readonly faucet?: GasFaucet,
  ) {}

  onModuleInit(): void {
    for (const client of this.clients.all()) {
      this.jobs.every(`${TRANSFER_JOB_PREFIX}${client.network.key}`, this.config.jobsPollIntervalMs, () => this.tick(client));
    }
  }

  async tick(client: EvmClient): Promise<void> {
    await this.signQueued(client);
    await this.broadcastSigned(client);
    await this.track(client);
  }

  /** The master (hot) address of an organization on a network: index 0 of its account. */
  async masterOf(organizationId: string, network: Network): Promise<{ address: Address; account: number }> {
    const account = await this.organizations.accountIndex(organizationId);
    return { address: this.keyring.address(network, account, 0) as Address, account };
  }

  private async signQueued(client: EvmClient): Promise<void> {
    const network = client.network;
    await this.db.transaction(async (m) => {
      const [{ locked }] = await m.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [`transfers-sign:${network.key}`]);
      if (!locked) return;
      const queue = await m
        .createQueryBuilder(WalletTransaction, 't')
        .where(`t.network = :network AND t.direction = 'outgoing' AND t.status = 'pending' AND t.sub_status IN ('queued', 'waiting_for_funds')`, { network: network.key })
        .orderBy('t.created_at', 'ASC')
        .addOrderBy('t.batch_index', 'ASC')
        .limit(50)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (queue.length === 0) return;
      const fees = await client.fees();
      const native = network.assets.find((a) => a.native)!;
      const budgets = new Map<string, bigint>();
      for (const tx of queue) {
        const asset = this.registry.findAsset(network, tx.asset)!;
        const { address: master, account } = await this.masterOf(tx.organizationId, network);
        await m.query(
          `INSERT INTO master_wallets (id, organization_id, chain, network, address, is_active) VALUES ($1, $2, $3, $4, $5, true)
           ON CONFLICT (organization_id, network) DO NOTHING`,
          [randomUUID(), tx.organizationId, network.chain, network.key, master],
        );
        let to: Address;
        let value: bigint;
        let data: Hex | undefined;
        let gas: bigint;
        if (asset.native) {
          [to, value, gas] = [tx.toAddress as Address, tx.amount, 21_000n];
        } else {
          const call = await client.tokenTransferGas(asset.contract as Address, master, tx.toAddress as Address, tx.amount);
          [to, value, data, gas] = [asset.contract as Address, 0n, call.data, call.gas];
        }
        const feeCap = gas * fees.maxFeePerGas;
        let gasBudget = await this.budget(m, client, budgets, master, native, fees.maxFeePerGas);
        if (gasBudget < feeCap && this.faucet) {
          await this.faucet.ensureGas(network, master, feeCap * 20n);
          budgets.delete(`${master}:${native.symbol}`);
          gasBudget = await this.budget(m, client, budgets, master, native, fees.maxFeePerGas);
        }
        const assetBudget = asset.native ? gasBudget - feeCap : await this.budget(m, client, budgets, master, asset, fees.maxFeePerGas);
        if (gasBudget < feeCap || assetBudget < tx.amount) {
          if (tx.subStatus !== 'waiting_for_funds') {
            tx.subStatus = 'waiting_for_funds';
            await m.save(tx);
            this.logger.log(`withdrawal ${tx.id} waits: master ${master} on ${network.key} is short of ${asset.native || gasBudget >= feeCap ? asset.symbol : native.symbol}`);
          }
          continue;
        }
        budgets.set(`${master}:${native.symbol}`, gasBudget - feeCap - (asset.native ? tx.amount : 0n));
        if (!asset.native) budgets.set(`${master}:${asset.symbol}`, assetBudget - tx.amount);
        const nonce = await this.nonces.next(m, client, master);
        const signed = await signEvmTransaction(this.keyring.privateKey(network, account, 0), {
          chainId: network.chainId!,
          nonce,
          to,
          value,
          data,
          gas,
          maxFeePerGas: fees.maxFeePerGas,
          maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
        });
        Object.assign(tx, { nonce, signedTx: signed.raw, txHash: signed.hash, fromAddress: master, subStatus: 'signed' });
        await m.save(tx);
      }
    });
    this.faults.check('transfer.after_sign');
  }

  /**
   * What the master can still spend of an asset: its on-chain balance minus withdrawals signed or broadcast but not
   * yet mined (and, for the native asset, a gas ceiling for each of them). Cached for one signing pass.
   */
  private async budget(m: EntityManager, client: EvmClient, cache: Map<string, bigint>, master: Address, asset: Asset, maxFeePerGas: bigint): Promise<bigint> {
    const key = `${master}:${asset.symbol}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const onChain = asset.native ? await client.nativeBalance(master) : await client.tokenBalance(asset.contract as Address, master);
    const [inflight] = await m.query<Array<{ amount: string | null; n: string }>>(
      `SELECT sum(amount) FILTER (WHERE asset = $3) AS amount, count(*) AS n FROM wallet_transactions
       WHERE network = $1 AND from_address = $2 AND direction = 'outgoing' AND (sub_status = 'signed' OR status = 'broadcast')`,
      [client.network.key, master, asset.symbol],
    );
    const reserved = BigInt(inflight.amount ?? '0') + (asset.native ? BigInt(inflight.n) * INFLIGHT_GAS * maxFeePerGas : 0n);
    const budget = onChain - reserved;
    cache.set(key, budget);
    return budget;
  }

  private async broadcastSigned(client: EvmClient): Promise<void> {
    const signed = await this.db.manager.find(WalletTransaction, {
      where: { network: client.network.key, direction: 'outgoing', status: 'pending', subStatus: 'signed' },
      order: { nonce: 'ASC' },
    });
    for (const tx of signed) {
      try {
        await client.sendRaw(tx.signedTx as Hex);
      } catch (e) {
        this.logger.warn(`broadcast of withdrawal ${tx.id} failed, will retry: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        continue;
      }
      this.faults.check('transfer.after_broadcast');
      await this.db.transaction(async (m) => {
        const row = await m.findOne(WalletTransaction, { where: { id: tx.id, subStatus: 'signed' }, lock: { mode: 'pessimistic_write' } });
        if (!row) return; // another replica marked it
        Object.assign(row, { status: 'broadcast', subStatus: null, broadcastAt: new Date() });
        await m.save(row);
        await this.emit(m, row, 'wallet.outgoing_transaction');
      });
    }
  }

  private async track(client: EvmClient): Promise<void> {
    const open = await this.db.manager.find(WalletTransaction, {
      where: { network: client.network.key, direction: 'outgoing', status: In(['broadcast', 'confirming']) },
      order: { createdAt: 'ASC' },
    });
    if (open.length === 0) return;
    const head = await client.head();
    for (const tx of open) {
      const receipt = await client.receipt(tx.txHash as Hash);
      if (!receipt) {
        if (tx.status === 'confirming' || Date.now() - (tx.broadcastAt?.getTime() ?? 0) > REBROADCAST_AFTER_MS) {
          // Reorged out, or dropped by the node: the same signed bytes go out again.
          await client.sendRaw(tx.signedTx as Hex).catch((e: unknown) => this.logger.warn(`rebroadcast of ${tx.id} failed: ${String(e)}`));
          if (tx.status === 'confirming') await this.db.manager.update(WalletTransaction, { id: tx.id, status: 'confirming' }, { status: 'broadcast', confirmations: 0 });
        }
        continue;
      }
      const fee = receipt.gasUsed * receipt.effectiveGasPrice;
      await this.db.transaction(async (m) => {
        const row = await m.findOne(WalletTransaction, { where: { id: tx.id, status: In(['broadcast', 'confirming']) }, lock: { mode: 'pessimistic_write' } });
        if (!row) return;
        row.blockNumber = receipt.blockNumber;
        row.blockHash = receipt.blockHash;
        row.fee = fee;
        if (receipt.status === 'reverted') {
          await this.ledger.void(m, row.ledgerTransferId!);
          await this.bookFee(m, row, fee);
          Object.assign(row, { status: 'failed', failureReason: 'reverted' });
          await m.save(row);
          await this.emit(m, row, 'wallet_transaction.failed');
          return;
        }
        row.confirmations = Number(head - receipt.blockNumber + 1n);
        if (row.confirmations >= row.requiredConfirmations) {
          await this.ledger.post(m, row.ledgerTransferId!);
          await this.bookFee(m, row, fee);
          this.faults.check('transfer.before_confirm');
          Object.assign(row, { status: 'confirmed', confirmedAt: new Date() });
          await m.save(row);
          await this.emit(m, row, 'wallet_transaction.confirmed');
        } else if (row.status === 'broadcast') {
          row.status = 'confirming';
          await m.save(row);
          await this.emit(m, row, 'wallet_transaction.confirming');
        } else {
          await m.save(row);
        }
      });
    }
  }

  /** The network fee of one of our transactions, booked from the organization's fee account to the outside world. */
  async bookFee(m: EntityManager, tx: { organizationId: string; network: string; id: string }, fee: bigint, reference = `fee:${tx.id}`): Promise<void> {
    if (fee <= 0n) return;
    const network = this.registry.byKey(tx.network)!;
    const native = network.assets.find((a) => a.native)!.symbol;
    await this.ledger.transfer(m, {
      debit: { organizationId: tx.organizationId, kind: 'fees', network: network.key, asset: native },
      credit: { organizationId: tx.organizationId, kind: 'external', network: network.key, asset: native },
      amount: fee,
      reference,
    });
  }

  private async emit(m: EntityManager, t: WalletTransaction, type: EventType): Promise<void> {
    const network = this.registry.byKey(t.network)!;
    await this.events.record(m, t.organizationId, type, transactionEventData(t, this.registry.findAsset(network, t.asset)?.decimals ?? 0));
  }
}
