import { MigrationInterface } from 'typeorm';
import { Foundation1763780000000 } from './1763780000000-Foundation';

/** Every migration, in order. `npm run migration:generate -- libs/db/src/migrations/<Name>` adds a file; list it here. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [Foundation1763780000000];
