import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Address } from '../entities/address.entity';

/** Receive addresses, read per organization. */
@Injectable()
export class AddressesRepository {
  constructor(@InjectRepository(Address) private readonly repo: Repository<Address>) {}

  /** How many addresses the organization has on each network (only `network` when given). */
  async countByNetwork(organizationId: string, network?: string): Promise<Map<string, number>> {
    const rows = await this.repo.manager.query<Array<{ network: string; n: string }>>(
      `SELECT network, count(*) AS n FROM addresses WHERE organization_id = $1 ${network ? 'AND network = $2' : ''} GROUP BY network`,
      network ? [organizationId, network] : [organizationId],
    );
    return new Map(rows.map((r) => [r.network, Number(r.n)]));
  }
}
