import { HttpClient, TestDeployment, waitFor } from '@app/testing';

export interface Tx {
  id: string;
  status: string;
  confirmations: number;
  amount: string;
  amount_raw: string;
  tx_hash: string;
  failure_reason: string | null;
}

/** A wallet's transaction with this tx hash, once it reaches `status`. */
export async function waitForTransaction(
  api: HttpClient,
  walletId: string,
  txHash: string,
  status: string,
  timeoutMs = 20_000,
): Promise<Tx> {
  return waitFor(
    async () => {
      const res = await api.get(`/v1/wallets/${walletId}/transactions?limit=100`);
      const tx = (res.body.data as Tx[]).find((t) => t.tx_hash === txHash);
      return tx?.status === status ? tx : undefined;
    },
    `transaction ${txHash} to be ${status}`,
    timeoutMs,
  );
}

export async function activeWallet(api: HttpClient, body: Record<string, unknown> = {}): Promise<string> {
  const { body: wallet } = await api.post('/v1/wallets', body);
  await waitFor(async () => (await api.get(`/v1/wallets/${wallet.id}`)).body.status === 'active', 'wallet activation');
  return wallet.id as string;
}

export async function newAddress(api: HttpClient, walletId: string, asset: string, network: string): Promise<string> {
  const res = await api.post(`/v1/wallets/${walletId}/addresses`, { asset, network });
  if (res.status !== 201) throw new Error(`address: ${res.status} ${res.text}`);
  return res.body.address as string;
}

export async function deposit(api: HttpClient, body: Record<string, unknown>): Promise<string> {
  const res = await api.post('/v1/sandbox/deposits', body);
  if (res.status !== 201) throw new Error(`sandbox deposit: ${res.status} ${res.text}`);
  return res.body.tx_hash as string;
}

export async function mine(api: HttpClient, network: string, blocks: number): Promise<void> {
  const res = await api.post('/v1/sandbox/mine', { network, blocks });
  if (res.status !== 200) throw new Error(`mine: ${res.status} ${res.text}`);
}

/** The balance figures of one asset of a wallet, from GET /v1/wallets/{id}/balances. */
export async function assetBalance(
  api: HttpClient,
  walletId: string,
  network: string,
  asset: string,
): Promise<Record<string, string>> {
  const res = await api.get(`/v1/wallets/${walletId}/balances`);
  const net = (res.body.networks as Array<{ network: string; assets: Array<Record<string, string>> }>).find(
    (n) => n.network === network,
  );
  const found = net?.assets.find((a) => a.asset === asset);
  if (!found) throw new Error(`no ${asset} on ${network} in ${res.text}`);
  return found;
}

/**
 * Mines a block every `everyMs` until `probe` yields a value: drives confirmations, sweeps and sends on an automine
 * devnet.
 */
export async function mineUntil<T>(
  api: HttpClient,
  network: string,
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  return waitFor(
    async () => {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      await mine(api, network, 1);
      return undefined;
    },
    what,
    timeoutMs,
    100,
  );
}

export async function transactionById(
  api: HttpClient,
  id: string,
): Promise<Tx & { sub_status: string | null; fee_raw: string | null; from_address: string }> {
  return (await api.get(`/v1/transactions/${id}`)).body;
}

/** A funded wallet: `amount` of `asset` deposited on-chain and confirmed. */
export async function fundedWallet(
  api: HttpClient,
  asset: string,
  network: string,
  amount: string,
): Promise<{ walletId: string; address: string }> {
  const walletId = await activeWallet(api);
  const address = await newAddress(api, walletId, asset, network);
  const hash = await deposit(api, { network, asset, address, amount });
  await mineUntil(
    api,
    network,
    async () =>
      (await api.get(`/v1/wallets/${walletId}/transactions`)).body.data.find(
        (t: Tx) => t.tx_hash === hash && t.status === 'confirmed',
      ),
    'deposit confirmed',
  );
  return { walletId, address };
}

/** The event types recorded for a transaction, in order. */
export async function eventTypesOf(t: TestDeployment, transactionId: string): Promise<string[]> {
  const rows = await t.dataSource.query<Array<{ type: string }>>(
    `SELECT type FROM events WHERE data->>'transaction_id' = $1 ORDER BY seq`,
    [transactionId],
  );
  return rows.map((r) => r.type);
}
