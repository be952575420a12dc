import { Module } from '@nestjs/common';
import { ExternalAccountsService } from './external-accounts.service';
import { FeesService } from './fees.service';
import { NonceManager } from './nonce-manager';
import { BitcoinSender } from './bitcoin-sender.service';
import { SpeedUpService } from './speed-up';
import { SweeperService } from './sweeper.service';
import { TransferProcessor } from './transfer-processor.service';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';

@Module({
  controllers: [TransfersController],
  providers: [
    TransfersService,
    TransferProcessor,
    BitcoinSender,
    SpeedUpService,
    SweeperService,
    NonceManager,
    ExternalAccountsService,
    FeesService,
  ],
  exports: [TransferProcessor, BitcoinSender, SweeperService],
})
export class TransfersModule {}
