import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A posting that names another organization's wallet is refused (`wallet_unavailable`, answered 404) instead of
 * failing: the lock step, which runs before the posting's checks, looked every account up with the tenancy guard of
 * `ledger_account_id`, and that guard raised on the other organization's account. The lock step now locks only the
 * accounts of the posting's own organization; the guard stays where accounts are used.
 */
export class LockOwnAccounts1765050000000 implements MigrationInterface {
  name = 'LockOwnAccounts1765050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE FUNCTION ledger_account_of(p_org uuid, p_ref jsonb) RETURNS uuid
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_wallet uuid := (p_ref->>'wallet_id')::uuid;
  v_id uuid;
BEGIN
  -- The existing account {kind, wallet_id?, network, asset} of the organization, or NULL (absent, or another's).
  -- One query per form, each served by its unique index.
  IF v_wallet IS NOT NULL THEN
    SELECT id INTO v_id FROM ledger_accounts
     WHERE wallet_id = v_wallet AND network = p_ref->>'network' AND asset = p_ref->>'asset' AND organization_id = p_org;
  ELSE
    SELECT id INTO v_id FROM ledger_accounts
     WHERE organization_id = p_org AND kind = p_ref->>'kind' AND network = p_ref->>'network' AND asset = p_ref->>'asset' AND wallet_id IS NULL;
  END IF;
  RETURN v_id;
END $$`);
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION ledger_lock_accounts(p_postings jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_accounts uuid[];
BEGIN
  -- The accounts every posting touches, as far as they exist and are of the posting's organization, locked in id
  -- order before anything else. Their ids are collected first and then locked by primary key: a join of the
  -- documents with the tables would let the planner pick a scan of a table that grows with every transfer.
  v_accounts := ARRAY(
    SELECT DISTINCT id FROM (
      SELECT ledger_account_of((x->>'organization_id')::uuid, r.ref) AS id
        FROM jsonb_array_elements(p_postings) x, jsonb_array_elements(x->'transfers') t,
             LATERAL (VALUES (t->'debit'), (t->'credit')) r(ref)
       WHERE t ? 'debit'
      UNION ALL
      SELECT unnest(ARRAY[(SELECT h.debit_account_id FROM ledger_transfers h WHERE h.id = (t->>'pending_id')::uuid AND h.organization_id = (x->>'organization_id')::uuid),
                          (SELECT h.credit_account_id FROM ledger_transfers h WHERE h.id = (t->>'pending_id')::uuid AND h.organization_id = (x->>'organization_id')::uuid)])
        FROM jsonb_array_elements(p_postings) x, jsonb_array_elements(x->'transfers') t
       WHERE t ? 'pending_id') ids
     WHERE id IS NOT NULL);
  PERFORM 1 FROM ledger_accounts WHERE id = ANY(v_accounts) ORDER BY id FOR UPDATE;
END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION ledger_lock_accounts(p_postings jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_accounts uuid[];
BEGIN
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
    await queryRunner.query(`DROP FUNCTION ledger_account_of(uuid, jsonb)`);
  }
}
