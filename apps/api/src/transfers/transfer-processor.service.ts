import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Address, Hash, Hex, parseTransaction } from 'viem';
import { EntityManager } from 'typeorm';
import {
  Asset,
  ChainClients,
  EvmClient,
  GAS_FAUCET,
  GasFaucet,
  KeyringService,
  Network,
  NetworkRegistry,
  signEvmTransaction,
} from '@app/chains';
import { FaultInjector, JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import {
  MasterWalletsRepository,
  OrganizationsRepository,
  Transactions,
  WalletTransaction,
  WithdrawalsRepository,
} from '@app/db';
import { EventsService, EventType } from '@app/events';
import { LedgerService, PostingEvent, transactionEventData } from '@app/ledger';
import { PricesService } from '@app/prices';
import { networkFee } from './network-fee';
import { NonceManager } from './nonce-manager';
import { notSpeedable } from './not-speedable';
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
    private readonly transactions: Transactions,
    private readonly withdrawals: WithdrawalsRepository,
    private readonly masterWallets: MasterWalletsRepository,
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
    private readonly prices: PricesService,
    @Optional() @Inject(GAS_FAUCET) private readonly faucet?: GasFaucet,
  ) {}

  onModuleInit(): void {
    for (const client of this.clients.all()) {
      this.jobs.every(`${TRANSFER_JOB_PREFIX}${client.network.key}`, this.config.jobsPollIntervalMs, () =>
        this.tick(client),
      );
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
    await this.transactions.run(async (m) => {
      if (!(await this.transactions.tryLock(m, `transfers-sign:${network.key}`))) return;
      const queue = await this.withdrawals.claimQueued(m, network.key, 50);
      if (queue.length === 0) return;
      const fees = await client.fees();
      const native = network.assets.find((a) => a.native)!;
      const budgets = new Map<string, bigint>();
      for (const tx of queue) {
        const asset = this.registry.findAsset(network, tx.asset)!;
        const { address: master, account } = await this.masterOf(tx.organizationId, network);
        await this.masterWallets.insertIfAbsent(
          tx.organizationId,
          { id: randomUUID(), chain: network.chain, network: network.key, label: null, address: master },
          m,
        );
        let to: Address;
        let value: bigint;
        let data: Hex | undefined;
        let gas: bigint;
        if (asset.native) {
          [to, value, gas] = [tx.toAddress as Address, tx.amount, 21_000n];
        } else {
          const call = await client.tokenTransferGas(
            asset.contract as Address,
            master,
            tx.toAddress as Address,
            tx.amount,
          );
          [to, value, data, gas] = [asset.contract as Address, 0n, call.data, call.gas];
        }
        const feeCap = gas * fees.maxFeePerGas;
        let gasBudget = await this.budget(m, client, budgets, master, native, fees.maxFeePerGas);
        if (gasBudget < feeCap && this.faucet) {
          await this.faucet.ensureGas(network, master, feeCap * 20n);
          budgets.delete(`${master}:${native.symbol}`);
          gasBudget = await this.budget(m, client, budgets, master, native, fees.maxFeePerGas);
        }
        const assetBudget = asset.native
          ? gasBudget - feeCap
          : await this.budget(m, client, budgets, master, asset, fees.maxFeePerGas);
        if (gasBudget < feeCap || assetBudget < tx.amount) {
          if (tx.subStatus !== 'waiting_for_funds')
            this.logger.log(
              `withdrawal ${tx.id} waits: master ${master} on ${network.key} is short of ${asset.native || gasBudget >= feeCap ? asset.symbol : native.symbol}`,
            );
          await this.withdrawals.park(m, tx, this.recheckAt());
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
        Object.assign(tx, {
          nonce,
          signedTx: signed.raw,
          txHash: signed.hash,
          fromAddress: master,
          subStatus: 'signed',
        });
        await this.withdrawals.save(m, tx);
      }
    });
    this.faults.check('transfer.after_sign');
  }

  private recheckAt(): Date {
    return new Date(Date.now() + this.config.withdrawalRecheckSeconds * 1000);
  }

  /**
   * What the master can still spend of an asset: its on-chain balance minus withdrawals signed or broadcast but not
   * yet mined (and, for the native asset, a gas ceiling for each of them). Cached for one signing pass.
   */
  private async budget(
    m: EntityManager,
    client: EvmClient,
    cache: Map<string, bigint>,
    master: Address,
    asset: Asset,
    maxFeePerGas: bigint,
  ): Promise<bigint> {
    const key = `${master}:${asset.symbol}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const onChain = asset.native
      ? await client.nativeBalance(master)
      : await client.tokenBalance(asset.contract as Address, master);
    const inflight = await this.withdrawals.inFlightFrom(m, client.network.key, master, asset.symbol);
    const reserved = inflight.amount + (asset.native ? BigInt(inflight.count) * INFLIGHT_GAS * maxFeePerGas : 0n);
    const budget = onChain - reserved;
    cache.set(key, budget);
    return budget;
  }

  /**
   * Replacement: the same transaction (same nonce, recipient, value and data) with fees at least an eighth higher
   * than before and at least the node's current ones, so nodes replace the one in their mempool. Signed and stored
   * before it is broadcast; the tracker watches both hashes, since either may be mined, and the ledger moves once.
   */
  async replace(network: Network, id: string): Promise<void> {
    const client = this.clients.evm(network)!;
    const raw = await this.transactions.run(async (m) => {
      const row = await this.withdrawals.lock(m, id, { status: ['broadcast'] });
      if (!row) throw notSpeedable('only a broadcast send not yet in a block can be sped up');
      if (row.speedUpMethod) throw notSpeedable('this send was sped up already');
      const old = parseTransaction(row.signedTx as Hex);
      if (old.type !== 'eip1559' || old.nonce === undefined || old.gas === undefined)
        throw new Error(`withdrawal ${id} holds an unexpected transaction`);
      const fees = await client.fees();
      const bump = (x: bigint | undefined) => (x ?? 0n) + (x ?? 0n) / 8n + 1n;
      const tip = max(bump(old.maxPriorityFeePerGas), fees.maxPriorityFeePerGas);
      const { account } = await this.masterOf(row.organizationId, network);
      const signed = await signEvmTransaction(this.keyring.privateKey(network, account, 0), {
        chainId: network.chainId!,
        nonce: old.nonce,
        to: old.to!,
        value: old.value ?? 0n,
        data: old.data,
        gas: old.gas,
        maxFeePerGas: max(bump(old.maxFeePerGas), fees.maxFeePerGas, tip),
        maxPriorityFeePerGas: tip,
      });
      Object.assign(row, {
        speedUpMethod: 'replacement',
        speedUpTxHash: row.txHash,
        speedUpSignedTx: row.signedTx,
        txHash: signed.hash,
        signedTx: signed.raw,
        spedUpAt: new Date(),
      });
      await this.withdrawals.save(m, row);
      return signed.raw;
    });
    await client
      .sendRaw(raw)
      .catch((e: unknown) =>
        this.logger.warn(`broadcast of the replacement of ${id} failed, will retry: ${String(e)}`),
      );
  }

  private async broadcastSigned(client: EvmClient): Promise<void> {
    for (const tx of await this.withdrawals.signed(client.network.key)) {
      try {
        await client.sendRaw(tx.signedTx as Hex);
      } catch (e) {
        this.logger.warn(
          `broadcast of withdrawal ${tx.id} failed, will retry: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        );
        continue;
      }
      this.faults.check('transfer.after_broadcast');
      await this.transactions.run(async (m) => {
        const row = await this.withdrawals.lock(m, tx.id, { subStatus: 'signed' });
        if (!row) return; // another replica marked it
        Object.assign(row, { status: 'broadcast', subStatus: null, broadcastAt: new Date() });
        await this.withdrawals.save(m, row);
        await this.events.recordMany(m, row.organizationId, [this.event(row, 'wallet.outgoing_transaction')]);
      });
    }
  }

  private async track(client: EvmClient): Promise<void> {
    const open = await this.withdrawals.inFlight(client.network.key);
    if (open.length === 0) return;
    const head = await client.head();
    for (const tx of open) {
      let receipt = await client.receipt(tx.txHash as Hash);
      // A replaced send: the transaction it replaced may be the one mined.
      const replacedMined =
        !receipt && tx.speedUpMethod === 'replacement' ? await client.receipt(tx.speedUpTxHash as Hash) : undefined;
      receipt ??= replacedMined;
      if (!receipt) {
        if (tx.status === 'confirming' || Date.now() - (tx.broadcastAt?.getTime() ?? 0) > REBROADCAST_AFTER_MS) {
          // Reorged out, or dropped by the node: the same signed bytes go out again.
          await client
            .sendRaw(tx.signedTx as Hex)
            .catch((e: unknown) => this.logger.warn(`rebroadcast of ${tx.id} failed: ${String(e)}`));
          if (tx.status === 'confirming') await this.withdrawals.backToBroadcast(tx.id);
        }
        continue;
      }
      const fee = receipt.gasUsed * receipt.effectiveGasPrice;
      const network = client.network;
      await this.transactions.run(async (m) => {
        const row = await this.withdrawals.lock(m, tx.id, { status: ['broadcast', 'confirming'] });
        if (!row) return;
        if (replacedMined) {
          // The mined one becomes the send's transaction; the replacement that lost stays as the link.
          [row.txHash, row.speedUpTxHash] = [row.speedUpTxHash, row.txHash];
          [row.signedTx, row.speedUpSignedTx] = [row.speedUpSignedTx, row.signedTx];
        }
        row.blockNumber = receipt.blockNumber;
        row.blockHash = receipt.blockHash;
        row.fee = fee;
        if (receipt.status === 'reverted') {
          // The hold is released, and the gas burnt is the organization's.
          Object.assign(row, { status: 'failed', failureReason: 'reverted' });
          await this.withdrawals.save(m, row);
          await this.ledger.commitAllWithin(m, [
            {
              organizationId: row.organizationId,
              transfers: [
                { phase: 'void_pending', pendingId: row.ledgerTransferId! },
                ...networkFee(network, fee, `fee:${row.id}`),
              ],
              events: [this.event(row, 'wallet_transaction.failed')],
            },
          ]);
          return;
        }
        row.confirmations = Number(head - receipt.blockNumber + 1n);
        if (row.confirmations >= row.requiredConfirmations) {
          Object.assign(row, { status: 'confirmed', confirmedAt: new Date(), ...this.fixUsd(row) });
          this.faults.check('transfer.before_confirm');
          await this.withdrawals.save(m, row);
          await this.ledger.commitAllWithin(m, [
            {
              organizationId: row.organizationId,
              transfers: [
                { phase: 'post_pending', pendingId: row.ledgerTransferId! },
                ...networkFee(network, fee, `fee:${row.id}`),
              ],
              events: [this.event(row, 'wallet_transaction.confirmed')],
            },
          ]);
        } else if (row.status === 'broadcast') {
          row.status = 'confirming';
          await this.withdrawals.save(m, row);
          await this.events.recordMany(m, row.organizationId, [this.event(row, 'wallet_transaction.confirming')]);
        } else {
          await this.withdrawals.save(m, row);
        }
      });
    }
  }

  private event(t: WalletTransaction, type: EventType): PostingEvent {
    const asset = this.pricedAsset(t);
    return { type, data: transactionEventData(t, asset.decimals, this.prices.usd(asset, t.amount)) };
  }

  /** The USD rate a send keeps from its confirmation on. */
  private fixUsd(t: WalletTransaction): ReturnType<PricesService['fix']> {
    return this.prices.fix(this.pricedAsset(t), t.amount);
  }

  private pricedAsset(t: WalletTransaction): { symbol: string; decimals: number } {
    const network = this.registry.byKey(t.network)!;
    return { symbol: t.asset, decimals: this.registry.findAsset(network, t.asset)?.decimals ?? 0 };
  }
}

function max(...values: bigint[]): bigint {
  return values.reduce((a, b) => (a > b ? a : b));
}
