import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Transaction } from '@scure/btc-signer';
import {
  BitcoinClient,
  ChainClients,
  decodeBlock,
  DEVNET_ACCOUNTS,
  devnetBitcoinKey,
  DevnetBitcoinKey,
} from '@app/chains';
import { DomainError, ErrorCode } from '@app/common';
import { AppConfig } from '@app/config';

/** Witness (SegWit) spends are valid on bcoin's regtest from this height on (on Bitcoin Core's from genesis). */
const SEGWIT_HEIGHT = 432;
/** Blocks mined at first boot: past SegWit, with the first hundred coinbases mature. */
const BOOT_HEIGHT = 550;
/** Blocks paying the denylisted sender at first boot (mature once the rest is mined). */
const DENYLISTED_BLOCKS = 10;
const COINBASE_MATURITY = 100;
/** Fee rate of sandbox transactions, in sat/vB. */
const SANDBOX_FEE_RATE = 2n;
const DUST = 546n;

interface Coin {
  txid: string;
  index: number;
  value: bigint;
}

/**
 * Devnet only: the Bitcoin node's side of the sandbox. At first boot it mines past SegWit into the faucet (and a few
 * blocks to the denylisted sender); sandbox deposits are real transactions signed with those development keys,
 * spending the coinbases mined to them and their own change, and mined at once when the devnet has no block time.
 * Only RPCs that Bitcoin Core serves too are used.
 */
@Injectable()
export class BitcoinDevnetService implements OnModuleInit {
  private readonly logger = new Logger('BitcoinDevnet');
  private queue: Promise<unknown> = Promise.resolve();
  /** Change outputs of the development keys' sandbox payments, oldest first. */
  private readonly change = new Map<number, Coin[]>();
  /** Per development key, the next block height whose coinbase may pay it. */
  private readonly coinbaseCursor = new Map<number, bigint>();

  constructor(
    private readonly clients: ChainClients,
    private readonly config: AppConfig,
  ) {}

  client(): BitcoinClient | undefined {
    const network = this.clients.watchers().find((w) => w.network.family === 'bitcoin')?.network;
    return network && this.clients.bitcoin(network);
  }

  key(account: number): DevnetBitcoinKey {
    return devnetBitcoinKey(account, this.client()!.network.bitcoin!);
  }

  async onModuleInit(): Promise<void> {
    const client = this.client();
    if (!client || !this.config.devnetNodes.includes('bitcoin')) return;
    const height = Number(await client.head());
    if (height >= BOOT_HEIGHT) return;
    if (height < DENYLISTED_BLOCKS)
      await this.mine(DENYLISTED_BLOCKS - height, this.key(DEVNET_ACCOUNTS.denylisted).address);
    const rest = BOOT_HEIGHT - Math.max(height, DENYLISTED_BLOCKS);
    if (rest > 0) await this.mine(rest, this.key(DEVNET_ACCOUNTS.faucet).address);
    this.logger.log(`bitcoin devnet mined to height ${BOOT_HEIGHT} (SegWit from ${SEGWIT_HEIGHT})`);
  }

  /** Mines blocks paying the faucet (or `address`); returns the new head. */
  async mine(blocks: number, address = this.key(DEVNET_ACCOUNTS.faucet).address): Promise<bigint> {
    const client = this.client()!;
    await client.rpc.call('generatetoaddress', [blocks, address], 120_000);
    return client.head();
  }

  /**
   * Pays `amount` satoshis to `to` from a development key and returns the txid once the node's mempool holds it
   * (bcoin answers a txid for anything it can decode, so acceptance is checked with getmempoolentry).
   */
  pay(from: number, to: string, amount: bigint): Promise<string> {
    // One payment at a time: the next one sees the previous one's inputs spent in the mempool.
    const run = this.queue.then(() => this.payNow(from, to, amount));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async payNow(from: number, to: string, amount: bigint): Promise<string> {
    const client = this.client()!;
    const key = this.key(from);
    const params = client.network.bitcoin!;
    const tx = new Transaction();
    let inputs = 0n;
    // A P2WPKH input weighs about 68 vB, an output 31 vB, the rest 11 vB.
    const feeFor = (n: number) => SANDBOX_FEE_RATE * BigInt(11 + 68 * n + 31 * 2);
    const gathered: Coin[] = [];
    // nextCoin hands each coin out once: a payment that is not sent gives its coins back (else a payment the faucet
    // cannot afford would leave it unable to pay any other).
    const giveBack = () => this.changeOf(from).unshift(...gathered);
    while (inputs < amount + feeFor(tx.inputsLength)) {
      const coin = await this.nextCoin(from);
      if (!coin) {
        giveBack();
        throw new DomainError(ErrorCode.InsufficientFunds, 'The sandbox faucet holds too little BTC for this deposit', {
          field: 'amount',
        });
      }
      gathered.push(coin);
      tx.addInput({ txid: coin.txid, index: coin.index, witnessUtxo: { script: key.script, amount: coin.value } });
      inputs += coin.value;
    }
    const fee = feeFor(tx.inputsLength);
    tx.addOutputAddress(to, amount, params);
    const change = inputs - amount - fee;
    if (change >= DUST) tx.addOutputAddress(key.address, change, params);
    tx.sign(key.privateKey);
    tx.finalize();
    const txid = tx.id;
    if (!(await client.broadcast(tx.hex, txid, 5_000))) {
      giveBack();
      throw new Error(`the devnet node refused the sandbox transaction ${txid}`);
    }
    if (change >= DUST) this.changeOf(from).push({ txid, index: 1, value: change });
    if (this.config.devnetBlockTimeSeconds === 0) await this.mine(1);
    return txid;
  }

  /**
   * The next unspent output of a development key: its change outputs first, then the coinbases of the blocks mined
   * to it, oldest first, once mature. Each is checked with `gettxout` (mempool included), so outputs spent or
   * orphaned meanwhile (a sandbox reorg) are skipped.
   */
  private async nextCoin(account: number): Promise<Coin | undefined> {
    const client = this.client()!;
    const address = this.key(account).address;
    const unspent = async (c: Coin) => (await client.rpc.call('gettxout', [c.txid, c.index, true])) !== null;
    const change = this.changeOf(account);
    while (change.length) {
      const coin = change.shift()!;
      if (await unspent(coin)) return coin;
    }
    const tip = await client.head();
    for (let h = this.coinbaseCursor.get(account) ?? 1n; h + BigInt(COINBASE_MATURITY) <= tip + 1n; h++) {
      this.coinbaseCursor.set(account, h + 1n);
      const hash = await client.blockHash(h);
      if (!hash) break;
      const [coinbase] = decodeBlock(await client.rpc.call<string>('getblock', [hash, 0]), client.network.bitcoin!).txs;
      const output = coinbase.outputs.find((o) => o.address === address);
      if (!output) continue;
      const coin = { txid: coinbase.txid, index: output.index, value: output.amount };
      if (await unspent(coin)) return coin;
    }
    return undefined;
  }

  private changeOf(account: number): Coin[] {
    let list = this.change.get(account);
    if (!list) this.change.set(account, (list = []));
    return list;
  }
}
