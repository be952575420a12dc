import { Injectable } from '@nestjs/common';
import { FIAT_NETWORK_KEY, Network, NetworkRegistry, USD_FIAT } from '@app/chains';
import { formatAmount } from '@app/common';
import { AppConfig } from '@app/config';
import { BalancesRepository, ChainCursorsRepository, ChainProgressRow } from '@app/db';
import { formatCents, parseCents, PricedAsset, PricesService } from '@app/prices';
import { BalanceFigures, figuresOf } from './ledger.service';
import { AssetBalanceDto, NetworkBalancesDto, WalletBalancesDto } from './dto/balance.dto';

interface AccountRow {
  wallet_id: string;
  network: string;
  asset: string;
  credits_posted: string;
  debits_posted: string;
  credits_pending: string;
  debits_pending: string;
}

export interface NetworkSync {
  indexedHeight: string | null;
  lastSynced: Date | null;
  isStale: boolean;
}

const ZERO: BalanceFigures = { available: 0n, pendingIn: 0n, pendingOut: 0n, pending: 0n, ledger: 0n, posted: 0n };

/** What an asset balance row is priced with: its asset and the prices service. */
export interface RowPricing {
  prices: PricesService;
  asset: PricedAsset;
}

export function assetBalanceDto(
  symbol: string,
  currency: string,
  decimals: number,
  f: BalanceFigures,
  quarantined: bigint,
  pricing: RowPricing,
): AssetBalanceDto {
  const pair = (v: bigint) => [formatAmount(v, decimals), v.toString()] as const;
  const [available, available_raw] = pair(f.available);
  const [pending, pending_raw] = pair(f.pending);
  const [pending_in, pending_in_raw] = pair(f.pendingIn);
  const [pending_out, pending_out_raw] = pair(f.pendingOut);
  const [ledger, ledger_raw] = pair(f.ledger);
  const [q, q_raw] = pair(quarantined);
  const usd = pricing.prices.usdMany(pricing.asset, { available: f.available, pending: f.pending, ledger: f.ledger });
  return {
    asset: symbol,
    currency,
    decimals,
    available,
    available_raw,
    pending,
    pending_raw,
    pending_in,
    pending_in_raw,
    pending_out,
    pending_out_raw,
    ledger,
    ledger_raw,
    quarantined: q,
    quarantined_raw: q_raw,
    available_usd: usd.values.available,
    pending_usd: usd.values.pending,
    ledger_usd: usd.values.ledger,
    usd_rate: usd.usd_rate,
    usd_rate_at: usd.usd_rate_at,
    usd_stale: usd.usd_stale,
  };
}

/**
 * A wallet's USD totals across its asset rows: the exact sum of the rows' values; null when a row that holds anything
 * has no current price (a partial total would mislead), with `usd_stale` when such a price exists but is stale.
 */
export function usdTotals(rows: AssetBalanceDto[]): {
  available_usd: string | null;
  pending_usd: string | null;
  ledger_usd: string | null;
  usd_stale: boolean;
} {
  const held = rows.filter((r) => r.available_raw !== '0' || r.pending_raw !== '0' || r.ledger_raw !== '0');
  const total = (pick: (r: AssetBalanceDto) => string | null) =>
    held.some((r) => pick(r) === null) ? null : formatCents(held.reduce((sum, r) => sum + parseCents(pick(r)!), 0n));
  return {
    available_usd: total((r) => r.available_usd),
    pending_usd: total((r) => r.pending_usd),
    ledger_usd: total((r) => r.ledger_usd),
    usd_stale: held.some((r) => r.usd_stale),
  };
}

/**
 * The balance read model: a wallet's ledger accounts grouped per network with its receive addresses and the
 * scanner's progress. Reads only; the ledger service is what writes.
 */
@Injectable()
export class WalletBalancesService {
  constructor(
    private readonly balances: BalancesRepository,
    private readonly cursors: ChainCursorsRepository,
    private readonly registry: NetworkRegistry,
    private readonly config: AppConfig,
    private readonly prices: PricesService,
  ) {}

