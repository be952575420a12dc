import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';

class ProbeBodyDto {
  @IsString()
  @MaxLength(10)
  note!: string;
}

function view(p: Principal) {
  return { organization_id: p.organizationId, api_key_id: p.apiKeyId, method: p.method };
}

/** Routes that exist only in tests: they exercise the guard and the error filter through the real HTTP stack. */
@Controller('probe')
class ProbeController {
  @Get('read')
  @Authenticated({ scope: 'read:wallets' })
  read(@CurrentPrincipal() p: Principal) {
    return view(p);
  }

  @Post('write')
  @Authenticated({ scope: 'write:wallets' })
  write(@CurrentPrincipal() p: Principal, @Body() body: ProbeBodyDto) {
    return { ...view(p), note: body.note };
  }

  @Get('webhooks')
  @Authenticated({ scope: 'read:webhooks' })
  webhooks(@CurrentPrincipal() p: Principal) {
    return view(p);
  }

  @Post('signed-only')
  @Authenticated({ scope: 'write:wallets', hmacOnly: true })
  signedOnly(@CurrentPrincipal() p: Principal) {
    return view(p);
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to db failed: password=hunter2 at 10.0.0.7');
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
