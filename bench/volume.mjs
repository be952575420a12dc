// The data-volume mode of `npm run bench` (BENCH_VOLUME=1): before the usual sections run, the database is filled
// with a partner-sized history, written with set-based SQL straight into PostgreSQL:
//
//   1,000 organizations (the bench organization and 999 others)
//   1,000,000 wallets (BENCH_VOLUME_WALLETS; a fifth of them in the bench organization), each active
//   2,000,000 addresses (two per wallet: ETH and USDC on ethereum), derivation counters moved past them
//   5,000,000 confirmed deposits (five per wallet), each with its posted ledger transfer, and the wallet and
//   external accounts carrying the sums, so the ledger invariants hold over the filled data
//
// Every id is derived from its row number (md5 of a tag and the number), so rows reference each other without
// joins. Deposits are marked swept (the sweeper has nothing to do with them) and their addresses are made up
// (nothing on the devnet pays them).

const log = (m) => process.stderr.write(`[bench] ${m}\n`);

const uuid = (tag, n) => `md5('${tag}' || (${n}))::uuid`;

/** Fills the database of a running app; `benchOrg` is the organization the HTTP section will use. */
export async function fillVolume(client, benchOrg, { wallets = 1_000_000, organizations = 1_000 } = {}) {
  const others = organizations - 1;
  const benchWallets = Math.floor(wallets / 5);
  const started = Date.now();
  const step = async (what, sql, params = []) => {
    const t = Date.now();
    const res = await client.query(sql, params);
    log(`volume: ${what} (${res.rowCount ?? 0} rows, ${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET work_mem = '64MB'`);
  await step(
    'organizations',
    `INSERT INTO organizations (id, name, wallets_enabled)
     SELECT ${uuid('vo', 'g')}, 'volume ' || g, true FROM generate_series(1, $1::int) g`,
    [others],
  );
  // The organization of wallet g: the bench organization for the first fifth, then round-robin over the others.
  const orgOf = (g) =>
    `CASE WHEN (${g}) <= ${benchWallets} THEN $1::uuid ELSE ${uuid('vo', `1 + (${g}) % ${others}`)} END`;
  const chunk = 250_000;
  for (let from = 1; from <= wallets; from += chunk) {
    const to = Math.min(wallets, from + chunk - 1);
    await step(
      `wallets ${from}..${to}`,
      `INSERT INTO wallets (id, organization_id, name, wallet_number, status, created_at)
       SELECT ${uuid('vw', 'g')}, ${orgOf('g')}, 'volume wallet ' || g, (9000000000 + g)::text, 'active',
              now() - interval '1 day' + g * interval '1 ms'
       FROM generate_series($2::int, $3::int) g`,
      [benchOrg, from, to],
    );
    // Address a belongs to wallet (a + 1) / 2; its derivation index is a, unique within any organization.
    await step(
      `addresses of wallets ${from}..${to}`,
      `INSERT INTO addresses (id, organization_id, wallet_id, network, chain, asset, address, family, derivation_index,
                              created_at)
       SELECT ${uuid('vd', 'a')}, ${orgOf('(a + 1) / 2')}, ${uuid('vw', '(a + 1) / 2')}, 'ethereum:devnet', 'ethereum',
              CASE WHEN a % 2 = 0 THEN 'USDC' ELSE 'ETH' END, '0x' || lpad(to_hex(a), 40, '0'), 'evm', a,
              now() - interval '1 day'
       FROM generate_series(2 * $2::int - 1, 2 * $3::int) a`,
      [benchOrg, from, to],
    );
    await step(
      `ledger accounts of wallets ${from}..${to}`,
      `INSERT INTO ledger_accounts (id, organization_id, kind, wallet_id, network, asset, credits_posted)
       SELECT ${uuid('va', 'g')}, ${orgOf('g')}, 'wallet', ${uuid('vw', 'g')}, 'ethereum:devnet', 'ETH', 5000
       FROM generate_series($2::int, $3::int) g`,
      [benchOrg, from, to],
    );
  }
  await step(
    'derivation counters',
    `INSERT INTO derivation_counters (organization_id, family, next_index)
     SELECT organization_id, 'evm', max(derivation_index) + 1 FROM addresses WHERE family = 'evm' GROUP BY organization_id
     ON CONFLICT (organization_id, family) DO UPDATE
       SET next_index = GREATEST(derivation_counters.next_index, EXCLUDED.next_index)`,
  );
  // Each organization's external account pays its wallets' deposits (five of 1,000 each per wallet).
  await step(
    'external accounts',
    `INSERT INTO ledger_accounts (id, organization_id, kind, network, asset, debits_posted)
     SELECT ${uuid('vx', 'o')}, o, 'external', 'ethereum:devnet', 'ETH', 5000 * count(*)
     FROM (SELECT ${orgOf('g')} AS o FROM generate_series(1, $2::int) g) w
     GROUP BY o
     ON CONFLICT (organization_id, kind, network, asset) WHERE wallet_id IS NULL
       DO UPDATE SET debits_posted = ledger_accounts.debits_posted + EXCLUDED.debits_posted`,
    [benchOrg, wallets],
  );
  await client.query(
    `CREATE TEMP TABLE volume_external AS
     SELECT organization_id, id FROM ledger_accounts WHERE kind = 'external' AND network = 'ethereum:devnet' AND asset = 'ETH'`,
  );
  const transactions = 5 * wallets;
  for (let from = 1; from <= transactions; from += 4 * chunk) {
    const to = Math.min(transactions, from + 4 * chunk - 1);
    // Deposit t pays wallet ((t - 1) % wallets) + 1.
    await step(
      `deposits ${from}..${to}`,
      `INSERT INTO wallet_transactions (id, organization_id, wallet_id, direction, status, network, chain, asset, amount,
                                        tx_hash, log_index, block_number, to_address, confirmations,
                                        required_confirmations, ledger_transfer_id, created_at, updated_at,
                                        confirmed_at, swept_at)
       SELECT ${uuid('vt', 't')}, ${orgOf('((t - 1) % $2::int) + 1')}, ${uuid('vw', '((t - 1) % $2::int) + 1')},
              'incoming', 'confirmed', 'ethereum:devnet', 'ethereum', 'ETH', 1000, '0x' || md5('vh' || t) || md5('vi' || t),
              0, 1, '0x' || lpad(to_hex(2 * (((t - 1) % $2::int) + 1) - 1), 40, '0'), 12, 12, ${uuid('vl', 't')},
              now() - interval '1 day' + t * interval '1 ms', now(), now(), now()
       FROM generate_series($3::int, $4::int) t`,
      [benchOrg, wallets, from, to],
    );
    await step(
      `ledger transfers ${from}..${to}`,
      `INSERT INTO ledger_transfers (id, transaction_id, organization_id, debit_account_id, credit_account_id, network,
                                     asset, amount, phase, reference, created_at)
       SELECT ${uuid('vl', 't')}, ${uuid('vt', 't')}, x.organization_id, x.id,
              ${uuid('va', '((t - 1) % $2::int) + 1')}, 'ethereum:devnet', 'ETH', 1000, 'posted',
              'deposit:' || ${uuid('vt', 't')}, now() - interval '1 day' + t * interval '1 ms'
       FROM generate_series($3::int, $4::int) t
       JOIN volume_external x ON x.organization_id = ${orgOf('((t - 1) % $2::int) + 1')}`,
      [benchOrg, wallets, from, to],
    );
  }
  await step('analyze', `ANALYZE`);
  const seconds = (Date.now() - started) / 1000;
  log(`volume: filled in ${seconds.toFixed(0)} s`);
  return seconds;
}

/** Resident memory of a process in MiB (Linux). */
export async function rssMiB(pid) {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}
