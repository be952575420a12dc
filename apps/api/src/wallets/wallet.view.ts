import { assetTypeOf } from '@app/chains';
import type { Wallet } from '@app/db';
import type { WalletBalanceDto, WalletDto } from './dto/wallet.dto';

export function toWalletDto(
  wallet: Wallet,
  provider: string,
  { balance, usdStale }: { balance: WalletBalanceDto; usdStale: boolean },
): WalletDto {
  return {
    id: wallet.id,
    provider,
    status: wallet.status,
    name: wallet.name,
    external_id: wallet.externalId,
    end_user_id: wallet.endUserId,
    umbrella_link_id: wallet.umbrellaLinkId,
    company_id: wallet.organizationId,
    wallet_number: wallet.walletNumber,
    active: wallet.status === 'active',
    currency: wallet.currency ?? null,
    asset_type: assetTypeOf(wallet.currency),
    balance,
    usd_stale: usdStale,
    metadata: wallet.metadata,
    created_at: wallet.createdAt.toISOString(),
    updated_at: wallet.updatedAt.toISOString(),
  };
}
