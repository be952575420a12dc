import { AddressesRepository } from './addresses.repository';
import { ApiKeysRepository } from './api-keys.repository';
import { AssetPricesRepository } from './asset-prices.repository';
import { RateLimitsRepository } from './rate-limits.repository';
import { AuthRequestIdsRepository } from './auth-request-ids.repository';
import { BalancesRepository } from './balances.repository';
import { ChainCursorsRepository } from './chain-cursors.repository';
import { DepositsRepository } from './deposits.repository';
import { DerivationCountersRepository } from './derivation-counters.repository';
import { EventsRepository } from './events.repository';
import { ExternalAccountsRepository } from './external-accounts.repository';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { LedgerRepository } from './ledger.repository';
import { MasterWalletBalancesRepository } from './master-wallet-balances.repository';
import { MasterWalletsRepository } from './master-wallets.repository';
import { MonitoringRepository } from './monitoring.repository';
import { NonceCountersRepository } from './nonce-counters.repository';
import { OrganizationsRepository } from './organizations.repository';
import { OutboxRepository } from './outbox.repository';
import { SweepsRepository } from './sweeps.repository';
import { SystemSettingsRepository } from './system-settings.repository';
import { TransfersRepository } from './transfers.repository';
import { UtxosRepository } from './utxos.repository';
import { WalletTransactionsRepository } from './wallet-transactions.repository';
import { WalletsRepository } from './wallets.repository';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WithdrawalsRepository } from './withdrawals.repository';

export * from './addresses.repository';
export * from './api-keys.repository';
export * from './asset-prices.repository';
export * from './rate-limits.repository';
export * from './auth-request-ids.repository';
export * from './balances.repository';
export * from './chain-cursors.repository';
export * from './deposits.repository';
export * from './derivation-counters.repository';
export * from './events.repository';
export * from './external-accounts.repository';
export * from './idempotency-keys.repository';
export * from './ledger-invariants';
export * from './ledger.repository';
export * from './master-wallet-balances.repository';
export * from './master-wallets.repository';
export * from './monitoring.repository';
export * from './nonce-counters.repository';
export * from './organizations.repository';
export * from './outbox.repository';
export * from './sweeps.repository';
export * from './system-settings.repository';
export * from './tenant-scope';
export * from './transfers.repository';
export * from './utxos.repository';
export * from './wallet-transactions.repository';
export * from './wallets.repository';
export * from './webhook-deliveries.repository';
export * from './webhook-endpoints.repository';
export * from './withdrawals.repository';

/** Every repository, provided and exported by DbModule. */
export const REPOSITORIES = [
  AssetPricesRepository,
  AddressesRepository,
  ApiKeysRepository,
  RateLimitsRepository,
  AuthRequestIdsRepository,
  BalancesRepository,
  ChainCursorsRepository,
  DepositsRepository,
  DerivationCountersRepository,
  EventsRepository,
  ExternalAccountsRepository,
  IdempotencyKeysRepository,
  LedgerRepository,
  MasterWalletBalancesRepository,
  MasterWalletsRepository,
  MonitoringRepository,
  NonceCountersRepository,
  OrganizationsRepository,
  OutboxRepository,
  SweepsRepository,
  SystemSettingsRepository,
  TransfersRepository,
  UtxosRepository,
  WalletTransactionsRepository,
  WalletsRepository,
  WebhookDeliveriesRepository,
  WebhookEndpointsRepository,
  WithdrawalsRepository,
];
