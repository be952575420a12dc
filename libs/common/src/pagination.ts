import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from './errors/domain-error';
import { ErrorCode } from './errors/error-code';
import { PageQueryDto } from './page-query.dto';

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id?: unknown };
    if (typeof parsed.id === 'string' && UUID.test(parsed.id)) return parsed.id;
  } catch {
    // fall through to the error below
  }
  throw new DomainError(ErrorCode.InvalidRequest, 'cursor is not a cursor this API issued', { field: 'cursor' });
}

/**
 * Keyset pagination, newest first, on (created_at, id). The cursor names the last row seen; comparing against
 * that row's own stored timestamp avoids the precision loss of putting timestamps into the cursor.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  query: PageQueryDto,
  defaultLimit = 20,
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const alias = qb.alias;
  const table = qb.expressionMap.mainAlias?.metadata.tableName;
  const limit = query.limit ?? defaultLimit;
  if (query.cursor) {
    const id = decodeCursor(query.cursor);
    qb.andWhere(
      `(${alias}.created_at, ${alias}.id) < (SELECT c.created_at, c.id FROM ${table} c WHERE c.id = :__cursor)`,
      { __cursor: id },
    );
  }
  const rows = await qb
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1)
    .getMany();
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return { rows: page, nextCursor: hasMore ? encodeCursor(page[page.length - 1].id) : null };
}
