import { AddressesRepository } from './addresses.repository';
import { ApiKeysRepository } from './api-keys.repository';
import { AuthRequestIdsRepository } from './auth-request-ids.repository';
import { BalancesRepository } from './balances.repository';
import { ChainCursorsRepository } from './chain-cursors.repository';
import { EventsRepository } from './events.repository';
import { ExternalAccountsRepository } from './external-accounts.repository';
import { MasterWalletBalancesRepository } from './master-wallet-balances.repository';
import { MasterWalletsRepository } from './master-wallets.repository';
import { OrganizationsRepository } from './organizations.repository';
import { SystemSettingsRepository } from './system-settings.repository';
import { WalletTransactionsRepository } from './wallet-transactions.repository';
import { WalletsRepository } from './wallets.repository';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

export * from './addresses.repository';
export * from './api-keys.repository';
export * from './auth-request-ids.repository';
export * from './balances.repository';
export * from './chain-cursors.repository';
export * from './events.repository';
export * from './external-accounts.repository';
export * from './master-wallet-balances.repository';
export * from './master-wallets.repository';
export * from './organizations.repository';
export * from './system-settings.repository';
export * from './tenant-scope';
export * from './wallet-transactions.repository';
export * from './wallets.repository';
export * from './webhook-deliveries.repository';
export * from './webhook-endpoints.repository';

/** Every repository, provided and exported by DbModule. */
export const REPOSITORIES = [
  AddressesRepository,
  ApiKeysRepository,
  AuthRequestIdsRepository,
  BalancesRepository,
  ChainCursorsRepository,
  EventsRepository,
  ExternalAccountsRepository,
  MasterWalletBalancesRepository,
  MasterWalletsRepository,
  OrganizationsRepository,
  SystemSettingsRepository,
  WalletTransactionsRepository,
  WalletsRepository,
  WebhookDeliveriesRepository,
  WebhookEndpointsRepository,
];
