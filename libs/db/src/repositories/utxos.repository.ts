import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A deposit's output as the scanner records it. */
export interface DepositOutput {
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

/** An output of ours: a deposit's (with its wallet and block) or a send's change (neither). */
export interface Utxo extends Omit<DepositOutput, 'walletId' | 'blockNumber' | 'blockHash'> {
  walletId: string | null;
  blockNumber: bigint | null;
  blockHash: string | null;
  /** BIP32 chain of its key: 0 receive, 1 change. */
  keyChain: number;
  keyIndex: number;
}

/** Unspent outputs paying our addresses on UTXO chains, as the deposit scanner records them. */
@Injectable()
export class UtxosRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a deposit's output once, with the derivation index of the receive address it pays; one seen again in a
   * new block (re-mined after a reorg) is unspent again, there.
   */
  async record(manager: EntityManager, utxo: DepositOutput): Promise<void> {
    await manager.query(
      `INSERT INTO utxos (network, txid, vout, organization_id, wallet_id, address, script, value, block_number, block_hash, key_chain, key_index)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0,
               (SELECT derivation_index FROM addresses WHERE network = $1 AND address = $6))
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

  /**
   * Our outputs that these inputs spend are spent (one statement for a pass's inputs, by primary key), whether a send
   * of ours reserved them or not.
   */
  async markSpent(
    manager: EntityManager,
    network: string,
    spends: Array<{ txHash: string; prevTxid: string; prevIndex: number; blockNumber: bigint }>,
  ): Promise<void> {
    if (spends.length === 0) return;
    await manager.query(
      `UPDATE utxos u SET status = 'spent', spent_by_txid = s.by, spent_block_number = s.height, updated_at = now()
       FROM unnest($2::text[], $3::int[], $4::text[], $5::bigint[]) AS s(txid, vout, by, height)
       WHERE u.network = $1 AND u.txid = s.txid AND u.vout = s.vout AND u.status IN ('unspent', 'reserved')`,
      [
        network,
        spends.map((s) => s.prevTxid),
        spends.map((s) => s.prevIndex),
        spends.map((s) => s.txHash),
        spends.map((s) => s.blockNumber.toString()),
      ],
    );
  }

  /**
   * Outputs spent in blocks above `height`, which left the chain, are unspent again; those a send of ours spends are
   * reserved for it again (it is broadcast again, the same bytes).
   */
  async unspendAbove(manager: EntityManager, network: string, height: bigint): Promise<void> {
    await manager.query(
      `UPDATE utxos SET status = CASE WHEN reserved_by_txid IS NULL THEN 'unspent' ELSE 'reserved' END,
         spent_by_txid = NULL, spent_block_number = NULL, updated_at = now()
       WHERE network = $1 AND status = 'spent' AND spent_block_number > $2`,
      [network, height.toString()],
    );
  }

  /**
   * Deposit outputs in blocks above `height` left the chain (a reorg, or a replaced chain with `height` -1). Change
   * outputs have no block: they live as long as the send that makes them, which is broadcast again.
   */
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

  /**
   * The organization's outputs a send may spend, locked: deposit outputs with at least `minConfirmations` (their
   * block at or below `maxHeight`) and our own change at any depth, largest first.
   */
  async spendable(manager: EntityManager, network: string, organizationId: string, maxHeight: bigint): Promise<Utxo[]> {
    const rows = await manager.query<UtxoRow[]>(
      `SELECT * FROM utxos WHERE organization_id = $1 AND network = $2 AND status = 'unspent'
         AND (wallet_id IS NULL OR block_number <= $3)
       ORDER BY value DESC, txid, vout FOR UPDATE`,
      [organizationId, network, maxHeight.toString()],
    );
    return rows.map(toUtxo);
  }

  /** The change output of our transaction `txid` if no send spends it yet, locked. */
  async unspentChangeOf(manager: EntityManager, network: string, txid: string): Promise<Utxo | undefined> {
    const rows = await manager.query<UtxoRow[]>(
      `SELECT * FROM utxos WHERE network = $1 AND txid = $2 AND key_chain = 1 AND status = 'unspent' FOR UPDATE`,
      [network, txid],
    );
    return rows.map(toUtxo)[0];
  }

  /** These outputs are spent by a send we signed (`txid`), not yet by a block. */
  async reserve(
    manager: EntityManager,
    network: string,
    outpoints: Array<{ txid: string; vout: number }>,
    by: string,
  ): Promise<void> {
    const result = await manager.query<[unknown[], number]>(
      `UPDATE utxos u SET status = 'reserved', reserved_by_txid = $4, updated_at = now()
       FROM unnest($2::text[], $3::int[]) AS o(txid, vout)
       WHERE u.network = $1 AND u.txid = o.txid AND u.vout = o.vout AND u.status = 'unspent'`,
      [network, outpoints.map((o) => o.txid), outpoints.map((o) => o.vout), by],
    );
    if (result[1] !== outpoints.length) throw new Error(`reserved ${result[1]} of ${outpoints.length} outputs`);
  }

  /** The change output of a send we signed: ours, spendable by the next send at once (no block yet). */
  async recordChange(
    manager: EntityManager,
    change: Pick<Utxo, 'network' | 'txid' | 'vout' | 'organizationId' | 'address' | 'script' | 'value' | 'keyIndex'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO utxos (network, txid, vout, organization_id, wallet_id, address, script, value, key_chain, key_index)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, 1, $8) ON CONFLICT DO NOTHING`,
      [
        change.network,
        change.txid,
        change.vout,
        change.organizationId,
        change.address,
        change.script,
        change.value.toString(),
        change.keyIndex,
      ],
    );
  }
}

interface UtxoRow {
  network: string;
  txid: string;
  vout: number;
  organization_id: string;
  wallet_id: string | null;
  address: string;
  script: string;
  value: string;
  block_number: string | null;
  block_hash: string | null;
  key_chain: number;
  key_index: number;
}

function toUtxo(r: UtxoRow): Utxo {
  return {
    network: r.network,
    txid: r.txid,
    vout: r.vout,
    organizationId: r.organization_id,
    walletId: r.wallet_id,
    address: r.address,
    script: r.script,
    value: BigInt(r.value),
    blockNumber: r.block_number === null ? null : BigInt(r.block_number),
    blockHash: r.block_hash,
    keyChain: r.key_chain,
    keyIndex: r.key_index,
  };
}
