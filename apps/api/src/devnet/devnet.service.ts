import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Address, createWalletClient, getAddress, getContractAddress, Hash, http, WalletClient } from 'viem';
import {
  ChainClients,
  DEVNET_ACCOUNTS,
  DEVNET_PRICE_FEEDS,
  devnetAddress,
  ERC20_ABI,
  EvmClient,
  GasFaucet,
  Network,
  NetworkRegistry,
  PRICE_FEED,
  PRICE_FEED_OWNER_ABI,
  PriceFeed,
  TEST_TOKEN,
} from '@app/chains';

/** Test-token supply minted to the faucet and to the denylisted sender at deployment, in whole tokens. */
const FAUCET_SUPPLY = 1_000_000_000_000n;
const DENYLISTED_SUPPLY = 1_000_000_000n;

/**
 * Devnet only: deploys the test ERC-20s (USDC, USDT; 6 decimals) from committed bytecode at deterministic
 * addresses (the deployer's nonces 0, 1, ...), funds the faucet and the denylisted sender, and registers the
 * contracts. Idempotent: on a chain that kept its state nothing is sent again.
 */
@Injectable()
export class DevnetService implements OnModuleInit, GasFaucet {
  private readonly logger = new Logger('Devnet');
  readonly deployer = devnetAddress(DEVNET_ACCOUNTS.deployer);
  readonly faucet = devnetAddress(DEVNET_ACCOUNTS.faucet);
  readonly denylisted = devnetAddress(DEVNET_ACCOUNTS.denylisted);
  readonly oracle = devnetAddress(DEVNET_ACCOUNTS.oracle);
  private readonly wallets = new Map<string, WalletClient>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const client of this.clients.all()) await this.deployTokens(client);
    await this.deployPriceFeeds();
  }

  /** The decimals of the devnet feeds, as Chainlink's USD feeds have. */
  static readonly FEED_DECIMALS = 8;

  /**
   * Devnet only: deploys a Chainlink-compatible feed per priced asset (PriceFeed.sol, 8 decimals) on the ethereum
   * devnet node at deterministic addresses (the oracle account's nonces 0, 1, ...), with the starting prices. A feed
   * that kept its state but whose last round is older than half its heartbeat gets a fresh round at the same price,
   * as Chainlink's heartbeat would have posted one while the devnet was stopped.
   */
  private async deployPriceFeeds(): Promise<void> {
    const feeds = this.registry.priceFeeds();
    const client = feeds.length ? this.clients.evm(feeds[0].network) : undefined;
    if (!client) return;
    const wallet = this.walletFor(client);
    const chain = client.client.chain;
    for (const [nonce, start] of DEVNET_PRICE_FEEDS.entries()) {
      const feed = feeds.find((f) => f.symbol === start.symbol)!;
      const address = getContractAddress({ from: this.oracle, nonce: BigInt(nonce) });
      if (!(await client.client.getCode({ address }))) {
        const answer = BigInt(start.usd) * 10n ** BigInt(DevnetService.FEED_DECIMALS);
        const hash = await this.send(client, this.oracle, () =>
          wallet.deployContract({
            abi: PRICE_FEED.abi,
            bytecode: PRICE_FEED.bytecode,
            args: [DevnetService.FEED_DECIMALS, `${start.symbol} / USD`, answer],
            account: this.oracle,
            chain,
            nonce,
          }),
        ).catch(async (e: unknown) => {
          // A replica booting at the same moment deployed it with that nonce first.
          if (await client.client.getCode({ address })) return undefined;
          throw e;
        });
        if (hash) await this.waitMined(client, hash);
        this.logger.log(`deployed the ${start.symbol}/USD price feed on ${client.network.key} at ${address}`);
      }
      this.registry.setPriceFeed(start.symbol, getAddress(address));
      const round = await client.latestRound(address);
      // Seconds, as bigint like the round's time: a round older than half its heartbeat is refreshed.
      if (BigInt(Math.floor(Date.now() / 1000)) - round.updatedAt > BigInt(Math.floor(feed.heartbeatSeconds / 2))) {
        await this.postPrice(feed, round.answer);
      }
    }
  }

  /**
   * Devnet only: a new round on a price feed, at `answer` (the feed's decimals) and `updatedAt` (default: the block's
   * time). Resolves once mined, with the round as the feed now answers it.
   */
  async postPrice(
    feed: PriceFeed,
    answer: bigint,
    updatedAt?: Date,
  ): Promise<{ roundId: bigint; answer: bigint; updatedAt: bigint; decimals: number }> {
    const client = this.clients.evm(feed.network);
    if (!client || !feed.address) throw new Error(`the ${feed.symbol}/USD feed is not deployed`);
    const wallet = this.walletFor(client);
    const chain = client.client.chain;
    const address = feed.address;
    const hash = await this.send(client, this.oracle, () =>
      updatedAt
        ? wallet.writeContract({
            address,
            abi: PRICE_FEED_OWNER_ABI,
            functionName: 'updateRoundData',
            args: [answer, BigInt(Math.floor(updatedAt.getTime() / 1000))],
            account: this.oracle,
            chain,
          })
        : wallet.writeContract({
            address,
            abi: PRICE_FEED_OWNER_ABI,
            functionName: 'updateAnswer',
            args: [answer],
            account: this.oracle,
            chain,
          }),
    );
    await this.waitMined(client, hash);
    return client.latestRound(address);
  }

  /**
   * Devnet only: tops an address up from the faucet to 10x `minimum` of the native asset when it holds less than
   * `minimum`, so master wallets can pay gas without a manual deposit.
   */
  async ensureGas(network: Network, address: string, minimum: bigint): Promise<void> {
    const client = this.clients.evm(network);
    if (!client || (await client.nativeBalance(address as Address)) >= minimum) return;
    const wallet = this.walletFor(client);
    const hash = await this.send(client, this.faucet, () =>
      wallet.sendTransaction({
        account: this.faucet,
        to: address as Address,
        value: minimum * 10n,
        chain: client.client.chain,
      }),
    );
    await this.waitMined(client, hash);
    this.logger.log(`devnet gas faucet funded ${address} on ${network.key}`);
  }

  /** A wallet client that asks the node to sign with its unlocked development accounts (eth_sendTransaction). */
  walletFor(client: EvmClient): WalletClient {
    let wallet = this.wallets.get(client.network.key);
    if (!wallet) {
      wallet = createWalletClient({ chain: client.client.chain, transport: http(client.url) });
      this.wallets.set(client.network.key, wallet);
    }
    return wallet;
  }

  /**
   * Sends from one devnet account one at a time. Concurrent eth_sendTransaction calls from the same account were
   * seen to leave anvil (automine) with queued transactions that never mine; in order, they all do.
   */
  send(client: EvmClient, from: Address, sendTx: () => Promise<Hash>): Promise<Hash> {
    const key = `${client.network.key}:${from}`;
    const result = (this.queues.get(key) ?? Promise.resolve()).then(sendTx, sendTx);
    this.queues.set(
      key,
      result.catch(() => undefined),
    );
    return result;
  }

  async waitMined(client: EvmClient, hash: Hash): Promise<void> {
    await client.client.waitForTransactionReceipt({ hash, pollingInterval: 100, timeout: 60_000 });
  }

  private async deployTokens(client: EvmClient): Promise<void> {
    const network: Network = client.network;
    const tokens = network.assets
      .filter((a) => !a.native)
      .map((asset, nonce) => ({
        asset,
        nonce,
        address: getContractAddress({ from: this.deployer, nonce: BigInt(nonce) }),
      }));
    const wallet = this.walletFor(client);
    const chain = client.client.chain;
    // Every transaction is sent before any is awaited: with a block time they land in one or two blocks.
    const deploys: Array<{ symbol: string; address: Address; hash: Promise<Hash> }> = [];
    for (const { asset, nonce, address } of tokens) {
      if (await client.client.getCode({ address })) continue;
      const args = [`Test ${asset.symbol}`, asset.symbol, asset.decimals] as const;
      deploys.push({
        symbol: asset.symbol,
        address,
        hash: this.send(client, this.deployer, () =>
          wallet.deployContract({
            abi: TEST_TOKEN.abi,
            bytecode: TEST_TOKEN.bytecode,
            args,
            account: this.deployer,
            chain,
            nonce,
          }),
        ),
      });
    }
    for (const d of deploys) {
      try {
        await this.waitMined(client, await d.hash);
        this.logger.log(`deployed test ${d.symbol} on ${network.key} at ${d.address}`);
      } catch (e) {
        // Another process of this deployment deployed it first (same nonce): fine if the code is there now.
        if (!(await client.client.getCode({ address: d.address }))) throw e;
      }
    }
    const needed: Array<{ token: Address; holder: Address; amount: bigint }> = [];
    for (const { asset, address } of tokens) {
      this.registry.setContract(network, asset.symbol, getAddress(address));
      const unit = 10n ** BigInt(asset.decimals);
      for (const [holder, supply] of [
        [this.faucet, FAUCET_SUPPLY],
        [this.denylisted, DENYLISTED_SUPPLY],
      ] as const) {
        if ((await client.tokenBalance(address, holder)) === 0n)
          needed.push({ token: address, holder, amount: supply * unit });
      }
    }
    const mints = needed.map((n) =>
      this.send(client, this.deployer, () =>
        wallet.writeContract({
          address: n.token,
          abi: ERC20_ABI_WITH_MINT,
          functionName: 'mint',
          args: [n.holder, n.amount],
          account: this.deployer,
          chain,
        }),
      ),
    );
    for (const [i, sent] of mints.entries()) {
      try {
        await this.waitMined(client, await sent);
      } catch (e) {
        // A replica booting at the same moment minted with that nonce first.
        if ((await client.tokenBalance(needed[i].token, needed[i].holder)) === 0n) throw e;
      }
    }
  }
}

const ERC20_ABI_WITH_MINT = [
  ...ERC20_ABI,
  {
    type: 'function',
    name: 'mint',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'to', type: 'address' },
      { name: 'value', type: 'uint256' },
    ],
    outputs: [],
  },
] as const;
