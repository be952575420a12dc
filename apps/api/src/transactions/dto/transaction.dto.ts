import { IsIn, IsString, Length } from 'class-validator';
import { Optional, PageQueryDto } from '@app/common';

export { TransactionDto, TransactionListDto } from '@app/ledger';

export class ListTransactionsQueryDto extends PageQueryDto {
  /** @example "incoming" */
  @Optional()
  @IsIn(['incoming', 'outgoing'])
  direction?: 'incoming' | 'outgoing';

  /** @example "confirmed" */
  @Optional()
  @IsIn(['detected', 'confirming', 'confirmed', 'quarantined', 'failed', 'pending', 'broadcast'])
  status?: string;

  /** @example "USDC" */
  @Optional()
  @IsString()
  @Length(1, 12)
  asset?: string;

  /** @example "ethereum" */
  @Optional()
  @IsString()
  @Length(1, 32)
  network?: string;
}
