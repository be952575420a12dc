import { Injectable } from '@nestjs/common';
import { Address, BaseError, InsufficientFundsError, ResourceNotFoundRpcError, toHex } from 'viem';
import {
  ChainClients,
  checkAddress,
  DEVNET_ACCOUNTS,
  ERC20_ABI,
  EvmClient,
  Network,
  NetworkRegistry,
} from '@app/chains';
import { DomainError, ErrorCode, formatAmount, parseAmount } from '@app/common';
import { BitcoinDevnetService } from './bitcoin-devnet.service';
import { DevnetService } from './devnet.service';
import {
  SandboxDepositDto,
  SandboxDepositResultDto,
  SandboxHeadDto,
  SandboxMineDto,
  SandboxPriceDto,
  SandboxPriceResultDto,
  SandboxRevertDto,
  SandboxSnapshotDto,
} from './dto/sandbox.dto';

const MAX_INT256 = (1n << 255n) - 1n;

/** Real transactions on the devnet nodes, for trying deposits, confirmations and reorgs by hand or in tests. */
@Injectable()
export class SandboxService {
  /**
   * Per EVM network, the snapshots this process took, and those still live. Anvil keeps a snapshot taken after the
   * one a revert went back to, though its blocks are gone: reverting to it fails ("Resource not found"), and after
   * that failure anvil fails every revert. So a revert drops the snapshots taken after it (as Hardhat and Ganache do)
   * and they are answered here, without asking the node.
   */
  private readonly snapshots = new Map<string, { taken: Set<bigint>; live: Set<bigint> }>();

  constructor(
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
    private readonly devnet: DevnetService,
    private readonly bitcoin: BitcoinDevnetService,
  ) {}

