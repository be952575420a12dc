import { DomainError } from './errors/domain-error';
import { ErrorCode } from './errors/error-code';

/** Base units are bigint in code and numeric(78,0) in SQL: the largest value is 2^256 - 1. */
export const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * Parses a positive decimal string strictly: no sign, exponent, whitespace, leading zeros or more fraction digits
 * than the asset has. Throws 422 `invalid_amount`; never rounds.
 */
export function parseAmount(value: unknown, decimals: number, field = 'amount'): bigint {
  if (typeof value !== 'string') {
    throw new DomainError(ErrorCode.InvalidAmount, `${field} must be a decimal string, e.g. "125.50"`, { field });
  }
  const pattern = decimals > 0 ? new RegExp(`^(0|[1-9]\\d*)(\\.\\d{1,${decimals}})?$`) : /^(0|[1-9]\d*)$/;
  if (!pattern.test(value)) {
    throw new DomainError(
      ErrorCode.InvalidAmount,
      `${field} must be a plain decimal string with at most ${decimals} decimal places`,
      { field, decimals },
    );
  }
  const [whole, fraction = ''] = value.split('.');
  const raw = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  return checkRange(raw, field);
}

/**
 * A configured threshold (`"0.01"`, a plain decimal string already checked at boot) in base units of an asset, rounded
 * up when it has more fraction digits than the asset (USDT has 6 on Ethereum and 18 on BSC): a minimum is never
 * lowered, and never refused where it is used.
 */
export function thresholdBaseUnits(value: string, decimals: number): bigint {
  const [whole, fraction = ''] = value.split('.');
  const raw =
    BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.slice(0, decimals).padEnd(decimals, '0') || '0');
  return /[1-9]/.test(fraction.slice(decimals)) ? raw + 1n : raw;
}

/** Parses a base-unit integer string (`amount_raw`: amounts in smallest units). */
export function parseRawAmount(value: unknown, field = 'amount_raw'): bigint {
  if (typeof value !== 'string' || !/^(0|[1-9]\d*)$/.test(value)) {
    throw new DomainError(ErrorCode.InvalidAmount, `${field} must be an integer string of base units`, { field });
  }
  return checkRange(BigInt(value), field);
}

/**
 * The sum of several amounts (a batch's total), which must fit in base units as each amount does: 422
 * `invalid_amount` naming `field` otherwise.
 */
export function sumAmounts(amounts: bigint[], field: string): bigint {
  const total = amounts.reduce((sum, a) => sum + a, 0n);
  if (total > MAX_UINT256) {
    const message = `The total of ${field} is too large: at most ${MAX_UINT256} base units`;
    throw new DomainError(ErrorCode.InvalidAmount, message, { field, maximum_raw: MAX_UINT256.toString() });
  }
  return total;
}

function checkRange(raw: bigint, field: string): bigint {
  if (raw <= 0n) throw new DomainError(ErrorCode.InvalidAmount, `${field} must be greater than zero`, { field });
  if (raw > MAX_UINT256) throw new DomainError(ErrorCode.InvalidAmount, `${field} is too large`, { field });
  return raw;
}

/** Formats base units as a decimal string without trailing zeros: 1500000n, 6 -> "1.5". */
export function formatAmount(raw: bigint, decimals: number): string {
  const negative = raw < 0n;
  const abs = negative ? -raw : raw;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const fraction = decimals > 0 ? (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `{ amount, amount_raw }` style pair for responses. */
export function amountPair(raw: bigint, decimals: number): { value: string; raw: string } {
  return { value: formatAmount(raw, decimals), raw: raw.toString() };
}
