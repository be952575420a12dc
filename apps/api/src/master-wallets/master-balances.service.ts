import { Injectable, OnModuleInit } from '@nestjs/common';
import { Address } from 'viem';
import { ChainClients, EvmClient, Network, NetworkRegistry } from '@app/chains';
import { formatAmount, JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import {
  MasterWallet,
  MasterWalletBalance,
  MasterWalletBalancesRepository,
  MasterWalletsRepository,
  Transactions,
  UtxosRepository,
} from '@app/db';
import { PricesService } from '@app/prices';
import { MasterBalanceDto } from './dto/master-wallet.dto';

export const MASTER_BALANCE_SYNC_JOB = 'master-balance-sync';

/**
 * Master wallet balances are the on-chain balances of the master address (on a UTXO chain: the organization's
 * unspent outputs), refreshed by a job; a reader sees `last_synced` and `is_stale` rather than waiting for a node.
 */
@Injectable()
export class MasterBalancesService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly masters: MasterWalletsRepository,
    private readonly stored: MasterWalletBalancesRepository,
    private readonly utxos: UtxosRepository,
    private readonly clients: ChainClients,
    private readonly registry: NetworkRegistry,
    private readonly jobs: JobScheduler,
    private readonly config: AppConfig,
    private readonly prices: PricesService,
  ) {}

  onModuleInit(): void {
    this.jobs.every(MASTER_BALANCE_SYNC_JOB, this.config.balanceSyncIntervalMs, () => this.syncAll());
  }

  kick(): void {
    this.jobs.kick(MASTER_BALANCE_SYNC_JOB);
  }

  async syncAll(): Promise<number> {
    let updated = 0;
    for (const client of this.clients.all()) updated += await this.syncNetwork(client);
    for (const watcher of this.clients.watchers()) {
      if (watcher.network.family === 'bitcoin') updated += await this.syncUtxoNetwork(watcher.network);
    }
    return updated;
  }

  /**
   * A UTXO network: a master wallet's balance is its organization's confirmed unspent total there (the outputs
   * the deposit scanner recorded, wherever they sit), as of the scanner's records.
   */
  async syncUtxoNetwork(network: Network): Promise<number> {
    return this.transactions.run(async (m) => {
      if (!(await this.stored.tryLockNetworkSync(network.key, m))) return 0;
      const masters = await this.masters.listByNetwork(network.key, m);
      const totals = await this.utxos.unspentTotalsByOrganization(network.key, m);
      const native = network.assets.find((a) => a.native)!;
      const now = new Date();
      const rows: Array<Partial<MasterWalletBalance>> = masters.map((master) => ({
        masterWalletId: master.id,
        asset: native.symbol,
        balance: totals.get(master.organizationId) ?? 0n,
        syncedAt: now,
      }));
      await this.stored.upsert(rows, m);
      return rows.length;
    });
  }

  /** One network: every master wallet's native and token balances, under a try-lock so replicas do not repeat it. */
  async syncNetwork(client: EvmClient): Promise<number> {
    const network = client.network;
    return this.transactions.run(async (m) => {
      if (!(await this.stored.tryLockNetworkSync(network.key, m))) return 0;
      const masters = await this.masters.listByNetwork(network.key, m);
      const assets = network.assets.filter((a) => a.native || a.contract);
      const rows: Array<Partial<MasterWalletBalance>> = [];
      const now = new Date();
      await Promise.all(
        masters.flatMap((master) =>
          assets.map(async (asset) => {
            const balance = asset.native
              ? await client.nativeBalance(master.address as Address)
              : await client.tokenBalance(asset.contract as Address, master.address as Address);
            rows.push({ masterWalletId: master.id, asset: asset.symbol, balance, syncedAt: now });
          }),
        ),
      );
      await this.stored.upsert(rows, m);
      return rows.length;
    });
  }

  /** Balances of several master wallets of the organization (one query). */
  async forMasters(organizationId: string, masters: MasterWallet[]): Promise<Map<string, MasterBalanceDto[]>> {
    const result = new Map<string, MasterBalanceDto[]>();
    if (!masters.length) return result;
    const rows = await this.stored.findForMasters(
      organizationId,
      masters.map((m) => m.id),
    );
    const staleBefore =
      Date.now() - Math.max(this.config.balanceSyncIntervalMs * 3, this.config.staleAfterSeconds * 1000);
    for (const master of masters) {
      const network = this.registry.byKey(master.network);
      if (!network) continue;
      result.set(
        master.id,
        network.assets
          .filter((a) => a.native || a.contract)
          .map((asset) => {
            const row = rows.find((r) => r.masterWalletId === master.id && r.asset === asset.symbol);
            const balance = row?.balance ?? 0n;
            const usd = this.prices.usd(asset, balance);
            return {
              asset_id: asset.id,
              chain: network.chain,
              network: network.name,
              token_symbol: asset.symbol,
              token_decimals: asset.decimals,
              balance: formatAmount(balance, asset.decimals),
              balance_raw: balance.toString(),
              is_stale: !row || row.syncedAt.getTime() < staleBefore,
              last_synced: row ? row.syncedAt.toISOString() : null,
              balance_usd: usd.usd,
              usd_rate: usd.usd_rate,
              usd_rate_at: usd.usd_rate_at,
              usd_stale: usd.usd_stale,
            };
          }),
      );
    }
    return result;
  }
}
