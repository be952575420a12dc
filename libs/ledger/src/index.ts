export * from './ledger.module';
export * from './ledger.service';
export * from './posting';
export * from './transaction-view';
export * from './dto/balance.dto';
export * from './dto/transaction.dto';
export * from './wallet-balances.service';
