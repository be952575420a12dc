import { Module } from '@nestjs/common';
import { AdjustmentsController } from './adjustments.controller';
import { AdjustmentsService } from './adjustments.service';

@Module({ controllers: [AdjustmentsController], providers: [AdjustmentsService] })
export class AdjustmentsModule {}
