import { MigrationInterface } from 'typeorm';
import { Foundation1763780000000 } from './1763780000000-Foundation';
import { Wallets1763790000000 } from './1763790000000-Wallets';
import { Ledger1763800000000 } from './1763800000000-Ledger';
import { Transfers1763810000000 } from './1763810000000-Transfers';
import { Webhooks1763820000000 } from './1763820000000-Webhooks';
import { Performance1763830000000 } from './1763830000000-Performance';
import { Posting1764700000000 } from './1764700000000-Posting';
import { Utxos1764800000000 } from './1764800000000-Utxos';
import { BitcoinSends1764900000000 } from './1764900000000-BitcoinSends';
import { SpeedUps1764910000000 } from './1764910000000-SpeedUps';
import { TestEvents1765000000000 } from './1765000000000-TestEvents';
import { RedactStoredSecrets1765010000000 } from './1765010000000-RedactStoredSecrets';
import { FairQueues1765030000000 } from './1765030000000-FairQueues';
import { RateLimits1765040000000 } from './1765040000000-RateLimits';
import { LockOwnAccounts1765050000000 } from './1765050000000-LockOwnAccounts';
import { Prices1765100000000 } from './1765100000000-Prices';
import { SingleAssetWallets1765110000000 } from './1765110000000-SingleAssetWallets';

/**
 * Every migration, in order. `npm run migration:generate -- libs/db/src/migrations/<Name>` adds a file; list it here.
 */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Foundation1763780000000,
  Wallets1763790000000,
  Ledger1763800000000,
  Transfers1763810000000,
  Webhooks1763820000000,
  Performance1763830000000,
  Posting1764700000000,
  Utxos1764800000000,
  BitcoinSends1764900000000,
  SpeedUps1764910000000,
  TestEvents1765000000000,
  RedactStoredSecrets1765010000000,
  FairQueues1765030000000,
  RateLimits1765040000000,
  LockOwnAccounts1765050000000,
  Prices1765100000000,
  SingleAssetWallets1765110000000,
];
