import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { Optional } from '@app/common';

export class CreateAdjustmentDto {
  /**
   * `credit` adds to the fiat wallet (the organization's settlement account pays); `debit` takes from it (back to
   * the settlement account). A debit never takes the wallet below zero.
   * @example "credit"
   */
  @IsIn(['credit', 'debit'])
  direction!: 'credit' | 'debit';

  /**
   * Positive decimal string in dollars, at most 2 decimals (give this or `amount_raw`).
   * @example "12.34"
   */
  @Optional()
  @IsString()
  @Length(1, 100)
  amount?: string;

  /**
   * Positive integer string in cents (give this or `amount`).
   * @example "1234"
   */
  @Optional()
  @IsString()
  @Length(1, 80)
  amount_raw?: string;

  /**
   * Why the operator books it (kept as the transaction's `note`), 1-500 characters.
   * @example "Cash deposit at the counter, receipt 1042"
   */
  @IsString()
  @Length(1, 500)
  @MaxLength(500)
  reason!: string;
}
