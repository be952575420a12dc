import { Logger } from '@nestjs/common';
import { ChainClients, NetworkRegistry } from '@app/chains';
import { FetchedPrice, PriceSource } from './price-source';

/**
 * Chainlink USD feeds (AggregatorV3Interface) read through the deployment's own EVM RPC: `latestRoundData` and
 * `decimals` of the registry's feed per asset. A round may be as old as its feed's heartbeat plus a tenth (the
 * oracle network updates at least once per heartbeat; the margin covers a late transaction).
 */
export class ChainlinkSource implements PriceSource {
  readonly name = 'chainlink' as const;
  private readonly logger = new Logger('Prices');

  constructor(
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
  ) {}

  async fetch(symbols: string[]): Promise<FetchedPrice[]> {
    const feeds = this.registry.priceFeeds().filter((f) => symbols.includes(f.symbol) && f.address);
    const results = await Promise.all(
      feeds.map(async (feed): Promise<FetchedPrice | undefined> => {
        const client = this.clients.evm(feed.network);
        if (!client) return undefined; // no RPC URL for the feed's chain: no price
        try {
          const round = await client.latestRound(feed.address!);
          if (round.answer <= 0n || round.updatedAt === 0n || round.answeredInRound < round.roundId) {
            this.logger.warn(`price feed ${feed.symbol}/USD gave an unusable round ${round.roundId}; kept the last`);
            return undefined;
          }
          return {
            symbol: feed.symbol,
            rate: { answer: round.answer, decimals: round.decimals },
            rateAt: new Date(Number(round.updatedAt) * 1000),
            maxAgeSeconds: feed.heartbeatSeconds + Math.ceil(feed.heartbeatSeconds / 10),
            roundId: round.roundId.toString(),
          };
        } catch (err) {
          this.logger.warn({ err }, `price feed ${feed.symbol}/USD on ${feed.network.key} could not be read`);
          return undefined;
        }
      }),
    );
    return results.filter((r): r is FetchedPrice => r !== undefined);
  }
}
