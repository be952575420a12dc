import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Address, Hash, Hex } from 'viem';
import {
  ChainClients,
  EvmClient,
  GAS_FAUCET,
  GasFaucet,
  KeyringService,
  NetworkRegistry,
  signEvmTransaction,
} from '@app/chains';
import { JobScheduler, thresholdBaseUnits } from '@app/common';
import { AppConfig } from '@app/config';
import { OrganizationsRepository, Sweep, SweepsRepository, Transactions, WithdrawalsRepository } from '@app/db';
import { LedgerService } from '@app/ledger';
import { networkFee } from './network-fee';
import { NonceManager } from './nonce-manager';

const REBROADCAST_AFTER_MS = 30_000;

/**
 * Omnibus custody: confirmed deposits are moved from the child address to the organization's master address, where
 * withdrawals leave from. Native coins pay their own gas; tokens first get gas from the master (a top-up, which the
 * deposit scanner knows not to credit). Every transaction is stored signed before it is broadcast. Sweeps change no
 * customer balance; their fees go to the organization's fee account.
 */
@Injectable()
export class SweeperService implements OnModuleInit {
  private readonly logger = new Logger('Sweeper');

  constructor(
    private readonly transactions: Transactions,
    private readonly sweeps: SweepsRepository,
    private readonly withdrawals: WithdrawalsRepository,
    private readonly ledger: LedgerService,
    private readonly clients: ChainClients,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
    private readonly organizations: OrganizationsRepository,
    private readonly nonces: NonceManager,
    private readonly jobs: JobScheduler,
    private readonly config: AppConfig,
    @Optional() @Inject(GAS_FAUCET) private readonly faucet?: GasFaucet,
  ) {}

  onModuleInit(): void {
    for (const client of this.clients.all()) {
      this.jobs.every(`sweeps:${client.network.key}`, this.config.jobsPollIntervalMs * 2, () => this.tick(client));
    }
  }

  async tick(client: EvmClient): Promise<void> {
    await this.advance(client);
    await this.plan(client);
  }

  private async plan(client: EvmClient): Promise<void> {
    const network = client.network;
    const toBroadcast: Hex[] = [];
    await this.transactions.run(async (m) => {
      if (!(await this.transactions.tryLock(m, `sweeps:${network.key}`))) return;
      const candidates = await this.sweeps.candidates(m, network.key, 20);
      if (candidates.length === 0) return;
      const fees = await client.fees();
      const planned = new Set<string>();
      for (const c of candidates) {
        if (planned.has(c.address)) continue; // one open sweep per address at a time
        const asset = this.registry.findAsset(network, c.asset);
        if (!asset) continue;
        const child = c.address as Address;
        const balance = asset.native
          ? await client.nativeBalance(child)
          : await client.tokenBalance(asset.contract as Address, child);
        const account = await this.organizations.accountIndex(c.organizationId);
        const master = this.keyring.address(network, account, 0) as Address;
        if (balance === 0n) {
          await this.sweeps.markSwept(m, network.key, c.address, c.asset, new Date());
          continue;
        }
        const skip = (reason: 'dust' | 'below_minimum' | 'no_gas_for_topup') =>
          this.sweeps.markSkipped(m, network.key, c.address, c.asset, reason, this.retryAt());
        const minimum = this.config.sweepMinimums[asset.symbol];
        if (minimum !== undefined && balance < thresholdBaseUnits(minimum, asset.decimals)) {
          await skip('below_minimum'); // it stays on the child address, still the wallet's
          continue;
        }
        const sweep = Object.assign(new Sweep(), {
          id: randomUUID(),
          organizationId: c.organizationId,
          network: network.key,
          asset: asset.symbol,
          address: c.address,
          derivationIndex: c.derivationIndex,
          masterAddress: master,
          amount: balance,
        });
        if (asset.native) {
          const gasCost = 21_000n * fees.maxFeePerGas;
          if (balance <= gasCost * 2n) {
            await skip('dust'); // not worth its gas: it stays on the child address
            continue;
          }
          sweep.amount = balance - gasCost;
          const signed = await this.signSweep(client, account, sweep, fees);
          Object.assign(sweep, { status: 'sweeping', sweepTxHash: signed.hash, sweepSignedTx: signed.raw });
          toBroadcast.push(signed.raw);
        } else {
          const { gas } = await client.tokenTransferGas(asset.contract as Address, child, master, balance);
          const need = gas * fees.maxFeePerGas;
          const childGas = await client.nativeBalance(child);
          if (childGas >= need) {
            const signed = await this.signSweep(client, account, sweep, fees);
            Object.assign(sweep, { status: 'sweeping', sweepTxHash: signed.hash, sweepSignedTx: signed.raw });
            toBroadcast.push(signed.raw);
          } else {
            const topup = need * 2n - childGas;
            // Devnet: the faucet funds the master; if it cannot, this deposit is skipped below, not the whole pass.
            await this.faucet?.ensureGas(network, master, topup * 10n).catch((err: unknown) => {
              this.logger.warn({ err }, `devnet faucet could not fund ${master} on ${network.key}`);
            });
            if ((await client.nativeBalance(master)) < topup + 21_000n * fees.maxFeePerGas) {
              this.logger.warn(
                `cannot sweep ${asset.symbol} from ${child} on ${network.key}: master ${master} lacks gas for the top-up`,
              );
              await skip('no_gas_for_topup');
              continue;
            }
            const nonce = await this.nonces.next(m, client, master);
            const signed = await signEvmTransaction(this.keyring.privateKey(network, account, 0), {
              chainId: network.chainId!,
              nonce,
              to: child,
              value: topup,
              gas: 21_000n,
              maxFeePerGas: fees.maxFeePerGas,
              maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
            });
            Object.assign(sweep, { status: 'topping_up', topupTxHash: signed.hash, topupSignedTx: signed.raw });
            toBroadcast.push(signed.raw);
          }
        }
        await this.sweeps.insert(m, sweep);
        planned.add(c.address);
      }
    });
    for (const raw of toBroadcast)
      await client
        .sendRaw(raw)
        .catch((e: unknown) => this.logger.warn(`sweep broadcast failed, will retry: ${String(e)}`));
  }

