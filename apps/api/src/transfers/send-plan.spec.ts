import { NetworkRegistry } from '@app/chains';
import { TransferBatch } from '@app/db';
import { planSend, SendItem } from './send-plan';

const networks = NetworkRegistry.build('devnet', {});
const ethereum = networks.find((n) => n.chain === 'ethereum')!;
const usdc = ethereum.assets.find((a) => a.symbol === 'USDC')!;
const ORG = '00000000-0000-4000-8000-0000000000aa';
const SOURCE = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const NOW = new Date('2026-12-01T10:00:00.000Z');

const internal = (amount: bigint, walletId = OTHER): SendItem => ({
  type: 'wallet',
  address: null,
  walletId,
  externalAccountId: null,
  amount,
});
const onChain = (amount: bigint, address = '0x000000000000000000000000000000000000dEaD'): SendItem => ({
  type: 'public_address',
  address,
  walletId: null,
  externalAccountId: null,
  amount,
});

describe('planSend', () => {
  it('plans an internal send as a posted transfer with a confirmed row on each side and three events', () => {
    const { posting, out } = planSend(
      ORG,
      SOURCE,
      usdc,
      [internal(1_500_000n)],
      { note: 'rent', externalId: 'ext-1', idempotencyKey: 'key-1' },
      NOW,
    );
    expect(posting.activeWallets).toEqual([SOURCE, OTHER]);
    expect(posting.transfers).toEqual([
      {
        phase: 'posted',
        id: out[0].ledgerTransferId,
        debit: { kind: 'wallet', walletId: SOURCE, network: 'ethereum:devnet', asset: 'USDC' },
        credit: { kind: 'wallet', walletId: OTHER, network: 'ethereum:devnet', asset: 'USDC' },
        amount: 1_500_000n,
        reference: `internal:${out[0].id}`,
      },
    ]);
    const [sent, received] = posting.rows!.map((r) => r as (typeof out)[number]);
    expect(sent).toMatchObject({
      walletId: SOURCE,
      direction: 'outgoing',
      status: 'confirmed',
      counterpartId: received.id,
      idempotencyKey: 'key-1',
      externalId: 'ext-1',
      note: 'rent',
    });
    expect(received).toMatchObject({
      walletId: OTHER,
      direction: 'incoming',
      status: 'confirmed',
      counterpartId: sent.id,
      ledgerTransferId: sent.ledgerTransferId,
    });
    // The business keys stay on the sender's row only, so a second send with them collides there.
    expect(received.idempotencyKey ?? null).toBeNull();
    expect(posting.events!.map((e) => [e.type, e.data.transaction_id])).toEqual([
      ['wallet_transaction.confirmed', sent.id],
      ['wallet.incoming_transaction', received.id],
      ['wallet_transaction.confirmed', received.id],
    ]);
    expect(posting.events![0].data).toMatchObject({ amount: '1.5', amount_raw: '1500000' });
  });

  it('plans an on-chain send as a hold to the external account and a queued row, with no event yet', () => {
    const { posting, out } = planSend(ORG, SOURCE, usdc, [onChain(7n)], {}, NOW);
    expect(posting.activeWallets).toEqual([SOURCE]);
    expect(posting.transfers).toEqual([
      expect.objectContaining({
        phase: 'pending',
        credit: { kind: 'external', network: 'ethereum:devnet', asset: 'USDC' },
        amount: 7n,
        reference: `withdrawal:${out[0].id}`,
      }),
    ]);
    expect(out[0]).toMatchObject({
      status: 'pending',
      subStatus: 'queued',
      toAddress: '0x000000000000000000000000000000000000dEaD',
      feeAsset: 'ETH',
      requiredConfirmations: ethereum.confirmations,
    });
    expect(posting.events).toEqual([]);
  });

  it('plans a batch as one posting: the batch row first, each item in order with its index, every internal destination checked', () => {
    const batch = Object.assign(new TransferBatch(), { id: '00000000-0000-4000-8000-0000000000bb' });
    const third = '00000000-0000-4000-8000-000000000003';
    const { posting, out } = planSend(
      ORG,
      SOURCE,
      usdc,
      [internal(1n), onChain(2n), internal(3n, third)],
      { batch },
      NOW,
    );
    expect(posting.rows![0]).toBe(batch);
    expect(out.map((t) => [t.batchId, t.batchIndex, t.amount])).toEqual([
      [batch.id, 0, 1n],
      [batch.id, 1, 2n],
      [batch.id, 2, 3n],
    ]);
    expect(posting.transfers.map((t) => t.phase)).toEqual(['posted', 'pending', 'posted']);
    expect(posting.activeWallets).toEqual([SOURCE, OTHER, third]);
    // Every ledger transfer debits the source wallet: the ledger names the failing one by its index.
    expect(posting.transfers.every((t) => 'debit' in t && t.debit.walletId === SOURCE)).toBe(true);
  });

  it('gives every row, transfer and event of a plan its own id', () => {
    const { posting } = planSend(ORG, SOURCE, usdc, [internal(1n), internal(1n), onChain(1n)], {}, NOW);
    const ids = [...posting.rows!.map((r) => r.id), ...posting.transfers.map((t) => t.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
