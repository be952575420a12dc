import { Module } from '@nestjs/common';
import { AML_SCREENER, DenylistScreener } from './aml';
import { ChainSyncService } from './chain-sync.service';

@Module({
  providers: [ChainSyncService, DenylistScreener, { provide: AML_SCREENER, useExisting: DenylistScreener }],
  exports: [ChainSyncService],
})
export class DepositsModule {}
