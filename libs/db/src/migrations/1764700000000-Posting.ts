import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The posting engine's write path, in the database: `ledger_post(postings jsonb)` applies a list of postings in one
 * statement and answers ok or a refusal per posting, in the spirit of TigerBeetle's `create_transfers`. A posting is
 * a list of ledger transfers (posted, pending, post or void of a hold) plus what must commit with it: rows, events
 * with their webhook deliveries, and the stored reply of the request. `libs/ledger` (LedgerService) is its only
 * caller; docs/architecture.md describes the flow.
 *
 * - Every account the call touches that exists already is locked first, in id order, so two calls never wait on
 *   each other in a cycle (a batch W1 -> [W2, W3] beside single sends W3 -> W1 cannot deadlock).
 * - The postings of one call apply in order, so each sees exactly those before it: the answers are those of that
 *   serial order, and a credit of a later posting never pays for a debit of an earlier one. They are applied whole
 *   first (one subtransaction for the call); if one is refused, that is rolled back and they are applied again one
 *   by one, each in a subtransaction of its own, so a refused posting leaves nothing behind and the others go on.
 * - A wallet account is never debited below zero: the debit is a guarded UPDATE (the row is locked, so the guard
 *   reads the latest balance), and the CHECK `ledger_accounts_wallet_available` backs it.
 * - Accounts are opened on first use. A debit of a wallet account that does not exist is refused as
 *   insufficient funds (an account never opened holds nothing).
 *
 * `outbox_record` and `idempotency_store_reply` are the one definition of those two writes, shared by the posting
 * path and the plain event and reply writes of their repositories.
 */
export class Posting1764700000000 implements MigrationInterface {
  name = 'Posting1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE FUNCTION idempotency_store_reply(p_org uuid, p_key text, p_status int, p_body jsonb, p_headers jsonb) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  -- The reply of a request whose Idempotency-Key was claimed; false if the key is gone (reaped meanwhile).
  UPDATE idempotency_keys SET response_status = p_status, response_body = p_body, response_headers = p_headers, completed_at = now()
   WHERE organization_id = p_org AND key = p_key;
  RETURN FOUND;
END $$`);

    await queryRunner.query(`
CREATE FUNCTION outbox_record(p_org uuid, p_events jsonb, p_only_endpoint uuid DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Events [{id, type, data, body, created_at}] in order, and one delivery per enabled endpoint of the organization
  -- that subscribes to the event's type (or to everything); with p_only_endpoint, to that endpoint alone.
  WITH ev AS (
    INSERT INTO events (id, organization_id, type, data, body, created_at)
    SELECT e->>'id', p_org, e->>'type', e->'data', e->>'body', (e->>'created_at')::timestamptz
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, n) ORDER BY n
    RETURNING id, type)
  INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_id, status, next_attempt_at)
  SELECT gen_random_uuid(), p_org, w.id, ev.id, 'pending', now()
    FROM webhook_endpoints w JOIN ev ON cardinality(w.events) = 0 OR ev.type = ANY(w.events)
   WHERE w.organization_id = p_org AND w.enabled AND w.deleted_at IS NULL AND (p_only_endpoint IS NULL OR w.id = p_only_endpoint);
END $$`);

    await queryRunner.query(`
CREATE FUNCTION ledger_account_id(p_org uuid, p_ref jsonb, p_create boolean) RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
  v_wallet uuid := (p_ref->>'wallet_id')::uuid;
  v_id uuid;
  v_owner uuid;
BEGIN
  -- The account {kind, wallet_id?, network, asset} of the organization; opened when p_create, else NULL if absent.
  FOR attempt IN 1..2 LOOP
    IF v_wallet IS NOT NULL THEN
      SELECT id, organization_id INTO v_id, v_owner FROM ledger_accounts
       WHERE wallet_id = v_wallet AND network = p_ref->>'network' AND asset = p_ref->>'asset';
      IF v_id IS NOT NULL AND v_owner <> p_org THEN
        RAISE EXCEPTION 'ledger account of wallet % is not of organization %', v_wallet, p_org;
      END IF;
    ELSE
      SELECT id INTO v_id FROM ledger_accounts
       WHERE organization_id = p_org AND kind = p_ref->>'kind' AND network = p_ref->>'network' AND asset = p_ref->>'asset' AND wallet_id IS NULL;
    END IF;
    IF v_id IS NOT NULL OR NOT p_create THEN
      RETURN v_id;
    END IF;
    INSERT INTO ledger_accounts (id, organization_id, kind, wallet_id, network, asset)
    VALUES (gen_random_uuid(), p_org, p_ref->>'kind', v_wallet, p_ref->>'network', p_ref->>'asset')
    ON CONFLICT DO NOTHING RETURNING id INTO v_id;
    IF v_id IS NOT NULL THEN
      RETURN v_id;
    END IF;
    -- Another transaction opened it first and has committed (ON CONFLICT waited for it): the next SELECT sees it.
  END LOOP;
  RAISE EXCEPTION 'ledger account % of organization % could not be opened', p_ref, p_org;
END $$`);

    await queryRunner.query(`
