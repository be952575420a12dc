import { Module } from '@nestjs/common';
import { LedgerCheckService } from './ledger-check.service';
import { MetricsCollector } from './metrics-collector.service';
import { MetricsServer } from './metrics-server';

/** Prometheus metrics on their own listener, the database gauges behind them, and the periodic ledger check. */
@Module({ providers: [MetricsCollector, MetricsServer, LedgerCheckService] })
export class MetricsModule {}
