import { Global, Module } from '@nestjs/common';
import { ChainClients, NetworkRegistry } from '@app/chains';
import { AppConfig } from '@app/config';
import { ChainlinkSource } from './chainlink.source';
import { CoinGeckoSource } from './coingecko.source';
import { PRICE_SOURCE, PriceSource } from './price-source';
import { PricesService } from './prices.service';

/** The price port's adapter chosen by PRICE_SOURCE (none: no provider, no prices), and the prices service. */
@Global()
@Module({
  providers: [
    {
      provide: PRICE_SOURCE,
      inject: [AppConfig, NetworkRegistry, ChainClients],
      useFactory: (config: AppConfig, registry: NetworkRegistry, clients: ChainClients): PriceSource | null => {
        switch (config.priceSource) {
          case 'chainlink':
            return new ChainlinkSource(registry, clients);
          case 'coingecko':
            return new CoinGeckoSource({
              url: config.priceApiUrl,
              apiKey: config.priceApiKey,
              maxAgeSeconds: config.priceStaleSeconds,
            });
          case 'none':
            return null;
        }
      },
    },
    PricesService,
  ],
  exports: [PricesService],
})
export class PricesModule {}
