import { Global, Module } from '@nestjs/common';
import { CryptoService } from './crypto/crypto.service';
import { JobScheduler } from './jobs';

@Global()
@Module({ providers: [CryptoService, JobScheduler], exports: [CryptoService, JobScheduler] })
export class CommonModule {}
