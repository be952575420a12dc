import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const DEVNET_KEK_FILE = 'key-encryption-key';

/**
 * The devnet key-encryption key: generated once into DATA_DIR (mode 0600) so a restart can still
 * decrypt what the last run stored. Outside devnet the key must come from configuration.
 */
export function loadOrCreateDevnetKek(dataDir: string): Buffer {
  const file = join(dataDir, DEVNET_KEK_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process of this deployment created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateDevnetKek(dataDir);
    throw e;
  }
  chmodSync(file, 0o600);
  return key;
}
