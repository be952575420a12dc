import { Injectable } from '@nestjs/common';
import { ChainClients } from '@app/chains';
import { DomainError, ErrorCode } from '@app/common';
import { MonitoringRepository } from '@app/db';
import { HealthDto } from './health.dto';

/** A node that has not answered its head block by then counts as down. */
const NODE_TIMEOUT_MS = 3000;

@Injectable()
export class HealthService {
  constructor(
    private readonly monitoring: MonitoringRepository,
    private readonly clients: ChainClients,
  ) {}

  /**
   * The database and each network's node, by the network's name (`ethereum`, `bitcoin`), `up` or `down`; never a URL
   * or a node's message. Without the database nothing can be served: 503. A node down leaves the API serving
   * (balances, internal transfers, queued sends): `degraded`, still 200, so a load balancer keeps the replica.
   */
  async ready(): Promise<HealthDto> {
    const [database, nodes] = await Promise.all([
      this.monitoring.ping().then(
        () => 'up',
        () => 'down',
      ),
      Promise.all(
        this.clients
          .watchers()
          .map(async (w): Promise<[string, string]> => [w.network.chain, await this.nodeState(() => w.head())]),
      ),
    ]);
    const checks: Record<string, string> = { database, ...Object.fromEntries(nodes) };
    if (database !== 'up') throw new DomainError(ErrorCode.ServiceUnavailable, 'Database unreachable', checks);
    return { status: Object.values(checks).every((s) => s === 'up') ? 'ok' : 'degraded', checks };
  }

  private async nodeState(head: () => Promise<bigint>): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), NODE_TIMEOUT_MS);
    });
    try {
      await Promise.race([head(), timeout]);
      return 'up';
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
