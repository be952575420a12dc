import { Module } from '@nestjs/common';
import { AddressesController } from './addresses.controller';
import { AddressesService } from './addresses.service';
import { DerivationIndexes } from './derivation-indexes';

@Module({ controllers: [AddressesController], providers: [AddressesService, DerivationIndexes] })
export class AddressesModule {}
