/**
 * USD values from base units, exactly: bigint arithmetic from the amount's base units, the asset's decimals, the
 * price's integer answer and its decimals, rounded half to even to cents. Nothing passes through a JS number.
 */

/** A price as an integer answer with decimals: `300012345678n, 8` is 3000.12345678 USD per whole unit. */
export interface Rate {
  answer: bigint;
  decimals: number;
}

/** Rounds num / den (den > 0) to an integer, ties to even. */
function divideHalfEven(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let q = abs / den;
  const twice = (abs % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** Cents as a decimal string with two places: 12345n -> "123.45", -5n -> "-0.05". */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** The USD value in cents of `amountRaw` base units of an asset with `assetDecimals`, at `rate`. */
export function usdCents(amountRaw: bigint, assetDecimals: number, rate: Rate): bigint {
  const den = 10n ** BigInt(assetDecimals + rate.decimals);
  return divideHalfEven(amountRaw * rate.answer * 100n, den);
}

/** The USD value of `amountRaw` base units as a decimal string with two places, rounded half to even. */
export function usdValue(amountRaw: bigint, assetDecimals: number, rate: Rate): string {
  return formatCents(usdCents(amountRaw, assetDecimals, rate));
}

/** A rate as a decimal string without trailing zeros: 300012345000n, 8 -> "3000.12345". */
export function formatRate(rate: Rate): string {
  const negative = rate.answer < 0n;
  const abs = negative ? -rate.answer : rate.answer;
  const base = 10n ** BigInt(rate.decimals);
  const fraction = rate.decimals > 0 ? (abs % base).toString().padStart(rate.decimals, '0').replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${abs / base}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Parses a decimal literal as a JSON number is written (`3000.5`, `1.001e-05`, `2E3`) into an exact rate; undefined
 * when it is not one.
 */
export function parseDecimal(literal: string): Rate | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number.parseInt(exponentText, 10);
  if (Math.abs(exponent) > 60 || whole.length + fraction.length > 80) return undefined;
  let digits = BigInt(`${whole}${fraction}`);
  let decimals = fraction.length - exponent;
  if (decimals < 0) {
    digits *= 10n ** BigInt(-decimals);
    decimals = 0;
  }
  return { answer: sign ? -digits : digits, decimals };
}

/** Parses a two-place USD string (as `usdValue` writes it) back to cents. */
export function parseCents(usd: string): bigint {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(usd);
  if (!match) throw new Error(`not a USD amount: ${usd}`);
  const cents = BigInt(match[2]) * 100n + BigInt(match[3]);
  return match[1] ? -cents : cents;
}

/** The sum of USD strings; null when any is null (a total of what has no price would mislead). */
export function sumUsd(values: Array<string | null>): string | null {
  let total = 0n;
  for (const v of values) {
    if (v === null) return null;
    total += parseCents(v);
  }
  return formatCents(total);
}
