import { createOrganization, createTestApp, TestApp } from './support/app';

describe('GET /v1/networks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the devnet networks with their chain ids, confirmations and the six launch pairs', async () => {
    const creds = await createOrganization(t);
    const res = await t.http.get('/v1/networks', { auth: { kind: 'api_key', creds } });
    expect(res.status).toBe(200);
    const byChain = Object.fromEntries(res.body.data.map((n: { chain: string }) => [n.chain, n]));
    expect(Object.keys(byChain).sort()).toEqual(['bitcoin', 'ethereum', 'polygon', 'tron']);
    expect(byChain.ethereum).toMatchObject({
      network: 'devnet',
      environment: 'devnet',
      chain_id: 31337,
      family: 'evm',
      required_confirmations: 3,
    });
    expect(byChain.polygon.chain_id).toBe(31338);
    expect(byChain.bitcoin.network).toBe('regtest');
    const receive = res.body.data.flatMap(
      (n: { chain: string; assets: Array<{ symbol: string; receive: boolean; currency: string }> }) =>
        n.assets.filter((a) => a.receive).map((a) => `${a.symbol}/${n.chain}/${a.currency}`),
    );
    expect(receive.sort()).toEqual([
      'BTC/bitcoin/BTC',
      'ETH/ethereum/ETH',
      'USDC/ethereum/USDCERC20',
      'USDC/polygon/USDCMATIC',
      'USDT/ethereum/USDTERC20',
      'USDT/tron/USDTTRC20',
    ]);
  });

  it('honours per-chain confirmation settings', async () => {
    const tuned = await createTestApp({ env: { CONFIRMATIONS_ETHEREUM: '7', ROLES: 'api' } });
    try {
      const creds = await createOrganization(tuned);
      const res = await tuned.http.get('/v1/networks', { auth: { kind: 'hmac', creds } });
      expect(res.body.data.find((n: { chain: string }) => n.chain === 'ethereum').required_confirmations).toBe(7);
    } finally {
      await tuned.close();
    }
  });
});
