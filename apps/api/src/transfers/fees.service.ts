import { Injectable } from '@nestjs/common';
import { Address, formatGwei } from 'viem';
import { Asset, BitcoinClient, BitcoinFeeLevel, ChainClients, EvmClient, Network, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, formatAmount } from '@app/common';
import { AppConfig } from '@app/config';
import { FeeLevelDto, FeesDto, FeesQueryDto } from './dto/transfer.dto';

/** A send with one P2WPKH input, one output and change, in virtual bytes. */
const SEND_VSIZE = 141n;

/**
 * Fee levels. EVM: from the node's fee history, the next block's base fee plus the 10th/50th/90th percentile tips.
 * Bitcoin: fee rates in sat/vB from the node's estimates. The levels of a network and asset are kept for
 * `FEES_CACHE_SECONDS`: a burst of requests (every checkout page asks) costs the node one round trip, and concurrent
 * requests share the one in flight. A failed read is not kept.
 */
@Injectable()
export class FeesService {
  private readonly cache = new Map<string, { expires: number; levels: Promise<FeesDto> }>();
  private readonly ttlMs: number;

  constructor(
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
    config: AppConfig,
  ) {
    this.ttlMs = config.feesCacheSeconds * 1000;
  }

  async estimate(query: FeesQueryDto): Promise<FeesDto> {
    const network = this.registry.byChain(query.network.toLowerCase());
    const client = network && (this.clients.evm(network) ?? this.clients.bitcoin(network));
    if (!network || !client) {
      throw new DomainError(
        ErrorCode.InvalidNetwork,
        `No fee data for ${JSON.stringify(query.network)} on this deployment`,
        {
          supported: this.clients
            .watchers()
            .filter((w) => w.network.family === 'evm' || w.network.family === 'bitcoin')
            .map((w) => w.network.chain),
        },
      );
    }
    const native = network.assets.find((a) => a.native)!;
    const asset = query.asset ? this.registry.findAsset(network, query.asset) : native;
    if (!asset)
      throw new DomainError(ErrorCode.UnsupportedAssetNetwork, `${query.asset} is not an asset of ${network.chain}`, {
        supported: network.assets.map((a) => a.symbol),
      });
    return this.cached(`${network.key}:${asset.symbol}`, () =>
      client instanceof BitcoinClient
        ? this.bitcoin(client, asset.symbol, native.decimals)
        : this.evm(client, network, asset, native),
    );
  }

  private cached(key: string, read: () => Promise<FeesDto>): Promise<FeesDto> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.levels;
    const levels = read();
    if (this.ttlMs > 0) {
      const entry = { expires: now + this.ttlMs, levels };
      this.cache.set(key, entry);
      levels.catch(() => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      });
    }
    return levels;
  }

  /** From the node's fee history: the next block's base fee plus the 10th/50th/90th percentile tips. */
  private async evm(client: EvmClient, network: Network, asset: Asset, native: Asset): Promise<FeesDto> {
    const { baseFee, tips } = await client.feeHistory();
    // A token transfer to a fresh holder costs ~50k gas on the common ERC-20s; estimate it when the node can.
    const gasLimit = asset.native
      ? 21_000n
      : (
          await client.tokenTransferGas(
            asset.contract as Address,
            '0x000000000000000000000000000000000000dEaD',
            '0x000000000000000000000000000000000000bEEF',
            1n,
          )
        ).gas;
    const level = (tip: bigint): FeeLevelDto => {
      const maxFee = baseFee * 2n + tip;
      const fee = gasLimit * maxFee;
      return {
        max_fee_per_gas_gwei: formatGwei(maxFee),
        max_fee_per_gas: maxFee.toString(),
        max_priority_fee_per_gas: tip.toString(),
        fee_rate_sat_per_vb: null,
        estimated_fee: formatAmount(fee, native.decimals),
        estimated_fee_raw: fee.toString(),
      };
    };
    return {
      network: network.chain,
      asset: asset.symbol,
      fee_asset: native.symbol,
      gas_limit: gasLimit.toString(),
      base_fee_per_gas: baseFee.toString(),
      estimated_vsize: null,
      low: level(tips[0]),
      medium: level(tips[1]),
      high: level(tips[2]),
    };
  }

  /** Fee rates from the node's `estimatesmartfee` (24, 6 and 2 blocks), never under the minimum relay rate. */
  private async bitcoin(client: BitcoinClient, asset: string, decimals: number): Promise<FeesDto> {
    const level = async (name: BitcoinFeeLevel): Promise<FeeLevelDto> => {
      const rate = await client.feeRateFor(name);
      const fee = rate * SEND_VSIZE;
      return {
        max_fee_per_gas_gwei: null,
        max_fee_per_gas: null,
        max_priority_fee_per_gas: null,
        fee_rate_sat_per_vb: rate.toString(),
        estimated_fee: formatAmount(fee, decimals),
        estimated_fee_raw: fee.toString(),
      };
    };
    return {
      network: client.network.chain,
      asset,
      fee_asset: asset,
      gas_limit: null,
      base_fee_per_gas: null,
      estimated_vsize: SEND_VSIZE.toString(),
      low: await level('low'),
      medium: await level('medium'),
      high: await level('high'),
    };
  }
}
