import { Module } from '@nestjs/common';
import { DevnetService } from './devnet.service';
import { SandboxController } from './sandbox.controller';
import { SandboxService } from './sandbox.service';

/** Loaded only when NETWORK_ENV=devnet: test tokens and the sandbox helpers. */
@Module({ controllers: [SandboxController], providers: [DevnetService, SandboxService], exports: [DevnetService] })
export class DevnetModule {}
