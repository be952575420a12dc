import { Module } from '@nestjs/common';
import { MasterWalletsController } from './master-wallets.controller';
import { MasterWalletsService } from './master-wallets.service';

@Module({ controllers: [MasterWalletsController], providers: [MasterWalletsService] })
export class MasterWalletsModule {}
