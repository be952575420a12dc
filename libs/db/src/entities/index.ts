import { Address } from './address.entity';
import { AssetPrice } from './asset-price.entity';
import { ChainCursor } from './chain-cursor.entity';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerTransfer } from './ledger-transfer.entity';
import { MasterWalletBalance } from './master-wallet-balance.entity';
import { ScannedBlock } from './scanned-block.entity';
import { WalletTransaction } from './wallet-transaction.entity';
import { ApiKey } from './api-key.entity';
import { AuthRequestId } from './auth-request-id.entity';
import { DerivationCounter } from './derivation-counter.entity';
import { Event } from './event.entity';
import { ExternalAccount } from './external-account.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { MasterWallet } from './master-wallet.entity';
import { NonceCounter } from './nonce-counter.entity';
import { Organization } from './organization.entity';
import { Sweep } from './sweep.entity';
import { SystemSetting } from './system-setting.entity';
import { TransferBatch } from './transfer-batch.entity';
import { Wallet } from './wallet.entity';
import { WebhookAttempt } from './webhook-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export {
  Address,
  AssetPrice,
  ApiKey,
  AuthRequestId,
  ChainCursor,
  DerivationCounter,
  Event,
  ExternalAccount,
  IdempotencyKey,
  LedgerAccount,
  LedgerTransfer,
  MasterWallet,
  MasterWalletBalance,
  NonceCounter,
  Organization,
  ScannedBlock,
  Sweep,
  SystemSetting,
  TransferBatch,
  Wallet,
  WalletTransaction,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
};
export * from './webhook-attempt.entity';
export * from './webhook-delivery.entity';
export * from './sweep.entity';
export * from './ledger-account.entity';
export * from './ledger-transfer.entity';
export * from './wallet-transaction.entity';
export * from './wallet.entity';

export const ENTITIES = [
  AssetPrice,
  Organization,
  ApiKey,
  AuthRequestId,
  SystemSetting,
  Wallet,
  Address,
  DerivationCounter,
  MasterWallet,
  Event,
  LedgerAccount,
  LedgerTransfer,
  WalletTransaction,
  ChainCursor,
  ScannedBlock,
  MasterWalletBalance,
  ExternalAccount,
  IdempotencyKey,
  NonceCounter,
  Sweep,
  TransferBatch,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
];
