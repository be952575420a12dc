import { randomBytes } from 'node:crypto';
import { createTestDatabase, databaseUrl, HttpClient } from '@app/testing';
import { independentEvmAddress } from './support/independent';
import { CLI, freePort, MAIN, requireBuild, runNode, spawnNode } from './support/processes';

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

/** Outside devnet the root seed is never created silently: an operator initialises or imports it. */
describe('root seed custody on testnet (built app and CLI, child processes)', () => {
  beforeAll(() => requireBuild());

  it('refuses to boot without a seed, initialises one with the CLI, and refuses a different KEK', async () => {
    const env = {
      DATABASE_URL: databaseUrl(await createTestDatabase()),
      NETWORK_ENV: 'testnet',
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    };
    const refused = await runNode(MAIN, [], { ...env, PORT: String(await freePort()) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/keyring:init/);

    const init = await runNode(CLI, ['keyring:init'], env);
    expect(init.code).toBe(0);
    const out = JSON.parse(init.stdout) as { fingerprint: string; mnemonic: string; warning: string };
    expect(out.mnemonic.split(' ')).toHaveLength(24);
    expect(out.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    const status = JSON.parse((await runNode(CLI, ['keyring:status'], env)).stdout);
    expect(status).toEqual({ initialised: true, fingerprint: out.fingerprint });
    const again = await runNode(CLI, ['keyring:init'], env);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stderr).error.code).toBe('conflict');

    const wrongKek = await runNode(MAIN, [], {
      ...env,
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      PORT: String(await freePort()),
    });
    expect(wrongKek.code).toBe(1);
    expect(wrongKek.stderr).toMatch(/cannot be decrypted/);
  });

  it('imports a mnemonic and derives the testnet master wallet from it', async () => {
    const env = {
      DATABASE_URL: databaseUrl(await createTestDatabase()),
      NETWORK_ENV: 'testnet',
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    const init = await runNode(CLI, ['keyring:init', '--mnemonic-stdin'], env, `${ABANDON}\n`);
    expect(init.code).toBe(0);
    // The BIP32 root fingerprint of the "abandon ... about" test mnemonic.
    expect(JSON.parse(init.stdout)).toEqual({ fingerprint: '73c5da0a' });
    expect(init.stdout).not.toContain('abandon');
    expect(
      (
        await runNode(
          CLI,
          ['keyring:init', '--mnemonic-stdin'],
          { ...env, DATABASE_URL: databaseUrl(await createTestDatabase()) },
          'not a mnemonic',
        )
      ).code,
    ).toBe(2);

    const org = JSON.parse(
      (await runNode(CLI, ['org:create', '--name', 'Testnet Co', '--wallets-enabled'], env)).stdout,
    ) as { id: string };
    const key = JSON.parse((await runNode(CLI, ['key:create', '--org', org.id], env)).stdout) as {
      api_key_id: string;
      api_secret: string;
    };
    const port = await freePort();
    const app = spawnNode(MAIN, [], { ...env, PORT: String(port), HOST: '127.0.0.1' });
    try {
      await app.waitFor(/docs at http/);
      const http = new HttpClient(`http://127.0.0.1:${port}`, {
        kind: 'hmac',
        creds: { organizationId: org.id, apiKeyId: key.api_key_id, apiSecret: key.api_secret },
      });
      const networks = (await http.get('/v1/networks')).body.data.map(
        (n: { chain: string; network: string }) => `${n.chain}:${n.network}`,
      );
      expect(networks.sort()).toEqual([
        'base:sepolia',
        'bitcoin:testnet',
        'bsc:testnet',
        'ethereum:sepolia',
        'polygon:amoy',
        'tron:shasta',
      ]);
      const res = await http.post('/v1/master-wallets', { chain: 'ethereum', network: 'sepolia' });
      expect(res.status).toBe(201);
      const accounts = await fetchAccountIndex(env.DATABASE_URL, org.id);
      expect(res.body.address).toBe(independentEvmAddress(ABANDON, accounts, 0));
      expect((await http.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet' })).body.error.code).toBe(
        'invalid_network',
      );
      // The sandbox exists only on devnet.
      expect((await http.post('/v1/sandbox/mine', { network: 'ethereum', blocks: 1 })).status).toBe(404);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  });
});

async function fetchAccountIndex(url: string, organizationId: string): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT account_index FROM organizations WHERE id = $1', [organizationId])).rows[0]
      .account_index as number;
  } finally {
    await client.end();
  }
}
