import { Global, Module } from '@nestjs/common';
import { GAS_FAUCET } from '@app/chains';
import { BitcoinDevnetService } from './bitcoin-devnet.service';
import { DevnetService } from './devnet.service';
import { SandboxController } from './sandbox.controller';
import { SandboxService } from './sandbox.service';

/** Loaded only when NETWORK_ENV=devnet: test tokens, the sandbox helpers and the gas faucet. */
@Global()
@Module({
  controllers: [SandboxController],
  providers: [DevnetService, BitcoinDevnetService, SandboxService, { provide: GAS_FAUCET, useExisting: DevnetService }],
  exports: [DevnetService, GAS_FAUCET],
})
export class DevnetModule {}
