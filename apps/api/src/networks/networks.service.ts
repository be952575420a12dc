import { Injectable } from '@nestjs/common';
import { ChainClients, isRpcErrorClass, NetworkRegistry } from '@app/chains';
import { AppConfig } from '@app/config';
import { ChainCursorsRepository } from '@app/db';
import { NetworkDto } from './network.dto';

@Injectable()
export class NetworksService {
  constructor(
    private readonly cursors: ChainCursorsRepository,
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
    private readonly config: AppConfig,
  ) {}

  async list(): Promise<NetworkDto[]> {
    const cursors = new Map((await this.cursors.findAll()).map((c) => [c.network, c]));
    const staleBefore = Date.now() - this.config.staleAfterSeconds * 1000;
    return this.registry.list().map((n) => {
      const client = this.clients.watcher(n);
      const cursor = cursors.get(n.key);
      const stale = !cursor?.lastSyncedAt || cursor.lastSyncedAt.getTime() < staleBefore;
      const lag =
        cursor?.headHeight != null && cursor.indexedHeight != null
          ? Number(cursor.headHeight - cursor.indexedHeight)
          : null;
      return {
        chain: n.chain,
        network: n.name,
        environment: n.env,
        display_name: n.displayName,
        family: n.family,
        chain_id: n.chainId ?? null,
        required_confirmations: n.confirmations,
        status: !client ? 'no_node' : cursor?.lastError && stale ? 'error' : stale ? 'stale' : 'synced',
        head_height: cursor?.headHeight?.toString() ?? null,
        indexed_height: cursor?.indexedHeight?.toString() ?? null,
        lag,
        last_synced: cursor?.lastSyncedAt?.toISOString() ?? null,
        // A class of error, never a message (see ChainSyncService); an older version's stored message: rpc_error.
        last_error: cursor?.lastError ? (isRpcErrorClass(cursor.lastError) ? cursor.lastError : 'rpc_error') : null,
        reset_at: cursor?.resetAt?.toISOString() ?? null,
        // Only a node this devnet process started is shown: a configured RPC URL may carry a provider key.
        rpc_url: this.config.isDevnet && client && this.config.devnetNodes.includes(n.chain) ? client.url : null,
        assets: n.assets.map((a) => ({
          asset_id: a.id,
          symbol: a.symbol,
          currency: a.currency,
          decimals: a.decimals,
          minor_unit: a.minorUnit,
          native: a.native,
          contract_address: a.contract ?? null,
          receive: a.receive,
        })),
      };
    });
  }
}
