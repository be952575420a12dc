import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { hex } from '@scure/base';
import { EntityManager } from 'typeorm';
import {
  BitcoinClient,
  buildSendPsbt,
  CHANGE_CHAIN,
  childFee,
  Coin,
  dustThreshold,
  KeyringService,
  Network,
  NetworkRegistry,
  ChainClients,
  scriptOf,
  selectCoins,
  SendOutput,
  signSendPsbt,
  vsizeOf,
} from '@app/chains';
import { FaultInjector, JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import {
  DerivationCountersRepository,
  FeeLevel,
  OrganizationsRepository,
  Transactions,
  UtxosRepository,
  WalletTransaction,
  WithdrawalsRepository,
} from '@app/db';
import { EventsService, EventType } from '@app/events';
import { LedgerService, PostingEvent, transactionEventData } from '@app/ledger';
import { PricesService } from '@app/prices';
import { networkFee } from './network-fee';
import { notSpeedable } from './not-speedable';
import { TRANSFER_JOB_PREFIX } from './transfers.service';

/** A broadcast transaction the node does not know after this long is broadcast again (dropped from its mempool). */
const REBROADCAST_AFTER_MS = 30_000;
/** Withdrawals looked at per signing pass (a batch claimed in part is signed whole). */
const CLAIM = 50;
/** A P2WPKH output script's length: what coin selection prices the change at before its address is derived. */
const P2WPKH_SCRIPT = new Uint8Array(22);

/**
 * The on-chain half of withdrawals on a Bitcoin network (UTXO model: no master address, no sweeps):
 *  1. sign: each queued send (a batch: all its on-chain items together) becomes one transaction spending the
 *     organization's outputs (`selectCoins`: branch and bound, then largest first), with change to a fresh address
 *     of its change chain. The outputs spent are reserved and the change recorded in the same database transaction
 *     that stores the signed bytes (sub-status `signed`); nothing is broadcast before that commits. No outputs enough
 *     means `waiting_for_funds`.
 *  2. broadcast the stored bytes and check the node holds them; a restart or a dropped transaction sends the same
 *     bytes again (same txid), so each send leaves exactly once.
 *  3. track: `confirming`, then `confirmed` at the required confirmations, the holds posted and the fee (inputs
 *     minus outputs) booked once per transaction to the organization's fee account.
 */
@Injectable()
export class BitcoinSender implements OnModuleInit {
  private readonly logger = new Logger('BitcoinSends');

  constructor(
    private readonly transactions: Transactions,
    private readonly withdrawals: WithdrawalsRepository,
    private readonly utxos: UtxosRepository,
    private readonly counters: DerivationCountersRepository,
    private readonly clients: ChainClients,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
    private readonly organizations: OrganizationsRepository,
    private readonly ledger: LedgerService,
    private readonly events: EventsService,
    private readonly jobs: JobScheduler,
    private readonly faults: FaultInjector,
    private readonly config: AppConfig,
    private readonly prices: PricesService,
  ) {}

  onModuleInit(): void {
    for (const client of this.clients.allBitcoin()) {
      this.jobs.every(`${TRANSFER_JOB_PREFIX}${client.network.key}`, this.config.jobsPollIntervalMs, () =>
        this.tick(client),
      );
    }
  }

  async tick(client: BitcoinClient): Promise<void> {
    await this.signQueued(client);
    await this.broadcastSigned(client);
    await this.track(client);
  }

  private async signQueued(client: BitcoinClient): Promise<void> {
    const network = client.network;
    await this.transactions.run(async (m) => {
      if (!(await this.transactions.tryLock(m, `transfers-sign:${network.key}`))) return;
      const claimed = await this.withdrawals.claimQueued(m, network.key, CLAIM);
      if (claimed.length === 0) return;
      const batchIds = [...new Set(claimed.map((t) => t.batchId).filter((id): id is string => id !== null))];
      const rest = await this.withdrawals.queuedOfBatches(m, batchIds);
      const seen = new Set(claimed.map((t) => t.id));
      const queue = [...claimed, ...rest.filter((t) => !seen.has(t.id))];
      // One transaction per send, and per batch.
      const sends = new Map<string, WalletTransaction[]>();
      for (const tx of queue) {
        const key = tx.batchId ?? tx.id;
        sends.set(key, [...(sends.get(key) ?? []), tx]);
      }
      const maxHeight = (await client.head()) - BigInt(network.confirmations) + 1n;
      const pools = new Map<string, Coin[]>();
      for (const rows of sends.values()) {
        rows.sort((a, b) => (a.batchIndex ?? 0) - (b.batchIndex ?? 0));
        const org = rows[0].organizationId;
        let pool = pools.get(org);
        if (!pool) pools.set(org, (pool = await this.utxos.spendable(m, network.key, org, maxHeight)));
        await this.sign(m, client, rows, pool);
      }
    });
    this.faults.check('transfer.after_sign');
  }

  /** Signs one transaction paying `rows`, from `pool` (updated: its coins spent, its change added). */
  private async sign(m: EntityManager, client: BitcoinClient, rows: WalletTransaction[], pool: Coin[]): Promise<void> {
    const network = client.network;
    const params = network.bitcoin!;
    const org = rows[0].organizationId;
    const outputs: SendOutput[] = rows.map((r) => ({ script: scriptOf(r.toAddress!, params), amount: r.amount }));
    const feeRate = await client.feeRateFor(rows[0].feeLevel ?? 'medium');
    const selection = selectCoins(pool, outputs, feeRate, P2WPKH_SCRIPT, params.dustRelayFeeRate);
    if (!selection) {
      if (rows[0].subStatus !== 'waiting_for_funds')
        this.logger.log(`send ${rows[0].batchId ?? rows[0].id} waits: too few confirmed outputs on ${network.key}`);
      const until = new Date(Date.now() + this.config.withdrawalRecheckSeconds * 1000);
      for (const row of rows) await this.withdrawals.park(m, row, until);
      return;
    }
    const account = await this.organizations.accountIndex(org);
    let change: (SendOutput & { address: string; index: number }) | undefined;
    if (selection.change > 0n) {
      const index = await this.counters.reserve(org, `${network.family}:change`, 1);
      const address = this.keyring.changeAddress(network, account, index);
      change = { address, index, script: scriptOf(address, params), amount: selection.change };
    }
    const psbt = buildSendPsbt(selection.coins, outputs, change);
    const signed = signSendPsbt(
      psbt,
      selection.coins.map((c) => this.keyring.privateKey(network, account, c.keyIndex, c.keyChain)),
    );
    await this.utxos.reserve(m, network.key, selection.coins, signed.txid);
    if (change) {
      const coin: Coin = {
        txid: signed.txid,
        vout: outputs.length,
        value: change.amount,
        script: hex.encode(change.script),
        keyChain: CHANGE_CHAIN,
        keyIndex: change.index,
      };
      await this.utxos.recordChange(m, { ...coin, network: network.key, organizationId: org, address: change.address });
      pool.push(coin);
    }
    const spent = new Set(selection.coins.map((c) => `${c.txid}:${c.vout}`));
    pool.splice(0, pool.length, ...pool.filter((c) => !spent.has(`${c.txid}:${c.vout}`)));
    const from = selection.coins[0];
    const fromAddress =
      from.keyChain === CHANGE_CHAIN
        ? this.keyring.changeAddress(network, account, from.keyIndex)
        : this.keyring.address(network, account, from.keyIndex);
    for (const [vout, row] of rows.entries()) {
      Object.assign(row, {
        txHash: signed.txid,
        logIndex: vout,
        signedTx: signed.raw,
        fromAddress,
        fee: feeShare(signed.fee, rows.length, vout),
        subStatus: 'signed',
      });
      await this.withdrawals.save(m, row);
    }
  }

  /**
   * Child pays for parent: a transaction spending the send's change output back to a fresh change address, with a
   * fee that lifts the two together to `level`'s rate. It works on bcoin and Bitcoin Core alike (bcoin relays no
   * replacement). Signed and stored with the send before it is broadcast (the tracker broadcasts it again while the
   * node does not hold it); its fee is booked to the fee account when the send confirms.
   */
  async speedUp(network: Network, txHash: string, level: FeeLevel): Promise<void> {
    const client = this.clients.bitcoin(network)!;
    const params = network.bitcoin!;
    const child = await this.transactions.run(async (m) => {
      const rows = await this.withdrawals.lockByTxHash(m, network.key, txHash, ['broadcast']);
      if (rows.length === 0) throw notSpeedable('only a broadcast send not yet in a block can be sped up');
      if (rows[0].speedUpMethod) throw notSpeedable('this send was sped up already');
      const change = await this.utxos.unspentChangeOf(m, network.key, txHash);
      if (!change) throw notSpeedable('the send has no change output left to spend (none, or a later send spends it)');
      const rate = await client.feeRateFor(level);
      const parentFee = rows.reduce((sum, r) => sum + (r.fee ?? 0n), 0n);
      const cpfp = childFee(vsizeOf(rows[0].signedTx!), parentFee, rate, P2WPKH_SCRIPT);
      if (!cpfp) throw notSpeedable(`the send pays ${level}'s rate (${rate} sat/vB) already`);
      const org = rows[0].organizationId;
      const account = await this.organizations.accountIndex(org);
      const index = await this.counters.reserve(org, `${network.family}:change`, 1);
      const address = this.keyring.changeAddress(network, account, index);
      const output = { script: scriptOf(address, params), amount: change.value - cpfp.fee };
      if (output.amount < dustThreshold(output.script, params.dustRelayFeeRate))
        throw notSpeedable('the change output is too small to pay for a faster confirmation');
      const signed = signSendPsbt(buildSendPsbt([change], [], output), [
        this.keyring.privateKey(network, account, change.keyIndex, change.keyChain),
      ]);
      await this.utxos.reserve(m, network.key, [change], signed.txid);
      await this.utxos.recordChange(m, {
        network: network.key,
        txid: signed.txid,
        vout: 0,
        organizationId: org,
        address,
        script: hex.encode(output.script),
        value: output.amount,
        keyIndex: index,
      });
      for (const row of rows) {
        Object.assign(row, {
          speedUpMethod: 'cpfp',
          speedUpTxHash: signed.txid,
          speedUpSignedTx: signed.raw,
          speedUpFee: signed.fee,
          spedUpAt: new Date(),
        });
        await this.withdrawals.save(m, row);
      }
      return signed;
    });
    if (!(await client.broadcast(child.raw, child.txid)))
      this.logger.warn(`the node does not hold the child ${child.txid} of ${txHash} yet; broadcasting it again later`);
  }

  private async broadcastSigned(client: BitcoinClient): Promise<void> {
    const network = client.network;
    for (const rows of byTxHash(await this.withdrawals.signed(network.key))) {
      const [first] = rows;
      if (!(await client.broadcast(first.signedTx!, first.txHash!))) {
        // Its inputs may wait for a parent still unsent, or the mempool's chain limit: the same bytes next pass.
        this.logger.warn(`the node does not hold send ${first.txHash} yet; broadcasting it again next pass`);
        continue;
      }
      this.faults.check('transfer.after_broadcast');
      await this.transactions.run(async (m) => {
        const locked = (await this.withdrawals.lockByTxHash(m, network.key, first.txHash!, ['pending'])).filter(
          (r) => r.subStatus === 'signed',
        );
        if (locked.length === 0) return; // another replica marked them
        for (const row of locked) {
          Object.assign(row, { status: 'broadcast', subStatus: null, broadcastAt: new Date() });
          await this.withdrawals.save(m, row);
        }
        await this.events.recordMany(
          m,
          locked[0].organizationId,
          locked.map((r) => this.event(r, 'wallet.outgoing_transaction')),
        );
      });
    }
  }

  private async track(client: BitcoinClient): Promise<void> {
    const network = client.network;
    const open = await this.withdrawals.inFlight(network.key);
    if (open.length === 0) return;
    for (const rows of byTxHash(open)) {
      const [first] = rows;
      const status = await client.status(first.txHash!);
      if (!status || status.confirmations === 0) {
        const dropped = !status && Date.now() - (first.broadcastAt?.getTime() ?? 0) > REBROADCAST_AFTER_MS;
        if (!status && (first.status === 'confirming' || dropped)) {
          // Reorged out, or dropped by the node: the same signed bytes go out again.
          await client.broadcast(first.signedTx!, first.txHash!, 0);
        }
        if (first.status === 'confirming') await this.withdrawals.backToBroadcastByTxHash(network.key, first.txHash!);
        if (status && first.speedUpMethod === 'cpfp' && !(await client.status(first.speedUpTxHash!))) {
          await client.broadcast(first.speedUpSignedTx!, first.speedUpTxHash!, 0); // its parent is in the mempool
        }
        continue;
      }
      await this.settle(network, first.txHash!, status.confirmations, status.blockHash!, await client.head());
    }
  }

  /** A send in a block: `confirming`, or `confirmed` with its holds posted and its fee booked once per transaction. */
  private async settle(network: Network, txHash: string, confirmations: number, blockHash: string, head: bigint) {
    await this.transactions.run(async (m) => {
      const rows = await this.withdrawals.lockByTxHash(m, network.key, txHash, ['broadcast', 'confirming']);
      if (rows.length === 0) return;
      const org = rows[0].organizationId;
      const blockNumber = head - BigInt(confirmations) + 1n;
      for (const row of rows) Object.assign(row, { confirmations, blockNumber, blockHash });
      if (confirmations >= rows[0].requiredConfirmations) {
        this.faults.check('transfer.before_confirm');
        for (const row of rows) {
          Object.assign(row, { status: 'confirmed', confirmedAt: new Date(), ...this.fixUsd(row) });
          await this.withdrawals.save(m, row);
        }
        const fee = rows.reduce((sum, r) => sum + (r.fee ?? 0n), 0n);
        await this.ledger.commitAllWithin(m, [
          {
            organizationId: org,
            transfers: [
              ...rows.map((r) => ({ phase: 'post_pending' as const, pendingId: r.ledgerTransferId! })),
              ...networkFee(network, fee, `fee:${txHash}`),
              // The child that paid for it (cpfp), spending our change: signed, and valid once this is mined.
              ...(rows[0].speedUpMethod === 'cpfp'
                ? networkFee(network, rows[0].speedUpFee ?? 0n, `fee:${rows[0].speedUpTxHash}`)
                : []),
            ],
            events: rows.map((r) => this.event(r, 'wallet_transaction.confirmed')),
          },
        ]);
        return;
      }
      const newlyMined = rows.filter((r) => r.status === 'broadcast');
      for (const row of rows) {
        row.status = 'confirming';
        await this.withdrawals.save(m, row);
      }
      if (newlyMined.length > 0)
        await this.events.recordMany(
          m,
          org,
          newlyMined.map((r) => this.event(r, 'wallet_transaction.confirming')),
        );
    });
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

/** Withdrawals grouped by their transaction, in the order of each transaction's first row. */
function byTxHash(rows: WalletTransaction[]): WalletTransaction[][] {
  const groups = new Map<string, WalletTransaction[]>();
  for (const row of rows) groups.set(row.txHash!, [...(groups.get(row.txHash!) ?? []), row]);
  return [...groups.values()];
}

/** Each of `n` outputs' share of a transaction's fee: equal parts, the remainder to the first. */
export function feeShare(fee: bigint, n: number, index: number): bigint {
  const part = fee / BigInt(n);
  return index === 0 ? fee - part * BigInt(n - 1) : part;
}
