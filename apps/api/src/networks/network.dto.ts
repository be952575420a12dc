export class NetworkAssetDto {
  /**
   * Stable id of the asset on this network.
   * @example "5b8f2f3e-1c2d-5e4f-8a9b-0c1d2e3f4a5b"
   */
  asset_id!: string;
  /** @example "USDC" */
  symbol!: string;
  /** @example "USDCERC20" */
  currency!: string;
  /** @example 6 */
  decimals!: number;
  /**
   * The name of the base unit, 10^-decimals of the asset (`sat`, `wei`, `micro_usdc`, `micro_usdt`, `sun`): the key
   * of the minor unit in a single-asset wallet's `balance`.
   * @example "micro_usdc"
   */
  minor_unit!: string;
  /** @example false */
  native!: boolean;
  /**
   * Token contract; null for the native asset.
   * @example "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"
   */
  contract_address!: string | null;
  /**
   * Wallets can create receive addresses for it.
   * @example true
   */
  receive!: boolean;
}

export class NetworkDto {
  /** @example "ethereum" */
  chain!: string;
  /** @example "devnet" */
  network!: string;
  /** @example "devnet" */
  environment!: string;
  /** @example "Ethereum" */
  display_name!: string;
  /** @example "evm" */
  family!: string;
  /** @example 31337 */
  chain_id!: number | null;
  /** @example 3 */
  required_confirmations!: number;
  /**
   * `synced`; `stale` (no recent scan); `error` (the last scans failed, see last_error); `no_node` (no RPC URL:
   * addresses work, deposits are not scanned).
   * @example "synced"
   */
  status!: 'synced' | 'stale' | 'error' | 'no_node';
  /** @example "1290" */
  head_height!: string | null;
  /**
   * Last block the deposit scanner processed.
   * @example "1290"
   */
  indexed_height!: string | null;
  /**
   * head_height - indexed_height.
   * @example 0
   */
  lag!: number | null;
  /** @example "2026-11-22T10:30:00.000Z" */
  last_synced!: string | null;
  /**
   * Why the last scans failed, as a class (never the node's message): `rpc_unreachable` (no connection), `timeout`,
   * `rpc_error` (the node answered an error or something unreadable), `chain_mismatch` (the node serves another
   * chain: a wrong RPC URL), `sync_failed` (not the node: see the service's log). Null once a scan succeeds.
   * @example "rpc_unreachable"
   */
  last_error!: 'rpc_unreachable' | 'timeout' | 'rpc_error' | 'chain_mismatch' | 'sync_failed' | null;
  /**
   * When the node was found serving a new chain (a devnet restarted without its state).
   * @example "2026-11-22T09:45:00.000Z"
   */
  reset_at!: string | null;
  /**
   * Devnet only: the JSON-RPC URL of a node the service started itself (null for a configured RPC URL), to point a
   * wallet or viem at.
   * @example "http://127.0.0.1:8545"
   */
  rpc_url!: string | null;
  assets!: NetworkAssetDto[];
}

export class NetworkListDto {
  data!: NetworkDto[];
}
