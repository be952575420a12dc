import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ChainCursor } from '../entities/chain-cursor.entity';
import { ScannedBlock } from '../entities/scanned-block.entity';

/** The scanner's progress as the database holds it: the raw columns, as `SELECT` returns them (heights as text). */
export interface ChainProgressRow {
  network: string;
  indexed_height: string | null;
  last_synced_at: Date | null;
}

/**
 * The chain scanners' progress, one cursor per network, and the recent blocks each accepted (to find reorgs).
 * Deployment data, not tenant data: no organization id.
 */
@Injectable()
export class ChainCursorsRepository {
  constructor(@InjectRepository(ChainCursor) private readonly repo: Repository<ChainCursor>) {}

  /** Every network's cursor (the networks overview). */
  findAll(): Promise<ChainCursor[]> {
    return this.repo.manager.find(ChainCursor);
  }

  /** Every network's indexed height and last pass, without the ORM (the balance read model asks often). */
  listProgress(): Promise<ChainProgressRow[]> {
    return this.repo.manager.query<ChainProgressRow[]>(
      'SELECT network, indexed_height, last_synced_at FROM chain_cursors',
    );
  }

  /** The network's cursor, created on first use, locked for the rest of the caller's transaction. */
  async lockCursor(manager: EntityManager, network: string): Promise<ChainCursor> {
    await manager.query('INSERT INTO chain_cursors (network) VALUES ($1) ON CONFLICT (network) DO NOTHING', [network]);
    return manager.findOneOrFail(ChainCursor, { where: { network }, lock: { mode: 'pessimistic_write' } });
  }

  async saveCursor(manager: EntityManager, cursor: ChainCursor): Promise<void> {
    await manager.save(cursor);
  }

  /** Records why the last pass failed (outside its rolled-back transaction). */
  async recordError(network: string, message: string): Promise<void> {
    await this.repo.manager.query(
      `INSERT INTO chain_cursors (network, last_error) VALUES ($1, $2) ON CONFLICT (network) DO UPDATE SET last_error = $2, updated_at = now()`,
      [network, message],
    );
  }

  async acceptBlocks(
    manager: EntityManager,
    network: string,
    blocks: Array<{ number: bigint; hash: string; parentHash: string }>,
  ): Promise<void> {
    if (!blocks.length) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ScannedBlock)
      .values(blocks.map((b) => ({ network, height: b.number, hash: b.hash, parentHash: b.parentHash })))
      .orUpdate(['hash', 'parent_hash'], ['network', 'height'])
      .execute();
  }

  /** The hashes of the blocks kept, by height. */
  async blockHashes(manager: EntityManager, network: string): Promise<Map<bigint, string>> {
    return new Map((await manager.find(ScannedBlock, { where: { network } })).map((b) => [b.height, b.hash]));
  }

  /** Forgets blocks above `height` (orphaned), or every block with `height` undefined (a replaced chain). */
  async forgetBlocksAbove(manager: EntityManager, network: string, height?: bigint): Promise<void> {
    if (height === undefined) await manager.query('DELETE FROM scanned_blocks WHERE network = $1', [network]);
    else
      await manager.query('DELETE FROM scanned_blocks WHERE network = $1 AND height > $2', [
        network,
        height.toString(),
      ]);
  }

  /** Forgets blocks below `height` (older than any reorg we handle). */
  async forgetBlocksBelow(manager: EntityManager, network: string, height: bigint): Promise<void> {
    await manager.query('DELETE FROM scanned_blocks WHERE network = $1 AND height < $2', [network, height.toString()]);
  }
}
