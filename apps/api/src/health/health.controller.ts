import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, ErrorEnvelopeDto } from '@app/common';
import { HealthDto } from './health.dto';

@ApiTags('Health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The process is up. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness' })
  live(): HealthDto {
    return { status: 'ok' };
  }

  /** The process can serve traffic: PostgreSQL answers. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL unreachable', type: ErrorEnvelopeDto })
  async ready(): Promise<HealthDto> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new DomainError(ErrorCode.ServiceUnavailable, 'Database unreachable', { database: 'down' });
    }
    return { status: 'ok', checks: { database: 'up' } };
  }
}
