import { Module } from '@nestjs/common';
import { MasterWalletsController } from './master-wallets.controller';
import { MasterBalancesService } from './master-balances.service';
import { MasterWalletsService } from './master-wallets.service';

@Module({ controllers: [MasterWalletsController], providers: [MasterWalletsService, MasterBalancesService] })
export class MasterWalletsModule {}
