import { DomainError } from './errors/domain-error';
import { formatAmount, MAX_UINT256, parseAmount, parseRawAmount, thresholdBaseUnits } from './money';

describe('money', () => {
  it.each([
    ['1', 6, 1_000_000n],
    ['125.50', 6, 125_500_000n],
    ['0.000001', 6, 1n],
    ['0.5', 18, 500_000_000_000_000_000n],
    ['21', 0, 21n],
  ])('parses %s with %d decimals', (input, decimals, expected) => {
    expect(parseAmount(input, decimals)).toBe(expected);
  });

  it.each([
    ['1e6', 6],
    ['-1', 6],
    ['+1', 6],
    [' 1', 6],
    ['1 ', 6],
    ['01', 6],
    ['1.', 6],
    ['.5', 6],
    ['1.0000001', 6],
    ['0', 6],
    ['0.000000', 6],
    ['1.5', 0],
    ['', 6],
    ['1,5', 6],
    ['NaN', 6],
    ['Infinity', 6],
  ])('rejects %p with %d decimals', (input, decimals) => {
    expect(() => parseAmount(input, decimals)).toThrow(DomainError);
    try {
      parseAmount(input, decimals);
    } catch (e) {
      expect((e as DomainError).code).toBe('invalid_amount');
      expect((e as DomainError).status).toBe(422);
    }
  });

  it('rejects JSON numbers', () => {
    expect(() => parseAmount(1.5, 6)).toThrow(DomainError);
  });

  it('round-trips 2^256-1 base units', () => {
    const text = formatAmount(MAX_UINT256, 18);
    expect(parseAmount(text, 18)).toBe(MAX_UINT256);
    expect(parseRawAmount(MAX_UINT256.toString())).toBe(MAX_UINT256);
    expect(() => parseRawAmount((MAX_UINT256 + 1n).toString())).toThrow(DomainError);
  });

  it('turns a configured threshold into base units, rounding up past the asset decimals, never throwing', () => {
    expect(thresholdBaseUnits('5', 6)).toBe(5_000_000n);
    expect(thresholdBaseUnits('0.01', 18)).toBe(10_000_000_000_000_000n);
    expect(thresholdBaseUnits('4.999999', 6)).toBe(4_999_999n);
    // More digits than the asset has: the next base unit up (a minimum is never lowered).
    expect(thresholdBaseUnits('0.0000001', 6)).toBe(1n);
    expect(thresholdBaseUnits('4.9999991', 6)).toBe(5_000_000n);
    expect(thresholdBaseUnits('5.0000000', 6)).toBe(5_000_000n);
    expect(thresholdBaseUnits('0.5', 0)).toBe(1n);
    expect(thresholdBaseUnits('0', 8)).toBe(0n);
  });

  it('formats without trailing zeros', () => {
    expect(formatAmount(0n, 6)).toBe('0');
    expect(formatAmount(1_500_000n, 6)).toBe('1.5');
    expect(formatAmount(1n, 18)).toBe('0.000000000000000001');
    expect(formatAmount(-25n, 1)).toBe('-2.5');
    expect(formatAmount(7n, 0)).toBe('7');
  });
});
