import { Injectable } from '@nestjs/common';
import { Address, toHex } from 'viem';
import { ChainClients, checkAddress, ERC20_ABI, EvmClient, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, formatAmount, parseAmount } from '@app/common';
import { DevnetService } from './devnet.service';
import {
  SandboxDepositDto,
  SandboxDepositResultDto,
  SandboxHeadDto,
  SandboxMineDto,
  SandboxRevertDto,
  SandboxSnapshotDto,
} from './dto/sandbox.dto';

/** Real transactions on the devnet nodes, for trying deposits, confirmations and reorgs by hand or in tests. */
@Injectable()
export class SandboxService {
  constructor(
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
    private readonly devnet: DevnetService,
  ) {}

  async deposit(dto: SandboxDepositDto): Promise<SandboxDepositResultDto> {
    const client = this.client(dto.network);
    const network = client.network;
    const asset = this.registry.findAsset(network, dto.asset);
    if (!asset) {
      throw new DomainError(ErrorCode.UnsupportedAssetNetwork, `${dto.asset} is not an asset of ${network.chain}`, {
        supported: network.assets.map((a) => a.symbol),
      });
    }
    const check = checkAddress(dto.address, network);
    if (!check.valid || !check.normalized) {
      throw new DomainError(
        ErrorCode.InvalidAddress,
        `Not a valid ${network.chain} address: ${check.reason ?? 'invalid'}`,
        { field: 'address' },
      );
    }
    const amount = parseAmount(dto.amount, asset.decimals);
    const from = dto.from_denylisted ? this.devnet.denylisted : this.devnet.faucet;
    const to = check.normalized as Address;
    const wallet = this.devnet.walletFor(client);
    const chain = client.client.chain;
    const hash = await this.devnet.send(client, from, () =>
      asset.native || !asset.contract
        ? wallet.sendTransaction({ account: from, to, value: amount, chain })
        : wallet.writeContract({
            address: asset.contract as Address,
            abi: ERC20_ABI,
            functionName: 'transfer',
            args: [to, amount],
            account: from,
            chain,
          }),
    );
    return {
      tx_hash: hash,
      network: network.chain,
      asset: asset.symbol,
      amount: formatAmount(amount, asset.decimals),
      amount_raw: amount.toString(),
      from_address: from,
      to_address: to,
    };
  }

  async mine(dto: SandboxMineDto): Promise<SandboxHeadDto> {
    const client = this.client(dto.network);
    await client.client.request({ method: 'anvil_mine' as never, params: [toHex(dto.blocks)] as never });
    return { network: client.network.chain, head_height: (await client.head()).toString() };
  }

  async snapshot(network: string): Promise<SandboxSnapshotDto> {
    const client = this.client(network);
    const id = await client.client.request({ method: 'evm_snapshot' as never, params: [] as never });
    return { network: client.network.chain, snapshot_id: id, head_height: (await client.head()).toString() };
  }

  /** Rolls the chain back to a snapshot: blocks mined since are orphaned, as in a reorg, once new blocks follow. */
  async revert(dto: SandboxRevertDto): Promise<SandboxHeadDto> {
    const client = this.client(dto.network);
    const ok = await client.client.request({ method: 'evm_revert' as never, params: [dto.snapshot_id] as never });
    if (!ok) throw new DomainError(ErrorCode.NotFound, 'No such snapshot (each snapshot can be reverted to once)');
    return { network: client.network.chain, head_height: (await client.head()).toString() };
  }

  private client(chain: string): EvmClient {
    const network = this.registry.byChain(chain.toLowerCase());
    const client = network && this.clients.evm(network);
    if (!client) {
      throw new DomainError(ErrorCode.InvalidNetwork, `No devnet node runs for ${JSON.stringify(chain)}`, {
        supported: this.clients.all().map((c) => c.network.chain),
      });
    }
    return client;
  }
}
