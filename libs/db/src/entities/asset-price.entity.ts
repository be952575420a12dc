import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../transformers';

/** The USD price of one asset symbol as the price job last fetched it (deployment data, not tenant data). */
@Entity('asset_prices')
@Check('asset_prices_answer', 'answer > 0')
export class AssetPrice {
  /** The asset symbol (`ETH`, `USDC`): one price for the asset on every chain that carries it. */
  @PrimaryColumn('text')
  symbol!: string;

  /** The price as an integer with `decimals`: 300012345678 with 8 decimals is 3000.12345678 USD. */
  @Column('numeric', { precision: 78, scale: 0, transformer: bigintTransformer })
  answer!: bigint;

  @Column('smallint')
  decimals!: number;

  /** When the source says the price was observed (a Chainlink round's `updatedAt`, CoinGecko's `last_updated_at`). */
  @Column('timestamptz')
  rateAt!: Date;

  /** When this service last read it from the source. */
  @Column('timestamptz')
  fetchedAt!: Date;

  /** `chainlink` or `coingecko`. */
  @Column('text')
  source!: string;

  /** How old `rate_at` may get before the price is stale (a feed's heartbeat and margin, or PRICE_STALE_SECONDS). */
  @Column('integer')
  maxAgeSeconds!: number;

  /** Chainlink: the round id. */
  @Column('text', { nullable: true })
  roundId!: string | null;
}
