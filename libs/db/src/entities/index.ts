import { Address } from './address.entity';
import { ApiKey } from './api-key.entity';
import { AuthRequestId } from './auth-request-id.entity';
import { DerivationCounter } from './derivation-counter.entity';
import { Event } from './event.entity';
import { MasterWallet } from './master-wallet.entity';
import { Organization } from './organization.entity';
import { SystemSetting } from './system-setting.entity';
import { Wallet } from './wallet.entity';

export { Address, ApiKey, AuthRequestId, DerivationCounter, Event, MasterWallet, Organization, SystemSetting, Wallet };
export * from './wallet.entity';

export const ENTITIES = [Organization, ApiKey, AuthRequestId, SystemSetting, Wallet, Address, DerivationCounter, MasterWallet, Event];
