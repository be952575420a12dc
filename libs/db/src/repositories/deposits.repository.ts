import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WalletTransaction } from '../entities/wallet-transaction.entity';

/** Incoming wallet transactions as the deposit scanner keeps them (across organizations: the scanner's job). */
@Injectable()
export class DepositsRepository {
  /**
   * Inserts a deposit unless it is known already (its network, tx hash and log index are unique): the row as
   * inserted (with the database's timestamps), or undefined when it was there.
   */
  async insertNew(manager: EntityManager, deposit: WalletTransaction): Promise<WalletTransaction | undefined> {
    const d = deposit;
    const inserted = await manager.query<Array<{ created_at: Date; updated_at: Date }>>(
      `INSERT INTO wallet_transactions (id, organization_id, wallet_id, direction, status, network, chain, asset, amount, tx_hash, log_index,
         block_number, block_hash, from_address, to_address, confirmations, required_confirmations, aml_result, ledger_transfer_id)
       VALUES ($1, $2, $3, 'incoming', $15, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $16, $17)
       ON CONFLICT (network, tx_hash, log_index) WHERE direction = 'incoming' DO NOTHING RETURNING created_at, updated_at`,
      [
        d.id,
        d.organizationId,
        d.walletId,
        d.network,
        d.chain,
        d.asset,
        d.amount.toString(),
        d.txHash,
        d.logIndex,
        d.blockNumber?.toString() ?? null,
        d.blockHash,
        d.fromAddress,
        d.toAddress,
        d.requiredConfirmations,
        d.status,
        d.amlResult,
        d.ledgerTransferId,
      ],
    );
    if (!inserted.length) return undefined;
    return Object.assign(deposit, {
      confirmations: 0,
      failureReason: null,
      confirmedAt: null,
      createdAt: inserted[0].created_at,
      updatedAt: inserted[0].updated_at,
    });
  }

  /** The deposit of (network, tx hash, log index), locked for the caller's transaction. */
  findForUpdate(
    manager: EntityManager,
    network: string,
    txHash: string,
    logIndex: number,
  ): Promise<WalletTransaction | null> {
    return manager.findOne(WalletTransaction, {
      where: { network, txHash, logIndex, direction: 'incoming' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Deposits of the network still counting confirmations, locked. */
  openForUpdate(manager: EntityManager, network: string): Promise<WalletTransaction[]> {
    return manager
      .createQueryBuilder(WalletTransaction, 't')
      .where(
        `t.network = :network AND t.direction = 'incoming' AND t.status IN ('detected', 'confirming') AND t.block_number IS NOT NULL`,
        { network },
      )
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Deposits of the network in blocks above `height`, locked. */
  aboveForUpdate(manager: EntityManager, network: string, height: bigint): Promise<WalletTransaction[]> {
    return manager
      .createQueryBuilder(WalletTransaction, 't')
      .where(`t.network = :network AND t.direction = 'incoming' AND t.block_number > :height`, {
        network,
        height: height.toString(),
      })
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Writes the columns of a deposit that the scanner changes. */
  async update(manager: EntityManager, d: WalletTransaction): Promise<void> {
    await manager.update(
      WalletTransaction,
      { id: d.id },
      {
        status: d.status,
        confirmations: d.confirmations,
        confirmedAt: d.confirmedAt,
        failureReason: d.failureReason,
        blockNumber: d.blockNumber,
        blockHash: d.blockHash,
        amlResult: d.amlResult,
        ledgerTransferId: d.ledgerTransferId,
        updatedAt: d.updatedAt,
        usdRate: d.usdRate ?? null,
        usdRateAt: d.usdRateAt ?? null,
        amountUsd: d.amountUsd ?? null,
      },
    );
  }
}
