import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const VERSION = 'v1';

/**
 * Authenticated encryption at rest (AES-256-GCM, node:crypto) under a subkey derived from the
 * deployment's key-encryption key with HKDF-SHA256. The associated data binds a ciphertext to its row,
 * so a ciphertext copied into another row does not decrypt.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(kek: Buffer, purpose: string) {
    if (kek.length !== 32) throw new Error('key-encryption key must be 32 bytes');
    this.key = deriveSubkey(kek, `secret-box:${purpose}`);
  }

  seal(plaintext: Buffer | string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([
      cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
      cipher.final(),
    ]);
    return `${VERSION}.${Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('base64url')}`;
  }

  open(sealed: string, aad: string): Buffer {
    const [version, payload] = sealed.split('.', 2);
    if (version !== VERSION || !payload) throw new Error('unknown ciphertext format');
    const buf = Buffer.from(payload, 'base64url');
    if (buf.length < 12 + 16) throw new Error('ciphertext too short');
    const decipher = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(buf.subarray(buf.length - 16));
    return Buffer.concat([decipher.update(buf.subarray(12, buf.length - 16)), decipher.final()]);
  }
}

export function deriveSubkey(kek: Buffer, info: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), Buffer.from(info, 'utf8'), length));
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacSha256Hex(key: Buffer | string, data: Buffer | string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
