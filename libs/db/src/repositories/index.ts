import { OrganizationsRepository } from './organizations.repository';
import { WalletsRepository } from './wallets.repository';

export * from './organizations.repository';
export * from './tenant-scope';
export * from './wallets.repository';

/** Every repository, provided and exported by DbModule. */
export const REPOSITORIES = [OrganizationsRepository, WalletsRepository];