  /**
   * Balances of several wallets of the organization with a fixed number of queries (no N+1 on lists); a wallet of
   * another organization, or none, is left out of the result.
   */
  async forWallets(organizationId: string, walletIds: string[]): Promise<Map<string, WalletBalancesDto>> {
    const result = new Map<string, WalletBalancesDto>();
    if (walletIds.length === 0) return result;
    // One round trip for the kinds of rows a balance view needs.
    const [rows, sync] = await Promise.all([this.balances.rowsForWallets(organizationId, walletIds), this.syncState()]);
    const accounts: AccountRow[] = rows
      .filter((r) => r.k === 'a')
      .map((r) => ({
        wallet_id: r.wallet_id,
        network: r.network,
        asset: r.v,
        credits_posted: r.a1!,
        debits_posted: r.a2!,
        credits_pending: r.a3!,
        debits_pending: r.a4!,
      }));
    const quarantined = rows
      .filter((r) => r.k === 'q')
      .map((r) => ({ wallet_id: r.wallet_id, network: r.network, asset: r.v, total: r.a1! }));
    const addresses = rows
      .filter((r) => r.k === 'd')
      .sort((x, y) => (x.a1! < y.a1! ? -1 : 1))
      .map((r) => ({ wallet_id: r.wallet_id, network: r.network, address: r.v }));
    const key = (w: string, n: string, a: string) => `${w}|${n}|${a}`;
    const figures = new Map(
      accounts.map((a) => [
        key(a.wallet_id, a.network, a.asset),
        figuresOf({
          creditsPosted: BigInt(a.credits_posted),
          debitsPosted: BigInt(a.debits_posted),
          creditsPending: BigInt(a.credits_pending),
          debitsPending: BigInt(a.debits_pending),
        }),
      ]),
    );
    const held = new Map(quarantined.map((q) => [key(q.wallet_id, q.network, q.asset), BigInt(q.total)]));
    const owned = new Set(rows.filter((r) => r.k === 'w').map((r) => r.wallet_id));
    for (const walletId of walletIds) {
      if (!owned.has(walletId)) continue;
      const networks = new Set<string>([
        ...addresses.filter((a) => a.wallet_id === walletId).map((a) => a.network),
        ...accounts.filter((a) => a.wallet_id === walletId).map((a) => a.network),
        ...quarantined.filter((q) => q.wallet_id === walletId).map((q) => q.network),
      ]);
      const views: NetworkBalancesDto[] = [];
      for (const network of this.registry.list().filter((n) => networks.has(n.key))) {
        const s = sync.get(network.key) ?? { indexedHeight: null, lastSynced: null, isStale: true };
        const assets = network.assets.filter(
          (a) =>
            a.receive ||
            figures.has(key(walletId, network.key, a.symbol)) ||
            held.has(key(walletId, network.key, a.symbol)),
        );
        views.push({
          network: network.chain,
          network_name: network.name,
          addresses: [
            ...new Set(
              addresses.filter((a) => a.wallet_id === walletId && a.network === network.key).map((a) => a.address),
            ),
          ],
          indexed_height: s.indexedHeight,
          last_synced: s.lastSynced ? s.lastSynced.toISOString() : null,
          is_stale: s.isStale,
          assets: assets.map((a) =>
            assetBalanceDto(
              a.symbol,
              a.currency,
              a.decimals,
              figures.get(key(walletId, network.key, a.symbol)) ?? ZERO,
              held.get(key(walletId, network.key, a.symbol)) ?? 0n,
              { prices: this.prices, asset: a },
            ),
          ),
        });
      }
      const fiat = figures.get(key(walletId, FIAT_NETWORK_KEY, USD_FIAT.symbol));
      if (fiat) {
        // A fiat wallet's USD: a ledger position on no chain (no address, nothing to scan, never stale).
        views.push({
          network: USD_FIAT.network.chain,
          network_name: FIAT_NETWORK_KEY.split(':')[1],
          addresses: [],
          indexed_height: null,
          last_synced: null,
          is_stale: false,
          assets: [
            assetBalanceDto(USD_FIAT.symbol, USD_FIAT.currency, USD_FIAT.decimals, fiat, 0n, {
              prices: this.prices,
              asset: USD_FIAT,
            }),
          ],
        });
      }
      result.set(walletId, {
        wallet_id: walletId,
        networks: views,
        ...usdTotals(views.flatMap((v) => v.assets)),
      });
    }
    return result;
  }

