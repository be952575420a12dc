import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LedgerAccount } from '../entities/ledger-account.entity';
import { queryPrepared } from '../prepared';

/**
 * One row of the balance read model's combined query, by kind `k`:
 * - `a`: a ledger account: `v` the asset, `a1`..`a4` credits/debits posted, credits/debits pending (numeric text);
 * - `q`: quarantined incoming funds: `v` the asset, `a1` their sum;
 * - `d`: a receive address: `v` the address, `a1` its creation time as sortable text;
 * - `w`: the wallet itself (it exists in the organization): only `wallet_id`.
 */
export interface BalanceRow {
  k: 'a' | 'q' | 'd' | 'w';
  wallet_id: string;
  network: string;
  v: string;
  a1: string | null;
  a2: string | null;
  a3: string | null;
  a4: string | null;
}

/** A wallet's ledger account figures on one (network, asset), numeric text. */
export interface WalletAccountRow {
  credits_posted: string;
  debits_posted: string;
  credits_pending: string;
  debits_pending: string;
}

/** Reads of the balance read model: wallets' ledger accounts, quarantined deposits and receive addresses. */
@Injectable()
export class BalancesRepository {
  constructor(@InjectRepository(LedgerAccount) private readonly repo: Repository<LedgerAccount>) {}

  /**
   * One round trip for the kinds of rows a balance view of several wallets of the organization needs (see
   * `BalanceRow`); a wallet of another organization, or none, gets no `w` row and no other rows.
   */
  rowsForWallets(organizationId: string, walletIds: string[]): Promise<BalanceRow[]> {
    return queryPrepared<BalanceRow>(
      this.repo.manager,
      `SELECT 'a' AS k, wallet_id, network, asset AS v, credits_posted::text AS a1, debits_posted::text AS a2, credits_pending::text AS a3, debits_pending::text AS a4
         FROM ledger_accounts WHERE wallet_id = ANY($1) AND organization_id = $2::uuid
       UNION ALL
       SELECT 'q', wallet_id, network, asset, sum(amount)::text, NULL, NULL, NULL FROM wallet_transactions
         WHERE wallet_id = ANY($1) AND organization_id = $2::uuid AND direction = 'incoming' AND status = 'quarantined' GROUP BY wallet_id, network, asset
       UNION ALL
       SELECT 'd', wallet_id, network, address, to_char(created_at, 'YYYYMMDDHH24MISSUS'), NULL, NULL, NULL FROM addresses WHERE wallet_id = ANY($1) AND organization_id = $2::uuid
       UNION ALL
       SELECT 'w', id, '', '', NULL, NULL, NULL, NULL FROM wallets WHERE id = ANY($1) AND organization_id = $2::uuid`,
      [walletIds, organizationId],
    );
  }

  /** Every ledger account of these wallets of the organization (the wallet objects' `balance`). */
  walletAccounts(
    organizationId: string,
    walletIds: string[],
  ): Promise<Array<WalletAccountRow & { wallet_id: string; network: string; asset: string }>> {
    return queryPrepared(
      this.repo.manager,
      `SELECT wallet_id, network, asset, credits_posted::text, debits_posted::text, credits_pending::text, debits_pending::text
         FROM ledger_accounts WHERE wallet_id = ANY($1) AND organization_id = $2::uuid`,
      [walletIds, organizationId],
    );
  }

  /** The wallet's ledger account on (network, asset), or undefined when it never had one. */
  async findWalletAccount(
    organizationId: string,
    walletId: string,
    network: string,
    asset: string,
  ): Promise<WalletAccountRow | undefined> {
    const [row] = await this.repo.manager.query<WalletAccountRow[]>(
      'SELECT credits_posted, debits_posted, credits_pending, debits_pending FROM ledger_accounts WHERE organization_id = $1 AND wallet_id = $2 AND network = $3 AND asset = $4',
      [organizationId, walletId, network, asset],
    );
    return row;
  }

  /** The sum of the wallet's quarantined deposits of (network, asset), raw units (0 when there are none). */
  async sumQuarantined(organizationId: string, walletId: string, network: string, asset: string): Promise<bigint> {
    const [q] = await this.repo.manager.query<Array<{ total: string | null }>>(
      `SELECT sum(amount) AS total FROM wallet_transactions WHERE organization_id = $1 AND wallet_id = $2 AND network = $3 AND asset = $4 AND direction = 'incoming' AND status = 'quarantined'`,
      [organizationId, walletId, network, asset],
    );
    return BigInt(q?.total ?? '0');
  }
}
