import { Address } from './address.entity';
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
import { MasterWallet } from './master-wallet.entity';
import { Organization } from './organization.entity';
import { SystemSetting } from './system-setting.entity';
import { Wallet } from './wallet.entity';

export {
  Address, ApiKey, AuthRequestId, ChainCursor, DerivationCounter, Event, LedgerAccount, LedgerTransfer, MasterWallet, MasterWalletBalance,
  Organization, ScannedBlock, SystemSetting, Wallet, WalletTransaction,
};
export * from './ledger-account.entity';
export * from './ledger-transfer.entity';
export * from './wallet-transaction.entity';
export * from './wallet.entity';

export const ENTITIES = [
  Organization, ApiKey, AuthRequestId, SystemSetting, Wallet, Address, DerivationCounter, MasterWallet, Event,
  LedgerAccount, LedgerTransfer, WalletTransaction, ChainCursor, ScannedBlock, MasterWalletBalance,
];
