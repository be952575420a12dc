/**
 * The ledger invariants (docs/ledger.md) as SQL. Each query returns the rows that break its rule; an empty result
 * everywhere means the ledger is consistent. Tests run it after every scenario; operators via `cli ledger:check`
 * (LedgerRepository.violations).
 */
export const LEDGER_INVARIANTS: Record<string, string> = {
  'LED-1 a transfer moves one asset on one network between accounts of that asset': `
    SELECT t.id FROM ledger_transfers t
    JOIN ledger_accounts d ON d.id = t.debit_account_id JOIN ledger_accounts c ON c.id = t.credit_account_id
    WHERE d.network <> t.network OR c.network <> t.network OR d.asset <> t.asset OR c.asset <> t.asset`,
  'LED-2 per asset, debits equal credits (posted and pending)': `
    SELECT network, asset FROM ledger_accounts GROUP BY network, asset
    HAVING sum(debits_posted) <> sum(credits_posted) OR sum(debits_pending) <> sum(credits_pending)`,
  'LED-3 transfers are append-only (the trigger is in place)': `
    SELECT 'missing trigger' AS problem WHERE NOT EXISTS (
      SELECT 1 FROM pg_trigger WHERE tgname = 'ledger_transfers_append_only' AND tgenabled <> 'D')`,
  'LED-4 no customer account below zero': `
    SELECT id FROM ledger_accounts WHERE kind = 'wallet' AND credits_posted - debits_posted - debits_pending < 0`,
  'LED-5 cached balances equal the sums of transfers': `
    WITH open_holds AS (
      SELECT p.* FROM ledger_transfers p WHERE p.phase = 'pending'
        AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = p.id)
    ), sums AS (
      SELECT a.id,
        coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.credit_account_id = a.id AND t.phase IN ('posted', 'post_pending')), 0) AS cp,
        coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.debit_account_id = a.id AND t.phase IN ('posted', 'post_pending')), 0) AS dp,
        coalesce((SELECT sum(amount) FROM open_holds t WHERE t.credit_account_id = a.id), 0) AS cpend,
        coalesce((SELECT sum(amount) FROM open_holds t WHERE t.debit_account_id = a.id), 0) AS dpend
      FROM ledger_accounts a
    )
    SELECT a.id FROM ledger_accounts a JOIN sums s ON s.id = a.id
    WHERE a.credits_posted <> s.cp OR a.debits_posted <> s.dp OR a.credits_pending <> s.cpend OR a.debits_pending <> s.dpend`,
  'LED-6 a hold is resolved at most once, between its own accounts, never for more than its amount': `
    SELECT r.id FROM ledger_transfers r JOIN ledger_transfers p ON p.id = r.pending_id
    WHERE p.phase <> 'pending' OR r.amount > p.amount OR r.debit_account_id <> p.debit_account_id
       OR r.credit_account_id <> p.credit_account_id OR r.asset <> p.asset OR r.network <> p.network
    UNION ALL
    SELECT pending_id FROM ledger_transfers WHERE pending_id IS NOT NULL GROUP BY pending_id HAVING count(*) > 1`,
  'LED-7 a deposit is recorded once and credited at most once': `
    SELECT network || ':' || tx_hash || ':' || log_index FROM wallet_transactions WHERE direction = 'incoming' AND tx_hash IS NOT NULL
    GROUP BY network, tx_hash, log_index HAVING count(*) > 1
    UNION ALL
    SELECT reference FROM ledger_transfers p WHERE p.reference LIKE 'deposit:%' AND p.phase = 'pending'
      AND NOT EXISTS (SELECT 1 FROM ledger_transfers v WHERE v.pending_id = p.id AND v.phase = 'void_pending')
    GROUP BY reference HAVING count(*) > 1`,
};
