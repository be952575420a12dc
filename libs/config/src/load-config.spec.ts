import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies the embedded defaults', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/app/.data',
      networkEnv: 'devnet',
      isDevnet: true,
      logLevel: 'info',
      walletProviderName: 'balansas',
      devBootstrap: true,
      databaseUrl: undefined,
      databasePreparedStatements: true,
    });
    expect([...c.roles]).toEqual(['api', 'jobs']);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NETWORK_ENV: 'moonnet' }, 'NETWORK_ENV'],
    [{ ROLES: 'api,cron' }, 'ROLES'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_PREPARED_STATEMENTS: 'maybe' }, 'DATABASE_PREPARED_STATEMENTS'],
    [{ KEY_ENCRYPTION_KEY: 'short' }, 'KEY_ENCRYPTION_KEY'],
    [{ NETWORK_ENV: 'mainnet' }, 'KEY_ENCRYPTION_KEY'],
    [{ NETWORK_ENV: 'testnet', KEY_ENCRYPTION_KEY: '00'.repeat(32), DEV_BOOTSTRAP: 'true' }, 'DEV_BOOTSTRAP'],
    [{ NETWORK_ENV: 'mainnet', KEY_ENCRYPTION_KEY: '00'.repeat(32), BENCH_ROUTES: 'true' }, 'BENCH_ROUTES'],
    [{ NETWORK_ENV: 'testnet', KEY_ENCRYPTION_KEY: '00'.repeat(32), FAULT_INJECTION: 'true' }, 'FAULT_INJECTION'],
  ])('refuses %p naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('decodes a hex or base64 key-encryption key to 32 bytes', () => {
    const hex = loadConfig({ NETWORK_ENV: 'mainnet', KEY_ENCRYPTION_KEY: 'ab'.repeat(32) });
    expect(hex.keyEncryptionKey).toEqual(Buffer.alloc(32, 0xab));
    expect(hex.host).toBe('0.0.0.0');
    expect(hex.devBootstrap).toBe(false);
    const b64 = loadConfig({ NETWORK_ENV: 'testnet', KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(b64.keyEncryptionKey).toEqual(Buffer.alloc(32, 7));
  });

  it('turns prepared statements off for a pooler in transaction mode', () => {
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(false);
  });

  it('parses roles', () => {
    expect([...loadConfig({ ROLES: 'jobs' }).roles]).toEqual(['jobs']);
    expect([...loadConfig({ ROLES: ' api , jobs ' }).roles]).toEqual(['api', 'jobs']);
  });
});