CREATE FUNCTION ledger_refuse(p_refusal text, p_details jsonb DEFAULT '{}'::jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Ends the current posting (ledger_post rolls back its subtransaction) with a typed refusal.
  RAISE EXCEPTION USING ERRCODE = 'LR001', MESSAGE = p_refusal,
    DETAIL = (jsonb_build_object('ok', false, 'refusal', p_refusal) || p_details)::text;
END $$`);

    await queryRunner.query(`
CREATE FUNCTION ledger_post_one(p jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_org uuid := (p->>'organization_id')::uuid;
  v_required int := jsonb_array_length(coalesce(p->'active_wallets', '[]'::jsonb));
  r record;
  t jsonb;
  v_phase text;
  v_amount numeric;
  v_debit uuid;
  v_credit uuid;
  v_hold ledger_transfers;
  v_posted numeric;
  v_stored boolean := false;
BEGIN
  -- 1. The wallets the posting names must be the organization's and active.
  --    Each is looked up by its primary key (a scalar subquery is never turned into a join): a filter on the
  --    organization would let the planner walk the organization's index over all its wallets.
  IF v_required > 0 AND v_required <> (
       SELECT count(*) FROM jsonb_array_elements_text(p->'active_wallets') w
        WHERE (SELECT x.status FROM wallets x WHERE x.id = w::uuid AND x.organization_id = v_org) = 'active') THEN
    PERFORM ledger_refuse('wallet_unavailable');
  END IF;

  -- 2. Its rows: a repeated business key (a unique index) refuses the posting before any balance moves.
  INSERT INTO transfer_batches SELECT * FROM jsonb_populate_recordset(NULL::transfer_batches, coalesce(p->'rows'->'transfer_batches', '[]'::jsonb));
  INSERT INTO wallet_transactions SELECT * FROM jsonb_populate_recordset(NULL::wallet_transactions, coalesce(p->'rows'->'wallet_transactions', '[]'::jsonb));

  -- 3. Its ledger transfers, in order.
  FOR r IN SELECT value, ordinality - 1 AS n FROM jsonb_array_elements(p->'transfers') WITH ORDINALITY LOOP
    t := r.value;
    v_phase := t->>'phase';
    IF v_phase IN ('posted', 'pending') THEN
      v_amount := (t->>'amount')::numeric;
      v_debit := ledger_account_id(v_org, t->'debit', t->'debit'->>'kind' <> 'wallet');
      IF v_debit IS NULL THEN
        PERFORM ledger_refuse('insufficient_funds', jsonb_build_object('account', t->'debit', 'transfer', r.n));
      END IF;
      v_credit := ledger_account_id(v_org, t->'credit', true);
      UPDATE ledger_accounts
         SET debits_posted = debits_posted + CASE WHEN v_phase = 'posted' THEN v_amount ELSE 0 END,
             debits_pending = debits_pending + CASE WHEN v_phase = 'pending' THEN v_amount ELSE 0 END,
             updated_at = now()
       WHERE id = v_debit AND (kind <> 'wallet' OR credits_posted - debits_posted - debits_pending >= v_amount);
      IF NOT FOUND THEN
        PERFORM ledger_refuse('insufficient_funds', jsonb_build_object('account', t->'debit', 'transfer', r.n));
      END IF;
      UPDATE ledger_accounts
         SET credits_posted = credits_posted + CASE WHEN v_phase = 'posted' THEN v_amount ELSE 0 END,
             credits_pending = credits_pending + CASE WHEN v_phase = 'pending' THEN v_amount ELSE 0 END,
             updated_at = now()
       WHERE id = v_credit;
      INSERT INTO ledger_transfers (id, transaction_id, organization_id, debit_account_id, credit_account_id, network, asset, amount, phase, pending_id, reference)
      VALUES ((t->>'id')::uuid, (p->>'id')::uuid, v_org, v_debit, v_credit, t->'debit'->>'network', t->'debit'->>'asset', v_amount, v_phase, NULL, t->>'reference');
    ELSE
      -- post_pending / void_pending: resolve a hold of the organization, at most once (the unique index on pending_id).
      SELECT * INTO v_hold FROM ledger_transfers WHERE id = (t->>'pending_id')::uuid AND organization_id = v_org AND phase = 'pending';
      IF NOT FOUND THEN
        PERFORM ledger_refuse('hold_not_found', jsonb_build_object('pending_id', t->>'pending_id'));
      END IF;
      v_posted := CASE WHEN v_phase = 'post_pending' THEN coalesce((t->>'amount')::numeric, v_hold.amount) ELSE 0 END;
      IF v_posted < 0 OR v_posted > v_hold.amount OR (v_phase = 'post_pending' AND v_posted = 0) THEN
        PERFORM ledger_refuse('exceeds_hold', jsonb_build_object('pending_id', v_hold.id));
      END IF;
      INSERT INTO ledger_transfers (id, transaction_id, organization_id, debit_account_id, credit_account_id, network, asset, amount, phase, pending_id, reference)
      VALUES ((t->>'id')::uuid, v_hold.transaction_id, v_org, v_hold.debit_account_id, v_hold.credit_account_id, v_hold.network, v_hold.asset,
              CASE WHEN v_phase = 'post_pending' THEN v_posted ELSE v_hold.amount END, v_phase, v_hold.id, v_hold.reference);
      UPDATE ledger_accounts SET debits_pending = debits_pending - v_hold.amount, debits_posted = debits_posted + v_posted, updated_at = now()
       WHERE id = v_hold.debit_account_id;
      UPDATE ledger_accounts SET credits_pending = credits_pending - v_hold.amount, credits_posted = credits_posted + v_posted, updated_at = now()
       WHERE id = v_hold.credit_account_id;
    END IF;
  END LOOP;

  -- 4. Its events, with their webhook deliveries.
  IF jsonb_array_length(coalesce(p->'events', '[]'::jsonb)) > 0 THEN
    PERFORM outbox_record(v_org, p->'events');
  END IF;

  -- 5. The stored reply of its request.
  IF p ? 'reply' THEN
    v_stored := idempotency_store_reply(v_org, p->'reply'->>'key', (p->'reply'->>'status')::int, p->'reply'->'body', p->'reply'->'headers');
  END IF;
  RETURN jsonb_build_object('ok', true, 'reply_stored', v_stored);
END $$`);

    await queryRunner.query(`
CREATE FUNCTION ledger_lock_accounts(p_postings jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_accounts uuid[];
BEGIN
  -- The accounts every posting touches, as far as they exist, locked in id order before anything else. Their ids
  -- are collected first and then locked by primary key: a join of the documents with the tables would let the
  -- planner pick a scan of a table that grows with every transfer.
  v_accounts := ARRAY(
    SELECT DISTINCT id FROM (
      SELECT ledger_account_id((x->>'organization_id')::uuid, r.ref, false) AS id
        FROM jsonb_array_elements(p_postings) x, jsonb_array_elements(x->'transfers') t,
             LATERAL (VALUES (t->'debit'), (t->'credit')) r(ref)
       WHERE t ? 'debit'
      UNION ALL
      SELECT unnest(ARRAY[(SELECT h.debit_account_id FROM ledger_transfers h WHERE h.id = (t->>'pending_id')::uuid),
                          (SELECT h.credit_account_id FROM ledger_transfers h WHERE h.id = (t->>'pending_id')::uuid)])
        FROM jsonb_array_elements(p_postings) x, jsonb_array_elements(x->'transfers') t
       WHERE t ? 'pending_id') ids
     WHERE id IS NOT NULL);
  PERFORM 1 FROM ledger_accounts WHERE id = ANY(v_accounts) ORDER BY id FOR UPDATE;
END $$`);

    await queryRunner.query(`
CREATE FUNCTION ledger_post(p_postings jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  p jsonb;
  v_results jsonb := '[]'::jsonb;
  v_detail text;
  v_constraint text;
BEGIN
  -- Whole: every posting applied in order, in one subtransaction. Nothing is refused in the common case, and one
  -- subtransaction costs far less than one per posting when a group updates a hot account many times.
  BEGIN
    PERFORM ledger_lock_accounts(p_postings);
    FOR p IN SELECT value FROM jsonb_array_elements(p_postings) LOOP
      v_results := v_results || jsonb_build_array(ledger_post_one(p));
    END LOOP;
    RETURN v_results;
  EXCEPTION WHEN SQLSTATE 'LR001' OR unique_violation THEN
    v_results := '[]'::jsonb; -- a posting was refused: nothing of the call stays; apply them one by one
  END;

  -- One by one: each posting in a subtransaction of its own, so a refusal rolls back that posting alone. The same
  -- order gives the same answers the whole form would have given up to the refused posting.
  PERFORM ledger_lock_accounts(p_postings);
  FOR p IN SELECT value FROM jsonb_array_elements(p_postings) LOOP
    BEGIN
      v_results := v_results || jsonb_build_array(ledger_post_one(p));
    EXCEPTION
      WHEN SQLSTATE 'LR001' THEN
        GET STACKED DIAGNOSTICS v_detail = PG_EXCEPTION_DETAIL;
        v_results := v_results || jsonb_build_array(v_detail::jsonb);
      WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        v_results := v_results || jsonb_build_array(CASE WHEN v_constraint = 'ledger_transfers_resolution'
          THEN jsonb_build_object('ok', false, 'refusal', 'hold_resolved')
          ELSE jsonb_build_object('ok', false, 'refusal', 'duplicate', 'key', v_constraint) END);
    END;
  END LOOP;
  RETURN v_results;
END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ledger_post(jsonb)`);
    await queryRunner.query(`DROP FUNCTION ledger_lock_accounts(jsonb)`);
    await queryRunner.query(`DROP FUNCTION ledger_post_one(jsonb)`);
    await queryRunner.query(`DROP FUNCTION ledger_refuse(text, jsonb)`);
    await queryRunner.query(`DROP FUNCTION ledger_account_id(uuid, jsonb, boolean)`);
    await queryRunner.query(`DROP FUNCTION outbox_record(uuid, jsonb, uuid)`);
    await queryRunner.query(`DROP FUNCTION idempotency_store_reply(uuid, text, int, jsonb, jsonb)`);
  }
}
