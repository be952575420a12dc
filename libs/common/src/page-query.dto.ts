import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from './validation';

// In a *.dto.ts file so that the Swagger plugin documents `limit` and `cursor` on every list that takes them.
export class PageQueryDto {
  /**
   * Page size, 1-100.
   * @example 20
   */
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** Opaque cursor from a previous page's `next_cursor`. */
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
