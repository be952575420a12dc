import { Controller, Get, Module, Query, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RateLimiter } from '@app/auth';

/**
 * The stack's own ceiling, for `npm run bench` (BENCH_ROUTES=true, devnet only): the same Nest pipeline (global pipe,
 * filter, interceptors, logging) with no authentication, returning a constant or doing one indexed SELECT through the
 * same connection pool. Every API route's figure is reported as a ratio of these.
 */
@ApiExcludeController()
@Controller({ path: 'bench', version: VERSION_NEUTRAL })
export class BenchController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limiter: RateLimiter,
  ) {}

  @Get('constant')
  constant(): { ok: boolean } {
    return { ok: true };
  }

  /**
   * What the rate limiter costs a request: `n` calls of `take()` for one key, one after the other, as requests make
   * them (leases taken from the shared bucket in PostgreSQL included). Nanoseconds per call.
   */
  @Get('rate-limiter')
  async rateLimiter(
    @Query('key') apiKeyId: string,
    @Query('org') organizationId: string,
    @Query('n') n = '100000',
  ): Promise<{ calls: number; ns_per_call: number | null }> {
    const calls = Math.min(1_000_000, Math.max(1, Number(n) || 1));
    const principal = { apiKeyId, organizationId };
    // Limits off: nothing to measure.
    if (!Object.keys(await this.limiter.take(principal)).length) return { calls: 0, ns_per_call: null };
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) await this.limiter.take(principal);
    return { calls, ns_per_call: Number(process.hrtime.bigint() - started) / calls };
  }

  @Get('select')
  async select(@Query('id') id: string): Promise<{ found: boolean }> {
    const rows = await this.db.query<unknown[]>('SELECT id FROM wallets WHERE id = $1', [id]);
    return { found: rows.length > 0 };
  }
}

@Module({ controllers: [BenchController] })
export class BenchModule {}
