import { AddressesRepository } from './addresses.repository';
import { DepositsRepository } from './deposits.repository';
import { DerivationCountersRepository } from './derivation-counters.repository';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { LedgerRepository } from './ledger.repository';
import { NonceCountersRepository } from './nonce-counters.repository';
import { OrganizationsRepository } from './organizations.repository';
import { OutboxRepository } from './outbox.repository';
import { ScannerRepository } from './scanner.repository';
import { SweepsRepository } from './sweeps.repository';
import { TransfersRepository } from './transfers.repository';
import { WalletsRepository } from './wallets.repository';
import { WithdrawalsRepository } from './withdrawals.repository';

export * from './addresses.repository';
export * from './deposits.repository';
export * from './derivation-counters.repository';
export * from './idempotency-keys.repository';
export * from './ledger.repository';
export * from './nonce-counters.repository';
export * from './organizations.repository';
export * from './outbox.repository';
export * from './scanner.repository';
export * from './sweeps.repository';
export * from './tenant-scope';
export * from './transfers.repository';
export * from './wallets.repository';
export * from './withdrawals.repository';

/** Every repository, provided and exported by DbModule. */
export const REPOSITORIES = [AddressesRepository, DepositsRepository, DerivationCountersRepository, IdempotencyKeysRepository, LedgerRepository, NonceCountersRepository, OrganizationsRepository, OutboxRepository, ScannerRepository, SweepsRepository, TransfersRepository, WalletsRepository, WithdrawalsRepository];