  async deposit(dto: SandboxDepositDto): Promise<SandboxDepositResultDto> {
    const network = this.network(dto.network);
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
    if (network.family === 'bitcoin') {
      const account = dto.from_denylisted ? DEVNET_ACCOUNTS.denylisted : DEVNET_ACCOUNTS.faucet;
      const txid = await this.bitcoin.pay(account, check.normalized, amount);
      return {
        tx_hash: txid,
        network: network.chain,
        asset: asset.symbol,
        amount: formatAmount(amount, asset.decimals),
        amount_raw: amount.toString(),
        from_address: this.bitcoin.key(account).address,
        to_address: check.normalized,
      };
    }
    const client = this.client(dto.network);
    const from = dto.from_denylisted ? this.devnet.denylisted : this.devnet.faucet;
    const to = check.normalized as Address;
    const wallet = this.devnet.walletFor(client);
    const chain = client.client.chain;
    const hash = await this.devnet
      .send(client, from, () =>
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
      )
      .catch((e: unknown) => {
        if (e instanceof BaseError && e.walk((cause) => cause instanceof InsufficientFundsError))
          throw new DomainError(
            ErrorCode.InsufficientFunds,
            `The sandbox faucet holds too little ${asset.symbol} for this deposit`,
            { field: 'amount' },
          );
        throw e;
      });
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

  /** A new round on the asset's devnet price feed: the price job reads it at its next refresh. */
  async setPrice(dto: SandboxPriceDto): Promise<SandboxPriceResultDto> {
    const symbol = dto.asset.toUpperCase();
    const feeds = this.registry.priceFeeds();
    const feed = feeds.find((f) => f.symbol === symbol);
    if (!feed) {
      throw new DomainError(ErrorCode.UnsupportedAssetNetwork, `No devnet price feed for ${dto.asset}`, {
        supported: feeds.map((f) => f.symbol),
      });
    }
    if (!feed.address || !this.clients.evm(feed.network)) {
      throw new DomainError(ErrorCode.InvalidNetwork, `No devnet node runs for ${feed.network.chain}`);
    }
    const answer = parseAmount(dto.usd, DevnetService.FEED_DECIMALS, 'usd');
    if (answer > MAX_INT256) throw new DomainError(ErrorCode.InvalidAmount, 'usd is too large', { field: 'usd' });
    const updatedAt = dto.updated_at ? new Date(dto.updated_at) : undefined;
    // A round time before the epoch does not fit the feed's uint256; one in the future would never turn stale.
    if (updatedAt && !(updatedAt.getTime() >= 1000 && updatedAt.getTime() <= Date.now() + 60_000)) {
      throw new DomainError(ErrorCode.InvalidRequest, 'updated_at must be after 1970 and not in the future', {
        fields: [{ field: 'updated_at', message: 'updated_at must be after 1970 and not in the future' }],
      });
    }
    const round = await this.devnet.postPrice(feed, answer, updatedAt);
    return {
      asset: symbol,
      usd: formatAmount(round.answer, round.decimals),
      answer_raw: round.answer.toString(),
      decimals: round.decimals,
      round_id: round.roundId.toString(),
      updated_at: new Date(Number(round.updatedAt) * 1000).toISOString(),
      network: feed.network.chain,
      feed_address: feed.address,
    };
  }

  async mine(dto: SandboxMineDto): Promise<SandboxHeadDto> {
    if (this.network(dto.network).family === 'bitcoin') {
      return { network: 'bitcoin', head_height: (await this.bitcoin.mine(dto.blocks)).toString() };
    }
    const client = this.client(dto.network);
    await client.client.request({ method: 'anvil_mine' as never, params: [toHex(dto.blocks)] as never });
    return { network: client.network.chain, head_height: (await client.head()).toString() };
  }

  /** On bitcoin a snapshot is a height: reverting invalidates the block above it (and all after it). */
  async snapshot(network: string): Promise<SandboxSnapshotDto> {
    if (this.network(network).family === 'bitcoin') {
      const head = await this.bitcoin.client()!.head();
      return { network: 'bitcoin', snapshot_id: `0x${head.toString(16)}`, head_height: head.toString() };
    }
    const client = this.client(network);
    const id = await client.client.request({ method: 'evm_snapshot' as never, params: [] as never });
    const mine = this.snapshotsOf(client);
    mine.taken.add(BigInt(id));
    mine.live.add(BigInt(id));
    return { network: client.network.chain, snapshot_id: id, head_height: (await client.head()).toString() };
  }

  /** Rolls the chain back to a snapshot: blocks mined since are orphaned, as in a reorg, once new blocks follow. */
  async revert(dto: SandboxRevertDto): Promise<SandboxHeadDto> {
    if (this.network(dto.network).family === 'bitcoin') {
      const client = this.bitcoin.client()!;
      const above = await client.blockHash(BigInt(dto.snapshot_id) + 1n);
      if (!above) throw new DomainError(ErrorCode.NotFound, 'No block above that snapshot: nothing to revert');
      await client.rpc.call('invalidateblock', [above]);
      return { network: 'bitcoin', head_height: (await client.head()).toString() };
    }
    const client = this.client(dto.network);
    const id = BigInt(dto.snapshot_id);
    const mine = this.snapshotsOf(client);
    const noSuchSnapshot = new DomainError(
      ErrorCode.NotFound,
      'No such snapshot (each snapshot can be reverted to once; a revert drops the snapshots taken after it)',
    );
    if (mine.taken.has(id) && !mine.live.has(id)) throw noSuchSnapshot;
    const ok = await client.client
      .request({ method: 'evm_revert' as never, params: [dto.snapshot_id] as never })
      .catch((e: unknown) => {
        // A snapshot another process took, dropped by a revert: anvil's answer for a snapshot it cannot go back to.
        if (e instanceof ResourceNotFoundRpcError) return false;
        throw e;
      });
    if (!ok) throw noSuchSnapshot;
    for (const live of mine.live) if (live >= id) mine.live.delete(live);
    return { network: client.network.chain, head_height: (await client.head()).toString() };
  }

  private snapshotsOf(client: EvmClient): { taken: Set<bigint>; live: Set<bigint> } {
    let mine = this.snapshots.get(client.network.key);
    if (!mine) this.snapshots.set(client.network.key, (mine = { taken: new Set(), live: new Set() }));
    return mine;
  }

  /** A devnet network whose node runs here (EVM or Bitcoin). */
  private network(chain: string): Network {
    const network = this.registry.byChain(chain.toLowerCase());
    if (!network || !this.clients.watcher(network)) {
      throw new DomainError(ErrorCode.InvalidNetwork, `No devnet node runs for ${JSON.stringify(chain)}`, {
        supported: this.clients.watchers().map((w) => w.network.chain),
      });
    }
    return network;
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
