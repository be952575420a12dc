import { Global, Module } from '@nestjs/common';
import { LedgerService } from './ledger.service';
import { WalletBalancesService } from './wallet-balances.service';

@Global()
@Module({ providers: [LedgerService, WalletBalancesService], exports: [LedgerService, WalletBalancesService] })
export class LedgerModule {}
