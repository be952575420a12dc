import { Controller, Get, Module, Query, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The stack's own ceiling, for `npm run bench` (BENCH_ROUTES=true, devnet only): the same Nest pipeline (global pipe,
 * filter, interceptors, logging) with no authentication, returning a constant or doing one indexed SELECT through the
 * same connection pool. Every API route's figure is reported as a ratio of these.
 */
@ApiExcludeController()
@Controller({ path: 'bench', version: VERSION_NEUTRAL })
export class BenchController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('constant')
  constant(): { ok: boolean } {
    return { ok: true };
  }

  @Get('select')
  async select(@Query('id') id: string): Promise<{ found: boolean }> {
    const rows = await this.db.query<unknown[]>('SELECT id FROM wallets WHERE id = $1', [id]);
    return { found: rows.length > 0 };
  }
}

@Module({ controllers: [BenchController] })
export class BenchModule {}
