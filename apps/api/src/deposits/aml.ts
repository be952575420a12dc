import { Injectable, Logger } from '@nestjs/common';
import { readFileSync, statSync } from 'node:fs';
import { DEVNET_ACCOUNTS, devnetAddress, devnetBitcoinKey, Network } from '@app/chains';
import { AppConfig } from '@app/config';

export type AmlVerdict = 'allow' | 'deny';

export interface AmlCheck {
  network: Network;
  senders: string[];
  recipient: string;
  asset: string;
  amount: bigint;
}

/** The screening port: a KYT vendor plugs in here by providing another implementation of AML_SCREENER. */
export interface AmlScreener {
  screen(check: AmlCheck): Promise<AmlVerdict>;
}

export const AML_SCREENER = Symbol('AML_SCREENER');

const key = (address: string) => (/^0x[0-9a-fA-F]{40}$/.test(address) ? address.toLowerCase() : address);

/**
 * Default screener: a denylist file of sender addresses (AML_DENYLIST_PATH; one per line, `#` starts a comment),
 * re-read when the file changes. On devnet the sandbox's denylisted sender is always on it.
 */
@Injectable()
export class DenylistScreener implements AmlScreener {
  private readonly logger = new Logger('Aml');
  private denied = new Set<string>();
  private loadedMtime = -1;
  private checkedAt = 0;

  constructor(private readonly config: AppConfig) {
    this.reload();
  }

  screen(check: AmlCheck): Promise<AmlVerdict> {
    this.reloadIfChanged();
    const devnetDenied = this.config.isDevnet ? this.devnetDenylisted(check.network) : undefined;
    const denied = check.senders.some((s) => this.denied.has(key(s)) || key(s) === devnetDenied);
    return Promise.resolve(denied ? 'deny' : 'allow');
  }

  /** The sandbox's denylisted sender on this network. */
  private devnetDenylisted(network: Network): string {
    return network.bitcoin
      ? devnetBitcoinKey(DEVNET_ACCOUNTS.denylisted, network.bitcoin).address
      : key(devnetAddress(DEVNET_ACCOUNTS.denylisted));
  }

  private reloadIfChanged(): void {
    if (!this.config.amlDenylistPath || Date.now() - this.checkedAt < 1000) return;
    this.checkedAt = Date.now();
    if (statSync(this.config.amlDenylistPath, { throwIfNoEntry: false })?.mtimeMs !== this.loadedMtime) this.reload();
  }

  private reload(): void {
    const path = this.config.amlDenylistPath;
    if (!path) return;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) {
      this.logger.error(`AML_DENYLIST_PATH ${path} does not exist: screening with an empty denylist`);
      return;
    }
    const entries = readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean);
    this.denied = new Set(entries.map(key));
    this.loadedMtime = stat.mtimeMs;
    this.logger.log(`AML denylist loaded: ${this.denied.size} addresses`);
  }
}
