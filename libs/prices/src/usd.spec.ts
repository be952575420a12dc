import { formatCents, formatRate, parseDecimal, sumUsd, usdValue } from './usd';

const MAX_UINT256 = (1n << 256n) - 1n;
const usd = (answer: bigint) => ({ answer, decimals: 8 });

describe('usdValue: base units x rate, rounded half to even to cents', () => {
  // Each expected value was worked out by hand or with Python's decimal module (ROUND_HALF_EVEN), not by this code.
  const table: Array<[string, bigint, number, bigint, string]> = [
    ['1 ETH at 3000', 10n ** 18n, 18, 300000000000n, '3000.00'],
    ['0.123456789012345678 ETH at 3000.12345678', 123456789012345678n, 18, 300012345678n, '370.39'],
    ['1 wei at 3000', 1n, 18, 300000000000n, '0.00'],
    ['0.999999999999999999 ETH at 3000 (2999.999999999999997)', 999999999999999999n, 18, 300000000000n, '3000.00'],
    ['125.5 USDC at 0.9998', 125500000n, 6, 99980000n, '125.47'],
    ['tie 0.005 USDC at 1: down to the even 0.00', 5000n, 6, 100000000n, '0.00'],
    ['tie 0.015 USDC at 1: up to the even 0.02', 15000n, 6, 100000000n, '0.02'],
    ['tie 0.025 USDC at 1: down to the even 0.02', 25000n, 6, 100000000n, '0.02'],
    ['tie 0.035 USDC at 1: up to the even 0.04', 35000n, 6, 100000000n, '0.04'],
    ['just above a tie: 0.005001 USDC at 1', 5001n, 6, 100000000n, '0.01'],
    ['just below a tie: 0.014999 USDC at 1', 14999n, 6, 100000000n, '0.01'],
    ['tie 0.5 BTC at 60000.01 (30000.005): down to even', 50000000n, 8, 6000001000000n, '30000.00'],
    ['tie 1.5 BTC at 60000.01 (90000.015): up to even', 150000000n, 8, 6000001000000n, '90000.02'],
    ['0.12345678 BTC at 60000', 12345678n, 8, 6000000000000n, '7407.41'],
    ['1 sat at 60000 (0.0006)', 1n, 8, 6000000000000n, '0.00'],
    ['zero', 0n, 18, 300000000000n, '0.00'],
    [
      '2^256-1 wei at 3000',
      MAX_UINT256,
      18,
      300000000000n,
      '347376267711948586270712955026063723559809953996921692118372752.02',
    ],
    [
      '2^256-1 base units of a 6-decimal token at 1',
      MAX_UINT256,
      6,
      100000000n,
      '115792089237316195423570985008687907853269984665640564039457584007913129.64',
    ],
  ];

  it.each(table)('%s', (_name, raw, decimals, answer, expected) => {
    expect(usdValue(raw, decimals, usd(answer))).toBe(expected);
  });

  it('takes a rate of any precision (2-decimal HTTP prices)', () => {
    expect(usdValue(2n * 10n ** 18n, 18, { answer: 300012n, decimals: 2 })).toBe('6000.24');
    expect(usdValue(10n ** 6n, 6, { answer: 9998n, decimals: 4 })).toBe('1.00');
  });
});

describe('formatting and parsing', () => {
  it('formats cents and rates', () => {
    expect(formatCents(0n)).toBe('0.00');
    expect(formatCents(5n)).toBe('0.05');
    expect(formatCents(-12345n)).toBe('-123.45');
    expect(formatRate(usd(300012345678n))).toBe('3000.12345678');
    expect(formatRate(usd(100000000n))).toBe('1');
    expect(formatRate(usd(99980000n))).toBe('0.9998');
  });

  it('parses JSON number literals exactly', () => {
    expect(parseDecimal('3000.5')).toEqual({ answer: 30005n, decimals: 1 });
    expect(parseDecimal('1.001e-05')).toEqual({ answer: 1001n, decimals: 8 });
    expect(parseDecimal('2E3')).toEqual({ answer: 2000n, decimals: 0 });
    expect(parseDecimal('67187.33999999999')).toEqual({ answer: 6718733999999999n, decimals: 11 });
    expect(parseDecimal('abc')).toBeUndefined();
    expect(parseDecimal('1e999')).toBeUndefined();
  });

  it('sums USD strings exactly, and a total with an unpriced line is null', () => {
    expect(sumUsd(['0.10', '0.20', '1000000000000000000000.01'])).toBe('1000000000000000000000.31');
    expect(sumUsd([])).toBe('0.00');
    expect(sumUsd(['1.00', null])).toBeNull();
  });
});
