import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@app/common';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('Health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process is up. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness' })
  live(): HealthDto {
    return { status: 'ok' };
  }

  /**
   * The process can serve traffic: PostgreSQL answers (503 otherwise). Each network's node is named in `checks` too;
   * a node down makes the status `degraded`, not 503.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness' })
  @ApiServiceUnavailableResponse({
    description: 'PostgreSQL unreachable; `details` names every dependency up or down',
    type: ErrorEnvelopeDto,
  })
  ready(): Promise<HealthDto> {
    return this.health.ready();
  }
}
