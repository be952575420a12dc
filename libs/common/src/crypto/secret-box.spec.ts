import { randomBytes } from 'node:crypto';
import { SecretBox, safeEqual } from './secret-box';

describe('SecretBox', () => {
  const kek = randomBytes(32);

  it('round-trips and never contains the plaintext', () => {
    const box = new SecretBox(kek, 'test');
    const sealed = box.seal('sk_very_secret', 'row:1');
    expect(sealed).not.toContain('sk_very_secret');
    expect(box.open(sealed, 'row:1').toString()).toBe('sk_very_secret');
  });

  it('uses a fresh IV each time', () => {
    const box = new SecretBox(kek, 'test');
    expect(box.seal('x', 'a')).not.toBe(box.seal('x', 'a'));
  });

  it('refuses another row, another purpose, another key and tampering', () => {
    const box = new SecretBox(kek, 'test');
    const sealed = box.seal('secret', 'row:1');
    expect(() => box.open(sealed, 'row:2')).toThrow();
    expect(() => new SecretBox(kek, 'other').open(sealed, 'row:1')).toThrow();
    expect(() => new SecretBox(randomBytes(32), 'test').open(sealed, 'row:1')).toThrow();
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[14] ^= 1;
    expect(() => box.open(`v1.${bytes.toString('base64url')}`, 'row:1')).toThrow();
  });

  it('compares in constant time without throwing on length mismatch', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
