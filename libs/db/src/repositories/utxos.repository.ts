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

  /** Our outputs that these inputs spend are spent (one statement for a pass's inputs, by primary key). */
  async markSpent(
    manager: EntityManager,
    network: string,
    spends: Array<{ txHash: string; prevTxid: string; prevIndex: number; blockNumber: bigint }>,
  ): Promise<void> {
    if (spends.length === 0) return;
    await manager.query(
      `UPDATE utxos u SET status = 'spent', spent_by_txid = s.by, spent_block_number = s.height, updated_at = now()
       FROM unnest($2::text[], $3::int[], $4::text[], $5::bigint[]) AS s(txid, vout, by, height)
       WHERE u.network = $1 AND u.txid = s.txid AND u.vout = s.vout AND u.status = 'unspent'`,
      [
        network,
        spends.map((s) => s.prevTxid),
        spends.map((s) => s.prevIndex),
        spends.map((s) => s.txHash),
        spends.map((s) => s.blockNumber.toString()),
      ],
    );
  }

  /** Outputs spent in blocks above `height`, which left the chain, are unspent again. */
  async unspendAbove(manager: EntityManager, network: string, height: bigint): Promise<void> {
    await manager.query(
      `UPDATE utxos SET status = 'unspent', spent_by_txid = NULL, spent_block_number = NULL, updated_at = now()
       WHERE network = $1 AND status = 'spent' AND spent_block_number > $2`,
      [network, height.toString()],
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
