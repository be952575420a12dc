import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface Utxo {
  network: string;
  txid: string;
  vout: number;
  organizationId: string;
  walletId: string;
  address: string;
  /** The output script, hex. */
  script: string;
  value: bigint;
  blockNumber: bigint;
  blockHash: string;
}

/** Unspent outputs paying our addresses on UTXO chains, as the deposit scanner records them. */
@Injectable()
export class UtxosRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records an output once; one seen again in a new block (re-mined after a reorg) is unspent again, there. */
  async record(manager: EntityManager, utxo: Utxo): Promise<void> {
    await manager.query(
      `INSERT INTO utxos (network, txid, vout, organization_id, wallet_id, address, script, value, block_number, block_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (network, txid, vout) DO UPDATE
         SET status = 'unspent', block_number = EXCLUDED.block_number, block_hash = EXCLUDED.block_hash, updated_at = now()
         WHERE utxos.status = 'orphaned'`,
      [
        utxo.network,
        utxo.txid,
        utxo.vout,
        utxo.organizationId,
        utxo.walletId,
        utxo.address,
        utxo.script,
        utxo.value.toString(),
        utxo.blockNumber.toString(),
        utxo.blockHash,
      ],
    );
  }

  /** Outputs in blocks above `height` left the chain (a reorg, or a replaced chain with `height` -1). */
  async orphanAbove(manager: EntityManager, network: string, height: bigint): Promise<void> {
    await manager.query(
      `UPDATE utxos SET status = 'orphaned', updated_at = now() WHERE network = $1 AND block_number > $2 AND status = 'unspent'`,
      [network, height.toString()],
    );
  }

  /** Per organization, the total of its unspent outputs on the network (every organization: the balance job). */
  async unspentTotalsByOrganization(network: string, manager?: EntityManager): Promise<Map<string, bigint>> {
    const rows = await (manager ?? this.dataSource).query<Array<{ organization_id: string; total: string }>>(
      `SELECT organization_id, sum(value) AS total FROM utxos WHERE network = $1 AND status = 'unspent' GROUP BY organization_id`,
      [network],
    );
    return new Map(rows.map((r) => [r.organization_id, BigInt(r.total)]));
  }
}
