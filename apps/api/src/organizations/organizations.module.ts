import { Module } from '@nestjs/common';
import { DevBootstrapService } from './dev-bootstrap.service';
import { OrganizationsService } from './organizations.service';

@Module({ providers: [OrganizationsService, DevBootstrapService], exports: [OrganizationsService] })
export class OrganizationsModule {}
