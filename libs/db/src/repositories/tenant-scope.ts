const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs: a malformed one can match nothing, so it is answered like an unknown one (404), not 400. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A write repeated a business key that must be unique (`key`: its name in the API, e.g. `external_id`). */
export class DuplicateKey extends Error {
  constructor(readonly key: string) {
    super(`duplicate ${key}`);
    this.name = 'DuplicateKey';
  }
}

/**
 * Runs a repository's write, turning a unique violation of one of `keys` (unique index -> business key) into a
 * `DuplicateKey`, so that services decide on business keys and never on database error codes.
 */
export async function withUniqueKeys<T>(write: Promise<T>, keys: Record<string, string>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
    const key =
      (e?.code ?? e?.driverError?.code) === '23505'
        ? keys[e?.constraint ?? e?.driverError?.constraint ?? '']
        : undefined;
    throw key ? new DuplicateKey(key) : error;
  }
}