  private retryAt(): Date {
    return new Date(Date.now() + this.config.sweepRetrySeconds * 1000);
  }

  /** The child signs the transfer of its whole balance of the asset (minus gas for the native coin) to the master. */
  private async signSweep(
    client: EvmClient,
    account: number,
    sweep: Sweep,
    fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint },
  ) {
    const network = client.network;
    const asset = this.registry.findAsset(network, sweep.asset)!;
    const child = sweep.address as Address;
    const nonce = await client.nonce(child);
    const key = this.keyring.privateKey(network, account, sweep.derivationIndex);
    const common = {
      chainId: network.chainId!,
      nonce,
      maxFeePerGas: fees.maxFeePerGas,
      maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    };
    if (asset.native) {
      return signEvmTransaction(key, {
        ...common,
        to: sweep.masterAddress as Address,
        value: sweep.amount,
        gas: 21_000n,
      });
    }
    const call = await client.tokenTransferGas(
      asset.contract as Address,
      child,
      sweep.masterAddress as Address,
      sweep.amount,
    );
    return signEvmTransaction(key, {
      ...common,
      to: asset.contract as Address,
      value: 0n,
      data: call.data,
      gas: call.gas,
    });
  }

  private async advance(client: EvmClient): Promise<void> {
    for (const sweep of await this.sweeps.open(client.network.key)) {
      const hash = (sweep.status === 'topping_up' ? sweep.topupTxHash : sweep.sweepTxHash) as Hash;
      const raw = (sweep.status === 'topping_up' ? sweep.topupSignedTx : sweep.sweepSignedTx) as Hex;
      const receipt = await client.receipt(hash);
      if (!receipt) {
        if (Date.now() - sweep.updatedAt.getTime() > REBROADCAST_AFTER_MS)
          await client.sendRaw(raw).catch(() => undefined);
        continue;
      }
      const fee = (sweep.fee ?? 0n) + receipt.gasUsed * receipt.effectiveGasPrice;
      let next: Hex | undefined;
      await this.transactions.run(async (m) => {
        const row = await this.sweeps.lockInStatus(m, sweep.id, sweep.status);
        if (!row) return;
        row.fee = fee;
        const fees = {
          organizationId: row.organizationId,
          transfers: networkFee(client.network, fee, `sweep-fee:${row.id}`),
        };
        if (receipt.status === 'reverted') {
          Object.assign(row, {
            status: 'failed',
            failureReason: `${row.status === 'topping_up' ? 'top-up' : 'sweep'} reverted`,
          });
          await this.ledger.commitAllWithin(m, [fees]);
        } else if (row.status === 'topping_up') {
          const account = await this.organizations.accountIndex(row.organizationId);
          const signed = await this.signSweep(client, account, row, await client.fees());
          Object.assign(row, { status: 'sweeping', sweepTxHash: signed.hash, sweepSignedTx: signed.raw });
          next = signed.raw;
        } else {
          row.status = 'confirmed';
          await this.ledger.commitAllWithin(m, [fees]);
          await this.sweeps.markSwept(m, row.network, row.address, row.asset, row.createdAt);
          await this.withdrawals.wake(m, row.network, row.organizationId); // the master holds more now
        }
        await this.sweeps.save(m, row);
      });
      if (next)
        await client
          .sendRaw(next)
          .catch((e: unknown) => this.logger.warn(`sweep broadcast failed, will retry: ${String(e)}`));
    }
  }
}