  /** The figures of every ledger account of these wallets of the organization, per wallet (none: absent). */
  async accountsOf(
    organizationId: string,
    walletIds: string[],
  ): Promise<Map<string, Array<{ network: string; asset: string; figures: BalanceFigures }>>> {
    const result = new Map<string, Array<{ network: string; asset: string; figures: BalanceFigures }>>();
    if (walletIds.length === 0) return result;
    for (const r of await this.balances.walletAccounts(organizationId, walletIds)) {
      const list = result.get(r.wallet_id) ?? [];
      list.push({
        network: r.network,
        asset: r.asset,
        figures: figuresOf({
          creditsPosted: BigInt(r.credits_posted),
          debitsPosted: BigInt(r.debits_posted),
          creditsPending: BigInt(r.credits_pending),
          debitsPending: BigInt(r.debits_pending),
        }),
      });
      result.set(r.wallet_id, list);
    }
    return result;
  }

  /** One wallet's balances; the wallet must be the organization's (see `forOwnedWallet` otherwise). */
  async forWallet(organizationId: string, walletId: string): Promise<WalletBalancesDto> {
    return (await this.forWallets(organizationId, [walletId])).get(walletId)!;
  }

  /**
   * One wallet's balances if it belongs to the organization, else undefined: the tenant check rides in the same
   * round trip as the balance rows (this is the hottest read of the API).
   */
  async forOwnedWallet(organizationId: string, walletId: string): Promise<WalletBalancesDto | undefined> {
    return (await this.forWallets(organizationId, [walletId])).get(walletId);
  }

  /** One asset of one wallet: its balance figures (zero when the wallet never held it). */
  async figures(
    organizationId: string,
    walletId: string,
    network: Pick<Network, 'key'>,
    asset: string,
  ): Promise<{ figures: BalanceFigures; quarantined: bigint }> {
    const row = await this.balances.findWalletAccount(organizationId, walletId, network.key, asset);
    const quarantined = await this.balances.sumQuarantined(organizationId, walletId, network.key, asset);
    return {
      figures: row
        ? figuresOf({
            creditsPosted: BigInt(row.credits_posted),
            debitsPosted: BigInt(row.debits_posted),
            creditsPending: BigInt(row.credits_pending),
            debitsPending: BigInt(row.debits_pending),
          })
        : ZERO,
      quarantined,
    };
  }

  private syncCache?: { at: number; rows: ChainProgressRow[] };

  /**
   * Scanner progress per network: a network with no node, or no pass within STALE_AFTER_SECONDS, is stale. The
   * cursors change a few times a second at most, so one read serves every balance request for half a second.
   */
  async syncState(): Promise<Map<string, NetworkSync>> {
    if (!this.syncCache || Date.now() - this.syncCache.at > 500) {
      this.syncCache = {
        at: Date.now(),
        rows: await this.cursors.listProgress(),
      };
    }
    const rows = this.syncCache.rows;
    const staleBefore = Date.now() - this.config.staleAfterSeconds * 1000;
    return new Map(
      rows.map((r) => [
        r.network,
        {
          indexedHeight: r.indexed_height,
          lastSynced: r.last_synced_at,
          isStale: !r.last_synced_at || r.last_synced_at.getTime() < staleBefore,
        },
      ]),
    );
  }
}
