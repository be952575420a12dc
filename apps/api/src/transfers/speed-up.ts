import { Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import { NetworkRegistry } from '@app/chains';
import { DomainError } from '@app/common';
import { WalletTransactionsRepository } from '@app/db';
import { TransactionView } from '@app/ledger';
import { BitcoinSender } from './bitcoin-sender.service';
import { SpeedUpDto } from './dto/transfer.dto';
import { notSpeedable } from './not-speedable';
import { TransferProcessor } from './transfer-processor.service';
import { TransfersService } from './transfers.service';

/**
 * `POST /v1/transactions/{id}/speed-up`: one API for a stuck send on either family. EVM: a replacement (same nonce,
 * higher fees). Bitcoin: child pays for parent through the send's change (bcoin relays no replacement; CPFP works on
 * both it and Bitcoin Core). The wallet's ledger moves once either way; the extra fee is the organization's.
 */
@Injectable()
export class SpeedUpService {
  constructor(
    private readonly rows: WalletTransactionsRepository,
    private readonly registry: NetworkRegistry,
    private readonly evm: TransferProcessor,
    private readonly bitcoin: BitcoinSender,
    private readonly transfers: TransfersService,
  ) {}

  async speedUp(principal: Principal, id: string, dto: SpeedUpDto): Promise<TransactionView> {
    const tx = await this.rows.findByOrgAndId(principal.organizationId, id);
    if (!tx) throw DomainError.notFound('Transaction');
    if (tx.direction !== 'outgoing' || tx.destinationType === 'wallet' || tx.destinationType === 'adjustment')
      throw notSpeedable('only on-chain sends can be sped up');
    if (tx.status !== 'broadcast' || !tx.txHash)
      throw notSpeedable(`only a broadcast send not yet in a block can be sped up (this one is ${tx.status})`);
    const network = this.registry.byKey(tx.network)!;
    if (network.family === 'bitcoin') await this.bitcoin.speedUp(network, tx.txHash, dto.fee_level ?? 'high');
    else await this.evm.replace(network, tx.id);
    return this.transfers.view((await this.rows.findByOrgAndId(principal.organizationId, id))!);
  }
}
