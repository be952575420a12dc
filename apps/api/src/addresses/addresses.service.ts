import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@app/auth';
import { ChainClients, checkAddress, CURRENCIES, currencyOfSymbol, KeyringService, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, IdempotentRequest, Page } from '@app/common';
import { Address, AddressesRepository, isUuid, OrganizationsRepository, WalletsRepository } from '@app/db';
import { DerivationIndexes } from './derivation-indexes';
import {
  AddressDto,
  AddressValidationDto,
  CreateAddressDto,
  ListAddressesQueryDto,
  ValidateAddressQueryDto,
} from './dto/address.dto';

@Injectable()
export class AddressesService {
  constructor(
    private readonly addresses: AddressesRepository,
    private readonly wallets: WalletsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
    private readonly indexes: DerivationIndexes,
    private readonly clients: ChainClients,
  ) {}

  /**
   * A fresh child address of the organization's account on the network's chain family. The index comes from this
   * process's block of the organization's counter (`DerivationIndexes`), so concurrent requests never share an
   * index (or an address). One round trip: the insert itself checks that the wallet is the organization's and
   * active, and stores the request's reply; when the wallet is not there or not active, nothing is written, the index
   * goes back for the next request and a read tells 404 from 409.
   */
  async create(
    principal: Principal,
    walletId: string,
    dto: CreateAddressDto,
    request?: IdempotentRequest,
  ): Promise<AddressDto> {
    const asset = this.registry.receiveAsset(dto.asset.toUpperCase(), dto.network.toLowerCase());
    const network = asset.network;
    if (!isUuid(walletId)) throw DomainError.notFound('Wallet');
    const org = principal.organizationId;
    const account = await this.organizations.accountIndex(org);
    const index = await this.indexes.take(org, network.family);
    const derived = await this.keyring
      .receiveAddress(network, account, index, this.indexes.ahead(org, network.family))
      .catch((e: unknown) => {
        this.indexes.giveBack(org, network.family, index);
        throw e;
      });
    const { created_at: _, ...known }: AddressDto = {
      id: randomUUID(),
      wallet_id: walletId.toLowerCase(),
      asset: asset.symbol,
      network: network.chain,
      currency: asset.currency,
      address: derived,
      label: dto.label ?? null,
      monitored: this.clients.watcher(network) !== undefined,
      created_at: '',
    };
    // The database's clock stamps the row, so the response's created_at comes from the insert, and so does the
    // stored reply's.
    const inserted = await this.addresses.insertForActiveWallet(
      org,
      {
        id: known.id,
        walletId: known.wallet_id,
        network: network.key,
        chain: network.chain,
        asset: asset.symbol,
        address: derived,
        family: network.family,
        derivationIndex: index,
        label: known.label,
        currency: currencyOfSymbol(asset.symbol) ?? asset.symbol.toLowerCase(),
      },
      request && { key: request.key, status: request.status, body: known },
    );
    if (!inserted) {
      this.indexes.giveBack(org, network.family, index);
      const wallet = await this.wallets.findByOrgAndId(org, walletId);
      if (!wallet) throw DomainError.notFound('Wallet');
      if (wallet.currency && CURRENCIES[wallet.currency].symbol !== asset.symbol) {
        throw new DomainError(
          ErrorCode.WalletCurrencyMismatch,
          CURRENCIES[wallet.currency].fiat
            ? `A ${wallet.currency} wallet is a fiat wallet: it has no addresses`
            : `This wallet holds ${wallet.currency} only; ${asset.symbol} addresses need a ${asset.symbol.toLowerCase()} or a multi-asset wallet`,
          { wallet_currency: wallet.currency, asset: asset.symbol },
        );
      }
      throw new DomainError(ErrorCode.WalletNotActive, `The wallet is ${wallet.status}`, { status: wallet.status });
    }
    if (inserted.replyStored) request?.stored();
    return { ...known, created_at: inserted.createdAt };
  }

  async list(principal: Principal, walletId: string, query: ListAddressesQueryDto): Promise<Page<AddressDto>> {
    const wallet = await this.wallets.findByOrgAndId(principal.organizationId, walletId);
    if (!wallet) throw DomainError.notFound('Wallet');
    const { rows, nextCursor } = await this.addresses.listPage(
      principal.organizationId,
      wallet.id,
      { asset: query.asset?.toUpperCase(), chain: query.network?.toLowerCase() },
      query,
    );
    return { data: rows.map((a) => this.view(a)), next_cursor: nextCursor };
  }

  async validate(principal: Principal, query: ValidateAddressQueryDto): Promise<AddressValidationDto> {
    const network = this.registry.byChain(query.network.toLowerCase());
    if (!network) {
      throw new DomainError(ErrorCode.InvalidNetwork, `Unknown network ${JSON.stringify(query.network)}`, {
        supported: this.registry.chainNames(),
      });
    }
    const check = checkAddress(query.address, network);
    const internal =
      check.valid && check.normalized
        ? await this.addresses.isOrganizations(principal.organizationId, network.key, check.normalized)
        : false;
    return {
      valid: check.valid,
      normalized: check.normalized ?? null,
      is_internal: internal,
      network: network.chain,
      reason: check.reason ?? null,
    };
  }

  private view(address: Address, currency?: string): AddressDto {
    const network = this.registry.byKey(address.network);
    return {
      id: address.id,
      wallet_id: address.walletId,
      asset: address.asset,
      network: address.chain,
      currency: currency ?? network?.assets.find((a) => a.symbol === address.asset)?.currency ?? address.asset,
      address: address.address,
      label: address.label,
      monitored: network !== undefined && this.clients.watcher(network) !== undefined,
      created_at: address.createdAt.toISOString(),
    };
  }
}
