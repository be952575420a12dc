import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HDKey } from '@scure/bip32';
import { generateMnemonic, mnemonicToSeedSync, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english';
import { CryptoService } from '@app/common';
import { AppConfig } from '@app/config';
import { SystemSettingsRepository } from '@app/db';
import type { Network } from '../registry/network-registry';
import { addressOf } from '../addresses';
import { ChildKeys } from './child-keys';
import { accountPath, CHANGE_CHAIN, RECEIVE_CHAIN } from './derivation';

export const ROOT_SEED_SETTING = 'root_seed';
const ROOT_SEED_AAD = 'root-seed:v1';

interface SealedSeed {
  sealed: string;
  /** BIP32 fingerprint of the root key: identifies the seed without revealing it. */
  fingerprint: string;
  created_at: string;
}

/** Child keys kept ahead of their requests, at most: a few blocks of indexes for each busy organization. */
const EARLY_KEYS = 4096;

export const KEYRING_OPTIONS = 'KEYRING_OPTIONS';
export interface KeyringOptions {
  /** The API refuses to boot without a seed; the operator CLI must not (it is how the seed gets created). */
  requireSeed: boolean;
}

export class KeyringNotInitialisedError extends Error {
  constructor() {
    super(
      'The root seed is not initialised: run `npm run cli -- keyring:init` (prints the mnemonic once for an offline backup)',
    );
  }
}

/**
 * One BIP39 root seed per deployment, sealed with the key-encryption key (AES-256-GCM) in `system_settings`, so every
 * replica with the KEK can use it and nothing else can. Devnet creates it on first boot; testnet and mainnet need
 * an operator to run `keyring:init`. Key material and paths never leave this class except as addresses and,
 * for the signer, a private key that is used and dropped.
 */
@Injectable()
export class KeyringService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Keyring');
  private root?: HDKey;
  /**
   * Public-only account nodes (deriving a receive address needs no private key), with their extended public keys for
   * the worker thread that derives receive addresses.
   */
  private readonly accounts = new Map<string, { node: HDKey; xpub: string }>();
  private readonly childKeys = new ChildKeys();
  /** Child keys derived ahead of their request, by `${xpub}/${index}` (oldest first). */
  private readonly early = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly config: AppConfig,
    private readonly crypto: CryptoService,
    private readonly settings: SystemSettingsRepository,
    @Inject(KEYRING_OPTIONS) private readonly options: KeyringOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    let stored = await this.load();
    if (!stored && this.config.isDevnet && this.options.requireSeed) {
      stored = await this.initialise(generateMnemonic(wordlist, 256));
      this.logger.log(`devnet root seed created (fingerprint ${stored.fingerprint})`);
    }
    if (stored) this.root = this.unseal(stored);
    else if (this.options.requireSeed) throw new KeyringNotInitialisedError();
  }

  /** After the HTTP server closed (Nest calls this last), so that requests still in flight get their addresses. */
  async onApplicationShutdown(): Promise<void> {
    await this.childKeys.close();
  }

  get initialised(): boolean {
    return this.root !== undefined;
  }

  /** Stores a new root seed unless one exists; returns the stored one either way (replicas race safely). */
  async initialise(mnemonic: string): Promise<SealedSeed> {
    if (!validateMnemonic(mnemonic, wordlist)) throw new Error('not a valid English BIP39 mnemonic');
    const root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
    const value: SealedSeed = {
      sealed: this.crypto.box('root-seed').seal(mnemonic, ROOT_SEED_AAD),
      fingerprint: root.fingerprint.toString(16).padStart(8, '0'),
      created_at: new Date().toISOString(),
    };
    await this.settings.insertIfAbsent(ROOT_SEED_SETTING, value);
    const stored = await this.load();
    if (!stored) throw new Error('root seed was not stored');
    this.root ??= this.unseal(stored);
    return stored;
  }

  async fingerprint(): Promise<string | undefined> {
    return (await this.load())?.fingerprint;
  }

  /** The address at `index` of the organization's account on a network's chain family. */
  address(network: Network, account: number, index: number): string {
    const node = this.accountNode(network, account).node.deriveChild(index);
    if (!node.publicKey) throw new Error('derivation produced no public key');
    return addressOf(node.publicKey, network);
  }

  /**
   * The same address as `address()`, with the elliptic-curve work done on a worker thread (`ChildKeys`), for request
   * paths: on the event loop it would take about half a millisecond per address. `ahead` are the indexes the caller
   * expects to ask for next: their keys are derived now, while this request and the next go on.
   */
  async receiveAddress(
    network: Network,
    account: number,
    index: number,
    ahead: readonly number[] = [],
  ): Promise<string> {
    const { xpub } = this.accountNode(network, account);
    for (const i of ahead) this.deriveEarly(xpub, i);
    const key = `${xpub}/${index}`;
    const early = this.early.get(key);
    this.early.delete(key);
    const publicKey = early
      ? await early.catch(() => this.childKeys.derive(xpub, index))
      : await this.childKeys.derive(xpub, index);
    return addressOf(publicKey, network);
  }

  private deriveEarly(xpub: string, index: number): void {
    const key = `${xpub}/${index}`;
    if (this.early.has(key)) return;
    const derived = this.childKeys.derive(xpub, index);
    derived.catch(() => undefined); // whoever takes it derives again
    this.early.set(key, derived);
    if (this.early.size > EARLY_KEYS) this.early.delete(this.early.keys().next().value!);
  }

  /** The change address at `index` of the organization's account (Bitcoin: `.../1/index`), never a receive address. */
  changeAddress(network: Network, account: number, index: number): string {
    const node = this.accountNode(network, account, CHANGE_CHAIN).node.deriveChild(index);
    if (!node.publicKey) throw new Error('derivation produced no public key');
    return addressOf(node.publicKey, network);
  }

  /** The private key of one address (receive chain unless told), for the signer only. Never kept nor logged. */
  privateKey(network: Network, account: number, index: number, chain = RECEIVE_CHAIN): Uint8Array {
    const node = this.requireRoot().derive(`${accountPath(network, account, chain)}/${index}`);
    if (!node.privateKey) throw new Error('derivation produced no private key');
    return node.privateKey;
  }

  private accountNode(network: Network, account: number, chain = RECEIVE_CHAIN): { node: HDKey; xpub: string } {
    const path = accountPath(network, account, chain);
    let cached = this.accounts.get(path);
    if (!cached) {
      const xpub = this.requireRoot().derive(path).publicExtendedKey;
      cached = { node: HDKey.fromExtendedKey(xpub), xpub };
      this.accounts.set(path, cached);
    }
    return cached;
  }

  private requireRoot(): HDKey {
    if (!this.root) throw new KeyringNotInitialisedError();
    return this.root;
  }

  private async load(): Promise<SealedSeed | undefined> {
    const row = await this.settings.findByKey(ROOT_SEED_SETTING);
    return (row?.value as SealedSeed | undefined) ?? undefined;
  }

  private unseal(stored: SealedSeed): HDKey {
    let mnemonic: string;
    try {
      mnemonic = this.crypto.box('root-seed').open(stored.sealed, ROOT_SEED_AAD).toString('utf8');
    } catch {
      throw new Error('The root seed cannot be decrypted: KEY_ENCRYPTION_KEY is not the key it was sealed with');
    }
    return HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  }
}
