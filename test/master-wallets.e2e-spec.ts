import { accountIndexOf, Credentials, deploymentMnemonic, HttpClient, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { independentEvmAddress, independentRegtestAddress, independentTronAddress } from './support/independent';

describe('master wallets', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });

  it('creates once (201) and returns the same wallet on retry (200), at index 0 of the organization account', async () => {
    const first = await api.post('/v1/master-wallets', {
      chain: 'ethereum',
      network: 'devnet',
      label: 'Main ETH Wallet',
    });
    expect(first.status).toBe(201);
    expect(Object.keys(first.body).sort()).toEqual([
      'address',
      'chain',
      'child_count',
      'created_at',
      'id',
      'is_active',
      'label',
      'network',
      'organization_id',
      'updated_at',
    ]);
    expect(first.body).toMatchObject({
      organization_id: creds.organizationId,
      chain: 'ethereum',
      network: 'devnet',
      label: 'Main ETH Wallet',
      is_active: true,
      child_count: 0,
    });
    const again = await api.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet', label: 'other label' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const mnemonic = await deploymentMnemonic(t);
    const account = await accountIndexOf(t, creds.organizationId);
    expect(first.body.address).toBe(independentEvmAddress(mnemonic, account, 0));
    const btc = await api.post('/v1/master-wallets', { chain: 'bitcoin', network: 'regtest' });
    expect(btc.body.address).toBe(independentRegtestAddress(mnemonic, account, 0));
    const tron = await api.post('/v1/master-wallets', { chain: 'tron', network: 'devnet' });
    expect(tron.body.address).toBe(independentTronAddress(mnemonic, account, 0));
  });

  it('returns one wallet to 10 concurrent creates', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.post('/v1/master-wallets', { chain: 'polygon', network: 'devnet' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it.each([
    [{ chain: 'dogecoin', network: 'mainnet' }, 'invalid_chain'],
    [{ chain: 'solana', network: 'devnet' }, 'invalid_chain'],
    [{ chain: 'aptos', network: 'mainnet' }, 'invalid_chain'],
    [{ chain: 'ethereum', network: 'mainnet' }, 'invalid_network'],
    [{ chain: 'ethereum', network: 'sepolia' }, 'invalid_network'],
    [{ chain: 'polygon', network: 'amoy' }, 'invalid_network'],
    [{ chain: 'base', network: 'devnet' }, 'invalid_network'],
  ])('refuses %p with %s', async (body, code) => {
    const res = await api.post('/v1/master-wallets', body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
    expect((await api.get('/v1/master-wallets')).body.count).toBe(0);
  });

  it('accepts only HMAC-signed creates', async () => {
    const tok = (
      await t.http.post('/v1/auth/token', {
        grant_type: 'client_credentials',
        client_id: creds.apiKeyId,
        client_secret: creds.apiSecret,
      })
    ).body;
    const res = await t.http.post(
      '/v1/master-wallets',
      { chain: 'ethereum', network: 'devnet' },
      { auth: { kind: 'bearer', token: tok.access_token, csrf: tok.csrf_token } },
    );
    expect(res.status).toBe(403);
    const read = await t.http.get('/v1/master-wallets', { auth: { kind: 'bearer', token: tok.access_token } });
    expect(read.status).toBe(200);
  });

  it('lists with count, counts children, and 404s wallet_not_found across organizations', async () => {
    const eth = (await api.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet' })).body;
    await api.post('/v1/master-wallets', { chain: 'polygon', network: 'devnet' });
    const { body: wallet } = await api.post('/v1/wallets', {});
    await waitFor(async () => (await api.get(`/v1/wallets/${wallet.id}`)).body.status === 'active', 'activation');
    await api.post(`/v1/wallets/${wallet.id}/addresses`, { asset: 'ETH', network: 'ethereum' });
    await api.post(`/v1/wallets/${wallet.id}/addresses`, { asset: 'USDC', network: 'ethereum' });
    await api.post(`/v1/wallets/${wallet.id}/addresses`, { asset: 'USDC', network: 'polygon' });

    const list = await api.get('/v1/master-wallets');
    expect(list.body.count).toBe(2);
    const byChain = Object.fromEntries(
      list.body.data.map((m: { chain: string; child_count: number }) => [m.chain, m.child_count]),
    );
    expect(byChain).toEqual({ ethereum: 2, polygon: 1 });
    expect((await api.get(`/v1/master-wallets/${eth.id}`)).body.child_count).toBe(2);

    const other = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const res = await other.get(`/v1/master-wallets/${eth.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('wallet_not_found');
    expect((await other.get('/v1/master-wallets')).body).toEqual({ data: [], next_cursor: null, count: 0 });
    expect((await api.get('/v1/master-wallets/nope')).body.error.code).toBe('wallet_not_found');
  });
});
