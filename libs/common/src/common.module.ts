import { Global, Module } from '@nestjs/common';
import { CryptoService } from './crypto/crypto.service';
import { FaultInjector } from './faults';
import { JobScheduler } from './jobs';
import { Metrics } from './metrics';

@Global()
@Module({
  providers: [CryptoService, JobScheduler, FaultInjector, Metrics],
  exports: [CryptoService, JobScheduler, FaultInjector, Metrics],
})
export class CommonModule {}
