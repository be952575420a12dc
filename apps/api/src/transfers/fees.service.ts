import { Injectable } from '@nestjs/common';
import { Address, formatGwei } from 'viem';
import { ChainClients, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, formatAmount } from '@app/common';
import { FeeLevelDto, FeesDto, FeesQueryDto } from './dto/transfer.dto';

/** Fee levels from the node's fee history: the next block's base fee plus the 10th/50th/90th percentile tips. */
@Injectable()
export class FeesService {
  constructor(
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
  ) {}

  async estimate(query: FeesQueryDto): Promise<FeesDto> {
    const network = this.registry.byChain(query.network.toLowerCase());
    const client = network && this.clients.evm(network);
    if (!network || !client) {
      throw new DomainError(
        ErrorCode.InvalidNetwork,
        `No fee data for ${JSON.stringify(query.network)} on this deployment`,
        {
          supported: this.clients.all().map((c) => c.network.chain),
        },
      );
    }
    const native = network.assets.find((a) => a.native)!;
    const asset = query.asset ? this.registry.findAsset(network, query.asset) : native;
    if (!asset)
      throw new DomainError(ErrorCode.UnsupportedAssetNetwork, `${query.asset} is not an asset of ${network.chain}`, {
        supported: network.assets.map((a) => a.symbol),
      });
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
      low: level(tips[0]),
      medium: level(tips[1]),
      high: level(tips[2]),
    };
  }
}
