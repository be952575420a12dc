import { DynamicModule, Global, Module } from '@nestjs/common';
import { ChainClients } from './chain-clients';
import { KEYRING_OPTIONS, KeyringOptions, KeyringService } from './keyring/keyring.service';
import { NetworkRegistry } from './registry/network-registry';

@Global()
@Module({})
export class ChainsModule {
  static forRoot(options: KeyringOptions = { requireSeed: true }): DynamicModule {
    return {
      module: ChainsModule,
      providers: [NetworkRegistry, KeyringService, ChainClients, { provide: KEYRING_OPTIONS, useValue: options }],
      exports: [NetworkRegistry, KeyringService, ChainClients],
    };
  }
}
