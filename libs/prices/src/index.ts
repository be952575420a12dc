export * from './chainlink.source';
export * from './coingecko.source';
export * from './price-source';
export * from './prices.module';
export * from './prices.service';
export * from './usd';
