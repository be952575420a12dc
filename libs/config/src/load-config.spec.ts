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
    [{ SWEEP_MINIMUMS: 'USDC:05' }, 'SWEEP_MINIMUMS'],
    [{ SWEEP_MINIMUMS: 'USDC:-1' }, 'SWEEP_MINIMUMS'],
    [{ SWEEP_MINIMUMS: 'USDC:1e3' }, 'SWEEP_MINIMUMS'],
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

  describe('a devnet stays on this machine', () => {
    it.each(['127.0.0.1', '127.0.0.2', '::1', 'localhost', '::ffff:127.0.0.1'])('binds %s', (host) => {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    });

    it.each(['0.0.0.0', '::', '192.168.1.20', 'wallets.example.com'])('refuses HOST=%s without the opt-in', (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(/HOST: .*not a loopback address/);
      expect(() => loadConfig({ HOST: host })).toThrow(/DEVNET_ALLOW_PUBLIC=true/);
      expect(() => loadConfig({ HOST: host, NETWORK_ENV: 'devnet' })).toThrow(ConfigError);
    });

    it('binds a public address when told so on purpose', () => {
      expect(loadConfig({ HOST: '0.0.0.0', DEVNET_ALLOW_PUBLIC: 'true' }).host).toBe('0.0.0.0');
    });

    it('has nothing to refuse outside devnet', () => {
      const kek = '00'.repeat(32);
      expect(loadConfig({ NETWORK_ENV: 'testnet', KEY_ENCRYPTION_KEY: kek, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
      expect(() =>
        loadConfig({ NETWORK_ENV: 'mainnet', KEY_ENCRYPTION_KEY: kek, DEVNET_ALLOW_PUBLIC: 'true' }),
      ).toThrow(/DEVNET_ALLOW_PUBLIC: only allowed when NETWORK_ENV=devnet/);
    });
  });

  describe('REQUIRE_NETWORK_ENV (set by the Docker image)', () => {
    it('refuses to default to devnet', () => {
      expect(() => loadConfig({ REQUIRE_NETWORK_ENV: 'true' })).toThrow(/NETWORK_ENV: required/);
    });

    it('takes any network named explicitly', () => {
      expect(loadConfig({ REQUIRE_NETWORK_ENV: 'true', NETWORK_ENV: 'devnet' }).networkEnv).toBe('devnet');
      const testnet = loadConfig({
        REQUIRE_NETWORK_ENV: 'true',
        NETWORK_ENV: 'testnet',
        KEY_ENCRYPTION_KEY: '00'.repeat(32),
      });
      expect(testnet.networkEnv).toBe('testnet');
    });

    it('is off on a developer machine', () => {
      expect(loadConfig({}).networkEnv).toBe('devnet');
      expect(loadConfig({ REQUIRE_NETWORK_ENV: 'false' }).networkEnv).toBe('devnet');
    });
  });

  describe('CORS_ORIGINS', () => {
    it('is empty by default: no CORS at all', () => {
      expect(loadConfig({}).corsOrigins).toEqual([]);
    });

    it('parses a comma separated list of exact origins', () => {
      expect(loadConfig({ CORS_ORIGINS: ' https://app.example.com , http://localhost:5173' }).corsOrigins).toEqual([
        'https://app.example.com',
        'http://localhost:5173',
      ]);
    });

    it.each([
      '*',
      'app.example.com',
      'https://app.example.com/',
      'https://app.example.com/path',
      'ftp://x.example',
      'https://a.example,',
    ])('refuses %p', (value) => {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS: /);
    });
  });

  it('takes sweep minimums per asset, with any number of decimals (rounded up per network where used)', () => {
    expect(loadConfig({ SWEEP_MINIMUMS: 'eth:0.01,USDC:0.0000001,USDT:5' }).sweepMinimums).toEqual({
      ETH: '0.01',
      USDC: '0.0000001',
      USDT: '5',
    });
    expect(loadConfig({}).sweepMinimums).toEqual({ USDC: '1', USDT: '1' });
  });

  it('parses roles', () => {
    expect([...loadConfig({ ROLES: 'jobs' }).roles]).toEqual(['jobs']);
    expect([...loadConfig({ ROLES: ' api , jobs ' }).roles]).toEqual(['api', 'jobs']);
  });
});
