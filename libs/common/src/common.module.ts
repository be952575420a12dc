import { Global, Module } from '@nestjs/common';
import { CryptoService } from './crypto/crypto.service';
import { FaultInjector } from './faults';
import { JobScheduler } from './jobs';

@Global()
@Module({
  providers: [CryptoService, JobScheduler, FaultInjector],
  exports: [CryptoService, JobScheduler, FaultInjector],
})
export class CommonModule {}
