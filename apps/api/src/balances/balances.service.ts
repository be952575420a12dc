import { Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import { FIAT_CHAIN, NetworkRegistry, USD_FIAT } from '@app/chains';
import { DomainError, ErrorCode, formatAmount } from '@app/common';
import { isUuid, Wallet, WalletsRepository } from '@app/db';
import { WalletBalancesDto, WalletBalancesService } from '@app/ledger';
import { PricesService } from '@app/prices';
import { BalanceLookupDto, BalanceLookupResultDto, SingleBalanceDto, SingleBalanceQueryDto } from './dto/balances.dto';

/** How the single-balance route names the fiat pseudo network: `chain: "fiat"`, `network: "ledger"`. */
const FIAT_LEDGER = { key: USD_FIAT.network.key, chain: FIAT_CHAIN, name: 'ledger' };

@Injectable()
export class BalancesService {
  constructor(
    private readonly wallets: WalletsRepository,
    private readonly balances: WalletBalancesService,
    private readonly registry: NetworkRegistry,
    private readonly prices: PricesService,
  ) {}

  async walletBalances(principal: Principal, walletId: string): Promise<WalletBalancesDto> {
    const view = isUuid(walletId) ? await this.balances.forOwnedWallet(principal.organizationId, walletId) : undefined;
    if (!view) throw DomainError.notFound('Wallet');
    return view;
  }

  /** The balance lookup by wallet_id or external_id. */
  async lookup(principal: Principal, dto: BalanceLookupDto): Promise<BalanceLookupResultDto> {
    if (!dto.wallet_id && !dto.external_id) {
      throw new DomainError(ErrorCode.InvalidRequest, 'Send wallet_id or external_id', {
        fields: [{ field: 'wallet_id', message: 'wallet_id or external_id is required' }],
      });
    }
    const wallet = dto.wallet_id
      ? await this.wallets.findByOrgAndId(principal.organizationId, dto.wallet_id)
      : await this.wallets.findByOrgAndExternalId(principal.organizationId, dto.external_id!);
    if (!wallet) throw DomainError.notFound('Wallet');
    const view = await this.balances.forWallet(principal.organizationId, wallet.id);
    return {
      account: { id: wallet.id, name: wallet.name, external_id: wallet.externalId, wallet_id: wallet.id },
      balances: view.networks.flatMap((n) =>
        n.assets.map((a) => ({
          currency: a.currency,
          asset: a.asset,
          network: n.network,
          amount: a.ledger,
          amount_raw: a.ledger_raw,
          pending_amount: a.pending,
          pending_amount_raw: a.pending_raw,
          available_balance: a.available,
          available_balance_raw: a.available_raw,
          amount_usd: a.ledger_usd,
          pending_amount_usd: a.pending_usd,
          available_balance_usd: a.available_usd,
          usd_rate: a.usd_rate,
          usd_rate_at: a.usd_rate_at,
          usd_stale: a.usd_stale,
        })),
      ),
      total_usd: {
        amount_usd: view.ledger_usd,
        pending_amount_usd: view.pending_usd,
        available_balance_usd: view.available_usd,
        usd_stale: view.usd_stale,
      },
    };
  }

  async singleBalance(principal: Principal, walletId: string, query: SingleBalanceQueryDto): Promise<SingleBalanceDto> {
    const wallet = await this.require(principal, walletId);
    // A fiat wallet's USD (`network=fiat&asset=USD`): a ledger position on no chain, never stale.
    const fiat =
      !query.chain &&
      query.network?.toLowerCase() === FIAT_CHAIN &&
      (query.asset ?? query.token)?.toUpperCase() === 'USD';
    const onChain = fiat ? undefined : this.registry.resolveAssetQuery(query);
    const asset = onChain ?? USD_FIAT;
    const network = onChain?.network ?? FIAT_LEDGER;
    const [{ figures }, sync] = await Promise.all([
      this.balances.figures(principal.organizationId, wallet.id, network, asset.symbol),
      this.balances.syncState(),
    ]);
    const s = fiat ? { isStale: false, lastSynced: null } : sync.get(network.key);
    const pair = (v: bigint) => [formatAmount(v, asset.decimals), v.toString()] as const;
    const [balance, balance_raw] = pair(figures.posted);
    const [available, available_raw] = pair(figures.available);
    const [pending_in, pending_in_raw] = pair(figures.pendingIn);
    const [pending_out, pending_out_raw] = pair(figures.pendingOut);
    const usd = this.prices.usdMany(asset, {
      balance: figures.posted,
      available: figures.available,
      pending_in: figures.pendingIn,
      pending_out: figures.pendingOut,
      pending: figures.pending,
      ledger: figures.ledger,
    });
    return {
      wallet_id: wallet.id,
      chain: network.chain,
      network: network.name,
      token_symbol: asset.symbol,
      currency: asset.currency,
      decimals: asset.decimals,
      balance,
      balance_raw,
      available,
      available_raw,
      pending_in,
      pending_in_raw,
      pending_out,
      pending_out_raw,
      is_stale: s?.isStale ?? true,
      last_synced: s?.lastSynced ? s.lastSynced.toISOString() : null,
      balance_usd: usd.values.balance,
      available_usd: usd.values.available,
      pending_in_usd: usd.values.pending_in,
      pending_out_usd: usd.values.pending_out,
      pending_usd: usd.values.pending,
      ledger_usd: usd.values.ledger,
      usd_rate: usd.usd_rate,
      usd_rate_at: usd.usd_rate_at,
      usd_stale: usd.usd_stale,
    };
  }

  private async require(principal: Principal, walletId: string): Promise<Wallet> {
    const wallet = isUuid(walletId) ? await this.wallets.findByOrgAndId(principal.organizationId, walletId) : null;
    if (!wallet) throw DomainError.notFound('Wallet');
    return wallet;
  }
}
